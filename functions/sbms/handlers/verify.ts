import type { ProfileSystems } from '../../esp/profiles/load-profiles';
import { NotFound } from '../../shared/errors';
import { type ApiHandler, ok } from '../../shared/http';
import type { VerifyBody } from '../../shared/schemas/sbms';
import type { SbmsService } from '../service';
import { gateProbe } from './probe';
import { sbmsScope } from './scope';

/**
 * `POST /v1/sbms/verify`: 1:1 against the enrolled templates of one record (Art 14); 404 when the
 * record has none (deleted, never enrolled, or every template refused at enrolment) or is of a
 * system outside the caller's scope (`scope.ts`), the same answer.
 */
export function verifyHandler(
  service: () => Promise<SbmsService>,
  profileSystems?: ProfileSystems,
): ApiHandler<VerifyBody> {
  return async (request) => {
    const inScope = sbmsScope(request.caller, profileSystems).includes(request.body.system);
    const { templates, system, recordId } = request.body;
    const ref = { system, recordId };
    request.audit.systems = [system];
    request.audit.records = [ref];
    request.audit.purpose = request.body.purpose;
    const { probe, modalities, refusedTemplates } = gateProbe(templates);
    request.audit.details = {
      biometricTypes: modalities.join(','),
      templatesRefused: refusedTemplates.length,
    };
    // A record outside the caller's scope is answered exactly as one without templates: no oracle.
    const verification = inScope ? await (await service()).verify(probe, ref) : undefined;
    if (!verification) {
      request.audit.resultCount = 0;
      throw new NotFound('enrolled templates of that record');
    }
    request.audit.resultCount = 1;
    request.audit.details.decision = verification.decision;
    request.audit.details.compared = verification.compared.join(',');
    const { score, decision, perModality, compared } = verification;
    return ok({ score, decision, perModality, compared, refusedTemplates });
  };
}
