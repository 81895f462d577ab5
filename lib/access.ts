import { Fn } from 'aws-cdk-lib';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Component } from '../functions/routes';
import { acknowledge } from './nag';
import {
  AUDIT_TABLE,
  CENTRAL_SYSTEMS_TABLE,
  CIR_TABLE,
  CONSULTATIONS_TABLE,
  LINKS_TABLE,
  MID_CHECK_QUEUE,
  RIGHTS_TABLE,
  STATISTICS_TABLE,
} from './resources';
import type { StatefulStack } from './stateful-stack';

/**
 * - `read`: GetItem/Query/Scan on the table and its indexes.
 * - `readWrite`: all data-plane actions.
 * - `append`: read, plus PutItem only (no UpdateItem, DeleteItem or BatchWriteItem): the audit
 *   log's hash chain is appended to with conditional puts and never edited.
 * - `increment`: UpdateItem only (no read, put or delete): the statistics counters (atomic ADD).
 * - `extendExpiry`: read, plus UpdateItem of the TTL attribute only (IAM `dynamodb:Attributes`):
 *   the audit log's holds keep items longer without being able to change what they say.
 */
export type TableAccess = 'read' | 'readWrite' | 'append' | 'increment' | 'extendExpiry';
/** `send` for producers; consumers get theirs from the SQS event source mapping. */
export type QueueAccess = 'send';

export interface FunctionAccess {
  /** By table name from resources.ts. */
  tables: Record<string, TableAccess>;
  /** By queue name from resources.ts. */
  queues?: Record<string, QueueAccess>;
  /** The sBMS snapshot bucket: `read`, or `readWrite` (read and put; never delete: the bucket is versioned). */
  snapshots?: 'read' | 'readWrite';
  /** `sign`: kms:Sign with the audit signing key and s3:PutObject into the anchor bucket, nothing more. */
  auditAnchors?: 'sign';
}

/** The functions that serve no API route: queue consumers and scheduled jobs. */
export type Worker =
  | 'mid-check-consumer'
  | 'cir-outbox-sweeper'
  | 'sbms-shard-worker'
  | 'consultation-workflow'
  | 'yellow-age-monitor'
  | 'audit-head-signer'
  | 'mid-replay'
  | 'audit-hold-applier';

/**
 * Least privilege, in one table: what each function may touch. A new component in COMPONENTS
 * does not type-check until it has its line here.
 */
