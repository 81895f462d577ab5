import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  anchorSignatureValid,
  DirectoryAnchorStore,
  kmsPublicKey,
  S3AnchorStore,
} from '../functions/audit/anchors';
import { type AnchorStore, anchoredFacts, type HeadAnchor } from '../functions/audit/domain/anchor';
import type { ChainProblem } from '../functions/audit/domain/chain';
import { DynamoAuditLog } from '../functions/audit/store';
import { AUDIT_TABLE } from '../lib/resources';
import { AUDIT_SIGNING_KEY_FILES } from './auth/audit-signing-key';
import { localDynamoEndpoint } from './cli';
import { LOCAL_DATA_DIR } from './paths';
import { localTableName } from './provision';

/** Where `npm run audit:verify` finds the log, its anchors and the key that signed them. */
export interface AuditVerificationTarget {
  /** DynamoDB endpoint (the local platform's); absent: AWS, with the usual credentials chain. */
  endpoint?: string;
  table: string;
  anchors: { bucket: string } | { dir: string };
  /** KMS key id or ARN (its public key is read with kms:GetPublicKey), or a PEM public key file. */
  publicKey: { kmsKeyId: string } | { file: string };
}

/**
 * The target from the command's options: `--table` (the physical name) means AWS, where the anchor
 * bucket and the signing key (the stateful stack's outputs) must be named too; without it, the local
 * platform under LOCAL_DATA_DIR (`.local/`).
 */
export function auditVerificationTarget(options: {
  endpoint?: string;
  table?: string;
  anchorBucket?: string;
  signingKey?: string;
}): AuditVerificationTarget {
  if (options.table && !options.endpoint) {
    if (!options.anchorBucket || !options.signingKey) {
      throw new Error(
        '--anchor-bucket and --signing-key are required with --table (the AuditAnchorBucket and AuditSigningKeyArn outputs of the stateful stack)',
      );
    }
    return {
      table: options.table,
      anchors: { bucket: options.anchorBucket },
      publicKey: { kmsKeyId: options.signingKey },
    };
  }
  return {
    endpoint: options.endpoint ?? localDynamoEndpoint(),
    table: options.table ?? localTableName(AUDIT_TABLE, 'interop-local'),
    anchors: { dir: join(LOCAL_DATA_DIR, 'audit-anchors') },
    publicKey: { file: join(LOCAL_DATA_DIR, 'keys', AUDIT_SIGNING_KEY_FILES.publicKey) },
  };
}

export interface AuditVerificationResult {
  chains: number;
  entries: number;
  anchors: number;
  /** Chains no anchor lists yet: appended since the last signing, or while no signer ran. */
  unanchoredChains: number;
  problems: ChainProblem[];
}

/**
 * Every chain against its hash links and head, every anchor's signature against the signing key's
 * public key, and the chains and the registry against the anchored heads.
 */
export async function verifyAuditLog(
  target: AuditVerificationTarget,
  onProgress?: (chainsDone: number) => void,
): Promise<AuditVerificationResult> {
  const region = process.env.AWS_REGION ?? 'eu-central-1';
  const local = target.endpoint
    ? { endpoint: target.endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  const dynamo = new DynamoDBClient(local);
  const kms = new KMSClient({});
  const s3 = new S3Client({});
  try {
    const store: AnchorStore =
      'bucket' in target.anchors
        ? new S3AnchorStore(s3, target.anchors.bucket)
        : new DirectoryAnchorStore(target.anchors.dir);
    const anchors = await store.list();
    const problems: ChainProblem[] = [];
    const valid: HeadAnchor[] = [];
    if (anchors.length > 0) {
      const publicKey = await loadPublicKey(target.publicKey, kms);
      for (const { name, anchor } of anchors) {
        if (publicKey && anchorSignatureValid(anchor, publicKey)) valid.push(anchor);
        else problems.push({ chain: name, seq: 0, problem: 'anchor-signature-invalid' });
      }
    }
    const facts = anchoredFacts(valid);
    const log = new DynamoAuditLog(DynamoDBDocumentClient.from(dynamo), target.table);
    const result = await log.verifyAll(onProgress, undefined, facts);
    const registeredOrAnchored = await log.registeredChains();
    return {
      chains: result.chains,
      entries: result.entries,
      anchors: anchors.length,
      unanchoredChains: registeredOrAnchored.filter((chain) => !facts.heads.has(chain)).length,
      problems: [...problems, ...result.problems],
    };
  } finally {
    dynamo.destroy();
    kms.destroy();
    s3.destroy();
  }
}

async function loadPublicKey(
  source: AuditVerificationTarget['publicKey'],
  kms: KMSClient,
): Promise<KeyObject | undefined> {
  if ('kmsKeyId' in source) return kmsPublicKey(kms, source.kmsKeyId);
  return existsSync(source.file) ? createPublicKey(readFileSync(source.file, 'utf8')) : undefined;
}

const DESCRIPTIONS: Record<ChainProblem['problem'], string> = {
  altered: 'its content does not match its hash (altered)',
  missing: 'missing from the chain (removed)',
  'broken-link': 'does not link to the previous entry',
  'head-mismatch': "the chain's head does not match its last entry",
  'anchor-mismatch':
    'contradicts the signed head anchored outside the table (entries removed with the head moved back, or altered and rehashed)',
  'registry-missing': 'the chain is anchored but its chain registry item is gone (deleted)',
  'registry-expiry-altered':
    "the chain registry item's expiry is before the chain's retention end (set back)",
  'anchor-signature-invalid': 'this anchor does not verify with the signing key (forged or altered)',
};

/** One line per problem, for the command's output. */
export function describeProblem(problem: ChainProblem): string {
  const where =
    problem.problem === 'anchor-signature-invalid'
      ? `anchor ${problem.chain}`
      : problem.seq > 0
        ? `chain ${problem.chain}, entry ${problem.seq}`
        : `chain ${problem.chain}`;
  return `${where}: ${problem.problem}: ${DESCRIPTIONS[problem.problem]}`;
}
