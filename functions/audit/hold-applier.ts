import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import { DynamoAuditLog } from './store';

/** Within the function's 60 s timeout; what is left is done on the next run. */
const BUDGET_MS = 45_000;

/**
 * The log hold applier (EventBridge every five minutes; the local platform's timer): moves the expiry
 * of the held days' items to the end of their hold, so that TTL leaves them. Its role may change
 * `expiresAt` only (UpdateItem limited to that attribute), nothing of an entry's content.
 */
export async function applyLogHolds(now = new Date()) {
  const log = new DynamoAuditLog(dynamo, loadConfig().AUDIT_TABLE);
  const result = await log.applyHolds(now, Date.now() + BUDGET_MS);
  if (result.extended) logger.info('extended held log items', { ...result });
  return result;
}

export const handler = () => applyLogHolds();
