import type { Caller } from '../../shared/auth/claims';
import { type ApiHandler, ok } from '../../shared/http';
import type { AuditQuery } from '../../shared/schemas/audit';
import type { AuditReader } from '../domain/ports';

/** The European Data Protection Supervisor's authority id: it supervises the whole platform. */
export const EDPS_AUTHORITY = 'EDPS';

/**
 * The entries a data protection officer may read: the EDPS, or the DPO of an EU-level body (Member
 * State `EU`), those of every authority; a national officer those of their own Member State's
 * authorities only (each national supervisory authority supervises its own State's processing).
 */
export function auditRemit(caller: Caller): { memberState?: string } {
  const euLevel = caller.authority === EDPS_AUTHORITY || caller.memberState === 'EU';
  return euLevel ? {} : { memberState: caller.memberState };
}

export function listAuditHandler(
  reader: () => AuditReader,
): ApiHandler<unknown, Record<string, string>, AuditQuery> {
  return async (request) => {
    const page = await reader().list(request.query, auditRemit(request.caller));
    request.audit.resultCount = page.entries.length;
    return ok(page);
  };
}
