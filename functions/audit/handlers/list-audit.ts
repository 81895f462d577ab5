import { type ApiHandler, ok } from '../../shared/http';
import type { AuditQuery } from '../../shared/schemas/audit';
import type { AuditReader } from '../domain/ports';

export function listAuditHandler(
  reader: () => AuditReader,
): ApiHandler<unknown, Record<string, string>, AuditQuery> {
  return async (request) => {
    const page = await reader().list(request.query);
    request.audit.resultCount = page.entries.length;
    return ok(page);
  };
}
