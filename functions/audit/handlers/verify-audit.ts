import { ValidationFailed } from '../../shared/errors';
import { type ApiHandler, ok } from '../../shared/http';
import {
  type AuditVerificationQuery,
  type DayRange,
  DEFAULT_VERIFICATION_DAYS,
  MAX_VERIFICATION_DAYS,
} from '../../shared/schemas/audit';
import type { DynamoAuditLog } from '../store';

const DAY_MS = 86_400_000;

function verificationDays(query: AuditVerificationQuery): DayRange {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(to) - (DEFAULT_VERIFICATION_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new ValidationFailed([{ field: 'query.from', message: 'from must not be after to' }]);
  if (Date.parse(to) - Date.parse(from) >= MAX_VERIFICATION_DAYS * DAY_MS) {
    throw new ValidationFailed([
      {
        field: 'query.from',
        message: `at most ${MAX_VERIFICATION_DAYS} days per request (npm run audit:verify checks the whole log)`,
      },
    ]);
  }
  return { from, to };
}

/**
 * `GET /v1/audit/verification` (data protection officer): recomputes the hash chains of a range of days
 * (the last 7 by default, at most 31: a request must finish within API Gateway's 29 s; `npm run
 * audit:verify` checks the whole log) against their heads; problems by chain and sequence number only.
 */
export function verifyAuditHandler(log: () => Pick<DynamoAuditLog, 'verifyAll'>): ApiHandler {
  return async (request) => {
    const days = verificationDays(request.query as AuditVerificationQuery);
    const { chains, entries, problems } = await log().verifyAll(undefined, days);
    request.audit.resultCount = problems.length;
    request.audit.details = { ...days, chains, entries, problems: problems.length };
    return ok({ ...days, chains, entries, problems, verifiedAt: new Date().toISOString() });
  };
}