export const FUNCTION_ACCESS: Record<Component | Worker, FunctionAccess> = {
  // PUT/GET/DELETE of individual files: the file, its templates, the cascade over its links, the
  // audit entry of the request, and the MID check it enqueues.
  cir: {
    tables: { [CIR_TABLE.name]: 'readWrite', [LINKS_TABLE.name]: 'readWrite', [AUDIT_TABLE.name]: 'append' },
    queues: { [MID_CHECK_QUEUE.name]: 'send' },
  },
  // The DPO's reading of the log, and the audit entry of that reading.
  audit: { tables: { [AUDIT_TABLE.name]: 'append' } },
  // 1:N and 1:1 over the gallery: shards caught up from the CIR's template feed, snapshots in S3.
  sbms: { tables: { [CIR_TABLE.name]: 'read', [AUDIT_TABLE.name]: 'append' }, snapshots: 'readWrite' },
  // Verification queue, identity confirmation files and manual classification of links; the
  // notifications a red or white link calls for (created once: conditional PutItem).
  mid: {
    tables: {
      [CIR_TABLE.name]: 'read',
      [LINKS_TABLE.name]: 'readWrite',
      [AUDIT_TABLE.name]: 'append',
      [RIGHTS_TABLE.name]: 'append',
    },
  },
  // Searches the CIR (with MID links) and the reference central systems; biometric queries via the sBMS.
  esp: {
    tables: {
      [CIR_TABLE.name]: 'read',
      [LINKS_TABLE.name]: 'read',
      [CENTRAL_SYSTEMS_TABLE.name]: 'read',
      [AUDIT_TABLE.name]: 'append',
    },
    snapshots: 'readWrite',
  },
  // MID checks: reads candidates, writes links and the processed-check marker, clears the outbox
  // marker of the file, logs each comparison; the sBMS gallery loads and saves shard snapshots.
  'mid-check-consumer': {
    tables: {
      [CIR_TABLE.name]: 'readWrite',
      [LINKS_TABLE.name]: 'readWrite',
      [AUDIT_TABLE.name]: 'append',
      [RIGHTS_TABLE.name]: 'append',
    },
    snapshots: 'readWrite',
  },
  // One sBMS shard per instance: catches its shard up from the CIR's template feed (gsi2) and keeps
  // its snapshot in S3. Invoked only by the sBMS, ESP and MID consumer functions.
  'sbms-shard-worker': { tables: { [CIR_TABLE.name]: 'read' }, snapshots: 'readWrite' },
  // Re-enqueues MID checks whose outbox marker is older than the grace period; notifies the link
  // changes left in the notifications' outbox (Links table) and clears them (functions/rights/notifier.ts).
  'cir-outbox-sweeper': {
    tables: {
      [CIR_TABLE.name]: 'readWrite',
      [LINKS_TABLE.name]: 'readWrite',
      [RIGHTS_TABLE.name]: 'append',
    },
    queues: { [MID_CHECK_QUEUE.name]: 'send' },
  },
  // Art 22 consultation and Art 20 identity checks: searches the CIR (identity data; biometrics via
  // the sBMS), keeps consultations and access requests, starts and answers the workflow.
  consultation: {
    tables: {
      [CIR_TABLE.name]: 'read',
      // Art 20: the white links of a hit, to return the identity data of the whole group
      [LINKS_TABLE.name]: 'read',
      [CONSULTATIONS_TABLE.name]: 'readWrite',
      [AUDIT_TABLE.name]: 'append',
    },
    snapshots: 'readWrite',
  },
  // The steps of the access-request state machine: request state transitions and their log entries.
  // CRRS (Art 39): reads the counters; the functions of STATISTICS_WRITERS increment them.
  statistics: { tables: { [STATISTICS_TABLE.name]: 'read', [AUDIT_TABLE.name]: 'append' } },
  // Data subjects' rights: requests and notifications; after the identity step, reads the person's
  // files (CIR) and links (MID) to route the request and answer it. Never writes CIR or MID data:
  // rectification and erasure go through the origin systems.
  rights: {
    tables: {
      [CIR_TABLE.name]: 'read',
      [LINKS_TABLE.name]: 'read',
      [RIGHTS_TABLE.name]: 'readWrite',
      [AUDIT_TABLE.name]: 'append',
    },
  },
  // The MID replay job (docs/mid-replay.md): Scans its segment of the links and CIR tables, reads files
  // and blocks, writes nothing there; its report goes to the replay bucket (lib/constructs/mid-replay.ts).
  'mid-replay': { tables: { [CIR_TABLE.name]: 'read', [LINKS_TABLE.name]: 'read' } },
  // Publishes the age of the oldest yellow link per verifier queue (one Query per authority on gsi1).
  'yellow-age-monitor': { tables: { [LINKS_TABLE.name]: 'read' } },
  'consultation-workflow': {
    tables: { [CONSULTATIONS_TABLE.name]: 'readWrite', [AUDIT_TABLE.name]: 'append' },
  },
  // Every minute: reads the chain heads (no write to the table at all), signs them and anchors them.
  'audit-head-signer': { tables: { [AUDIT_TABLE.name]: 'read' }, auditAnchors: 'sign' },
  // Every five minutes: moves the expiry of the log items of held days to the end of their hold.
  'audit-hold-applier': { tables: { [AUDIT_TABLE.name]: 'extendExpiry' } },
};

/**
 * The functions whose events are counted for the CRRS (functions/statistics/recorder.ts: ESP
 * searches, identity checks, consultations and access requests, link writes) and the CIR, whose
 * writes count the data-quality indicators (functions/statistics/quality). They may increment
 * the statistics counters (UpdateItem), nothing more on that table; AccessGrants adds the line.
 */
export const STATISTICS_WRITERS: readonly (Component | Worker)[] = [
  'cir',
  'esp',
  'consultation',
  'mid',
  'mid-check-consumer',
];

export function withStatistics(
  name: Component | Worker,
  tables: FunctionAccess['tables'],
): FunctionAccess['tables'] {
  if (!STATISTICS_WRITERS.includes(name) || tables[STATISTICS_TABLE.name]) return tables;
  return { ...tables, [STATISTICS_TABLE.name]: 'increment' };
}

/**
 * Applies the lines of FUNCTION_ACCESS with the construct grant methods. Tables are granted through
 * a reference that does not list the indexes (the grant methods would add `<table>/index/*`); each
 * index of resources.ts is then granted Query by name: no wildcard, and no Scan on any index.
 */
export class AccessGrants extends Construct {
  private readonly tableRefs = new Map<string, ITable>();
  private snapshotsRef?: IBucket;

  constructor(
    scope: Construct,
    id: string,
    private readonly stateful: StatefulStack,
  ) {
    super(scope, id);
  }

