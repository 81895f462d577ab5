import { type ApiHandler, ok } from '../../shared/http';
import type { IdentityCheckBody } from '../../shared/schemas/consultation';
import type { ConsultationDependencies } from '../dependencies';
import { identityCheck } from '../domain/identity-check';

/** Art 20: police identity checks against the CIR (biometrics first, identity data as fallback). */
export function identityCheckHandlers(deps: () => ConsultationDependencies) {
  const check: ApiHandler<IdentityCheckBody> = async (request) => {
    const { body } = request;
    request.audit.purpose = `Art 20 identity check: ${body.reason}`;
    request.audit.caseReference = body.caseReference;
    request.audit.details = {
      reason: body.reason,
      bestInterestOfChild: body.bestInterestOfChild !== undefined,
      biometricsGiven: Boolean(body.biometrics?.face || body.biometrics?.fingerprints.length),
    };
    const result = await identityCheck(body, deps().identityCheckSearch);
    const returned = [...result.files, ...result.whiteGroup];
    request.audit.systems = [...new Set(returned.map((file) => file.system))];
    request.audit.records = returned.map(({ system, recordId }) => ({ system, recordId }));
    request.audit.resultCount = returned.length;
    request.audit.details = {
      ...request.audit.details,
      method: result.method,
      fallback: result.fallback ?? 'none',
      hit: result.hit,
    };
    return ok(result);
  };
  return { identityCheck: check };
}
