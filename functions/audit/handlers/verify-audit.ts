import { type ApiHandler, ok } from '../../shared/http';
import type { DynamoAuditLog } from '../store';

/**
 * `GET /v1/audit/verification` (data protection officer): recomputes every hash chain of the log
 * and checks it against its head; the reply lists problems by chain and sequence number only.
 */
export function verifyAuditHandler(log: () => Pick<DynamoAuditLog, 'verifyAll'>): ApiHandler {
  return async (request) => {
    const { chains, entries, problems } = await log().verifyAll();
    request.audit.resultCount = problems.length;
    request.audit.details = { chains, entries, problems: problems.length };
    return ok({ chains, entries, problems, verifiedAt: new Date().toISOString() });
  };
}
