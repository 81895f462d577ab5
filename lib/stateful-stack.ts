import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag';
import {
  AUDIT_ANCHOR_RETENTION_DAYS,
  QUEUES,
  type QueueDefinition,
  TABLES,
  type TableDefinition,
} from './resources';

export interface StatefulStackProps extends StackProps {
  stage: string;
}

export interface QueueWithDlq {
  definition: QueueDefinition;
  queue: Queue;
  deadLetterQueue: Queue;
}

/** A dead-letter queue keeps a message for the maximum SQS allows, so nothing expires unseen. */
const DLQ_RETENTION = Duration.days(14);

/**
 * Everything that holds data and must outlive a redeployment: the customer-managed key, the tables
 * and queues described in `resources.ts` (one definition, shared with the local platform), and the
 * sBMS snapshot bucket. All of it is retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  /** Encrypts tables, queues, the snapshot bucket and the platform's log groups. */
  public readonly key: Key;
  /** By logical name from `resources.ts` (`Cir`, `Links`, `Audit`). */
  public readonly tables: ReadonlyMap<string, { definition: TableDefinition; table: Table }>;
  /** By logical name from `resources.ts` (`MidChecks`). */
  public readonly queues: ReadonlyMap<string, QueueWithDlq>;
  /** sBMS index snapshots (one object per shard and watermark). */
  public readonly snapshotBucket: Bucket;
  /** Server access logs of the snapshot bucket. */
  public readonly accessLogBucket: Bucket;
  /**
   * Export name of the snapshot bucket's ARN. The platform stack imports it by this readable name,
   * so the object-level grant (`<arn>/*`) is acknowledged by a stable id, not a generated one.
   */
  public readonly snapshotBucketArnExport: string;
  /**
   * Signs the audit log's chain heads (ECDSA P-256). The head signer may only call kms:Sign; the
   * verifier reads the public key (kms:GetPublicKey). Not for encryption.
   */
  public readonly auditSigningKey: Key;
  /** The signed heads, outside the audit table: Object Lock in compliance mode, so no one can rewrite them. */
  public readonly auditAnchorBucket: Bucket;
  /** Export name of the anchor bucket's ARN (imported by the platform stack under this stable name). */
  public readonly auditAnchorBucketArnExport: string;
  /** HMAC key of the data-quality document items (DATA_QUALITY_KEY): it must stay with the items it keys. */
  public readonly dataQualityKey: Secret;
  /** HMAC key of link ids (LINK_ID_KEY): stored links are named by it. */
  public readonly linkIdKey: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.key = new Key(this, 'DataKey', {
      description: `EU interop ${props.stage}: tables, queues, snapshots and logs`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the API access logs and function logs with this key, only for log
    // groups of this account and region.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );

    this.tables = new Map(TABLES.map((definition) => [definition.name, this.table(definition)]));
    this.queues = new Map(QUEUES.map((definition) => [definition.name, this.queue(definition)]));

    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only, not SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogBucket,
      'AwsSolutions-S1',
      'This bucket is the server access log target of the snapshot bucket; logging it into itself would log its own log deliveries.',
    );

    this.snapshotBucket = new Bucket(this, 'SbmsSnapshots', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'sbms-snapshots/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.snapshotBucketArnExport = `${this.stackName}-SbmsSnapshotsArn`;
    new CfnOutput(this, 'SbmsSnapshotsArn', {
      value: this.snapshotBucket.bucketArn,
      exportName: this.snapshotBucketArnExport,
    });

    this.auditSigningKey = new Key(this, 'AuditSigningKey', {
      description: `EU interop ${props.stage}: signs the audit log's chain heads (sign only; verify with the public key)`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.auditSigningKey,
      'AwsSolutions-KMS5',
      'KMS rotates symmetric keys only; an asymmetric signing key keeps its key pair so that every anchor it signed still verifies.',
    );
    this.auditAnchorBucket = new Bucket(this, 'AuditAnchors', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(AUDIT_ANCHOR_RETENTION_DAYS)),
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'audit-anchors/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.auditAnchorBucketArnExport = `${this.stackName}-AuditAnchorsArn`;
    new CfnOutput(this, 'AuditAnchorsArn', {
      value: this.auditAnchorBucket.bucketArn,
      exportName: this.auditAnchorBucketArnExport,
    });
    new CfnOutput(this, 'AuditAnchorBucket', {
      value: this.auditAnchorBucket.bucketName,
      description: 'npm run audit:verify -- --anchor-bucket',
    });
    new CfnOutput(this, 'AuditSigningKeyArn', {
      value: this.auditSigningKey.keyArn,
      description: 'npm run audit:verify -- --signing-key',
    });

    this.dataQualityKey = new Secret(this, 'DataQualityKey', {
      description: `EU interop ${props.stage}: HMAC key of the data-quality duplicate-document items`,
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.dataQualityKey,
      'AwsSolutions-SMG4',
      'The key names the stored data-quality document items (HMAC of each document): a rotated key would orphan them, so it is changed only together with a recount.',
    );

    this.linkIdKey = new Secret(this, 'LinkIdKey', {
      description: `EU interop ${props.stage}: HMAC key of MID link ids`,
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.linkIdKey,
      'AwsSolutions-SMG4',
      'The key names the stored links (HMAC of the pair of record keys): a rotated key would give a pair a second id, so the MID would create a duplicate link beside the stored one.',
    );
  }

  /** The table with that logical name from `resources.ts`; throws at synth for an unknown name. */
  tableNamed(name: string): Table {
    const entry = this.tables.get(name);
    if (!entry) throw new Error(`no table named ${name} in resources.ts (known: ${[...this.tables.keys()]})`);
    return entry.table;
  }

  /** The queue with that logical name from `resources.ts`; throws at synth for an unknown name. */
  queueNamed(name: string): QueueWithDlq {
    const entry = this.queues.get(name);
    if (!entry) throw new Error(`no queue named ${name} in resources.ts (known: ${[...this.queues.keys()]})`);
    return entry;
  }

  private table(definition: TableDefinition) {
    const table = new Table(this, `${definition.name}Table`, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of definition.gsis) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: gsi.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      });
    }
    // The access patterns travel with the table into the template, from the same definition.
    (table.node.defaultChild as CfnTable).addMetadata('AccessPatterns', definition.accessPatterns);
    return { definition, table };
  }

  private queue(definition: QueueDefinition): QueueWithDlq {
    const deadLetterQueue = new Queue(this, `${definition.name}Dlq`, {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const queue = new Queue(this, `${definition.name}Queue`, {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return { definition, queue, deadLetterQueue };
  }
}
