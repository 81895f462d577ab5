import type { ProfileSystems } from '../../esp/profiles/load-profiles';
import { type ApiHandler, ok } from '../../shared/http';
import type { IdentifyBody } from '../../shared/schemas/sbms';
import type { SbmsService } from '../service';
import { gateProbe } from './probe';
import { identificationThreshold, sbmsScope, searchableSystems } from './scope';

/**
 * `POST /v1/sbms/identify`: 1:N over every shard (Art 14), within the caller's scope (`scope.ts`).
 * Logged per Art 16: the biometric types searched with, the systems, the number of candidates and
 * the purpose (never the templates).
 */
export function identifyHandler(
  service: () => Promise<SbmsService>,
  profileSystems?: ProfileSystems,
): ApiHandler<IdentifyBody> {
  return async (request) => {
    const { templates, topK } = request.body;
    // Candidates only from the systems of the caller's profile; the threshold no looser than calibrated.
    const systems = searchableSystems(sbmsScope(request.caller, profileSystems), request.body.systems);
    const threshold = identificationThreshold(request.caller, request.body.threshold);
    request.audit.systems = systems;
    request.audit.purpose = request.body.purpose;
    const { probe, modalities, refusedTemplates } = gateProbe(templates);
    const candidates = systems.length
      ? (await (await service()).identify(probe, { topK, threshold, systems })).filter((candidate) =>
          systems.includes(candidate.system),
        )
      : [];
    request.audit.resultCount = candidates.length;
    request.audit.records = candidates.map(({ system, recordId }) => ({ system, recordId }));
    request.audit.details = {
      biometricTypes: modalities.join(','),
      templatesRefused: refusedTemplates.length,
      topK,
      threshold,
    };
    return ok({
      candidates: candidates.map(({ system, recordId, score, perModality }) => ({
        system,
        recordId,
        score,
        perModality,
      })),
      threshold,
      refusedTemplates,
    });
  };
}