  grant(fn: IGrantable & Construct, access: FunctionAccess, functionName?: Component | Worker): void {
    const { stateful } = this;
    let writesEncrypted = false;
    for (const [name, level] of Object.entries(
      functionName ? withStatistics(functionName, access.tables) : access.tables,
    )) {
      const table = this.tableRef(name);
      if (level === 'increment') {
        // UpdateItem on a table encrypted with the customer key reads and writes data keys.
        table.grant(fn, 'dynamodb:UpdateItem');
        stateful.key.grantEncryptDecrypt(fn);
        writesEncrypted = true;
        continue;
      }
      if (level === 'readWrite') table.grantReadWriteData(fn);
      else table.grantReadData(fn);
      if (level === 'extendExpiry') {
        const { definition } = stateful.tables.get(name)!;
        fn.grantPrincipal.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['dynamodb:UpdateItem'],
            resources: [stateful.tableNamed(name).tableArn],
            conditions: {
              'ForAllValues:StringEquals': {
                'dynamodb:Attributes': [definition.partitionKey, definition.sortKey, definition.ttlAttribute],
              },
            },
          }),
        );
        stateful.key.grantEncrypt(fn);
      }
      if (level === 'append') {
        table.grant(fn, 'dynamodb:PutItem');
        stateful.key.grantEncrypt(fn);
      }
      writesEncrypted ||= level !== 'read';
      const { definition } = stateful.tables.get(name)!;
      if (definition.gsis.length > 0) {
        fn.grantPrincipal.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['dynamodb:Query'],
            resources: definition.gsis.map(
              (gsi) => `${stateful.tableNamed(name).tableArn}/index/${gsi.indexName}`,
            ),
          }),
        );
      }
    }
    for (const [name, level] of Object.entries(access.queues ?? {})) {
      if (level === 'send') stateful.queueNamed(name).queue.grantSendMessages(fn);
      writesEncrypted = true;
    }
    if (access.snapshots) {
      const bucket = this.snapshots();
      bucket.grantRead(fn);
      if (access.snapshots === 'readWrite') {
        bucket.grantPut(fn);
        writesEncrypted = true;
      }
      const role = fn.grantPrincipal as unknown as Construct;
      const reason =
        'Snapshot objects are named per shard and watermark at run time: the grant covers the objects of the one snapshot bucket (grantRead/grantPut action families), not other buckets.';
      for (const finding of [
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        `Resource::${stateful.snapshotBucketArnExport}/*`,
        ...(access.snapshots === 'readWrite' ? ['Action::s3:Abort*'] : []),
      ]) {
        acknowledge(role, `AwsSolutions-IAM5[${finding}]`, reason);
      }
    }
    if (access.auditAnchors === 'sign') {
      fn.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['kms:Sign'], resources: [stateful.auditSigningKey.keyArn] }),
      );
      const anchors = Fn.importValue(stateful.auditAnchorBucketArnExport);
      fn.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [`${anchors}/*`] }),
      );
      stateful.key.grantEncrypt(fn);
      writesEncrypted = true;
      acknowledge(
        fn.grantPrincipal as unknown as Construct,
        `AwsSolutions-IAM5[Resource::${stateful.auditAnchorBucketArnExport}/*]`,
        'Anchors are named by day and signing time at run time: PutObject on the objects of the one anchor bucket, whose Object Lock keeps any object from being replaced or deleted.',
      );
    }
    if (writesEncrypted) {
      const role = fn.grantPrincipal as unknown as Construct;
      const reason =
        'Writing to a resource encrypted with the customer key needs kms:GenerateDataKey* and kms:ReEncrypt* (the grant methods name these action families); the resource is the one data key, not "*".';
      acknowledge(role, 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason);
      acknowledge(role, 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason);
    }
  }

  private snapshots(): IBucket {
    this.snapshotsRef ??= Bucket.fromBucketAttributes(this, 'SbmsSnapshots', {
      bucketArn: Fn.importValue(this.stateful.snapshotBucketArnExport),
      encryptionKey: this.stateful.key,
    });
    return this.snapshotsRef;
  }

  private tableRef(name: string): ITable {
    let ref = this.tableRefs.get(name);
    if (!ref) {
      ref = Table.fromTableAttributes(this, `${name}Table`, {
        tableArn: this.stateful.tableNamed(name).tableArn,
        encryptionKey: this.stateful.key,
      });
      this.tableRefs.set(name, ref);
    }
    return ref;
  }
}

/**
 * The environment every function gets: the physical names of all tables and queues (the config
 * loader wants them all; IAM, not the environment, decides what a function may touch), the stage
 * and the sBMS shard count, which every writer of templates must agree on.
 */
export function resourceEnvironment(
  stateful: StatefulStack,
  stage: string,
  sbmsShards: number,
): Record<string, string> {
  const env: Record<string, string> = { STAGE: stage, SBMS_SHARDS: String(sbmsShards) };
  for (const { definition, table } of stateful.tables.values()) env[definition.envVar] = table.tableName;
  for (const { definition, queue } of stateful.queues.values()) env[definition.envVar] = queue.queueUrl;
  return env;
}
