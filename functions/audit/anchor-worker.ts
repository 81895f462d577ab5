import { readFileSync } from 'node:fs';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { dynamo } from '../shared/clients';
import { loadConfig, type PlatformConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import { DirectoryAnchorStore, KmsHeadSigner, PemHeadSigner, S3AnchorStore, signAnchor } from './anchors';
import type { AnchorStore, HeadAnchor, HeadSigner } from './domain/anchor';
import { DynamoAuditLog } from './store';

const DAY_MS = 86_400_000;
/** In the first minutes of a day the previous day's chains are anchored too: their final heads. */
const DAY_END_GRACE_MINUTES = 10;

export interface AnchorDependencies {
  log: Pick<DynamoAuditLog, 'chainHeads'>;
  signer: HeadSigner;
  store: AnchorStore;
}

/** The signer and the store of the configuration, or undefined where the heads are not anchored. */
export function anchorDependencies(config: PlatformConfig = loadConfig()): AnchorDependencies | undefined {
  const signer = config.AUDIT_SIGNING_KEY_ID
    ? new KmsHeadSigner(new KMSClient({}), config.AUDIT_SIGNING_KEY_ID)
    : config.AUDIT_SIGNING_KEY_FILE
      ? new PemHeadSigner(readFileSync(config.AUDIT_SIGNING_KEY_FILE, 'utf8'))
      : undefined;
  const store = config.AUDIT_ANCHOR_BUCKET
    ? new S3AnchorStore(new S3Client({}), config.AUDIT_ANCHOR_BUCKET)
    : config.AUDIT_ANCHOR_DIR
      ? new DirectoryAnchorStore(config.AUDIT_ANCHOR_DIR)
      : undefined;
  if (!signer || !store) return undefined;
  return { log: new DynamoAuditLog(dynamo, config.AUDIT_TABLE), signer, store };
}

/**
 * The head signer (EventBridge every minute; a timer locally): signs the head of every chain of today
 * (and, just after midnight, of yesterday: the day's final heads) and stores the anchor outside the
 * table. The function reads the table and may only sign with the key: it cannot rewrite the log.
 */
export async function anchorChainHeads(
  now = new Date(),
  dependencies = anchorDependencies(),
): Promise<HeadAnchor | undefined> {
  if (!dependencies) return undefined;
  const today = now.toISOString().slice(0, 10);
  const dayEnd = now.getUTCHours() === 0 && now.getUTCMinutes() < DAY_END_GRACE_MINUTES;
  const days = dayEnd ? [new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10), today] : [today];
  const heads = (await Promise.all(days.map((day) => dependencies.log.chainHeads(day)))).flat();
  if (heads.length === 0) return undefined;
  const anchor = await signAnchor(dependencies.signer, {
    version: 1,
    signedAt: now.toISOString(),
    days,
    heads,
  });
  await dependencies.store.put(anchor);
  logger.info('anchored audit chain heads', { chains: heads.length, days: days.join(',') });
  return anchor;
}

export const handler = () => anchorChainHeads();
