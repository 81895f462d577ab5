import { type ApiHandler, ok } from '../../shared/http';
import type { IdentifyBody } from '../../shared/schemas/sbms';
import { ORIGIN_SYSTEMS } from '../../shared/systems';
import type { SbmsService } from '../service';
import { thresholds } from '../service';
import { gateProbe } from './probe';

/**
 * `POST /v1/sbms/identify`: 1:N over every shard (Art 14). Logged per Art 16: the biometric types
 * searched with, the systems, the number of candidates and the purpose (never the templates).
 */
export function identifyHandler(service: () => Promise<SbmsService>): ApiHandler<IdentifyBody> {
  return async (request) => {
    const { templates, topK, systems } = request.body;
    const threshold = request.body.threshold ?? thresholds.identify;
    request.audit.systems = [...(systems ?? ORIGIN_SYSTEMS)];
    request.audit.purpose = request.body.purpose;
    const { probe, modalities, refusedTemplates } = gateProbe(templates);
    const candidates = await (await service()).identify(probe, { topK, threshold, systems });
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
