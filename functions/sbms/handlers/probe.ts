import { ValidationFailed } from '../../shared/errors';
import type { Biometrics } from '../../shared/schemas/record';
import { DEFAULT_SBMS_CONFIG } from '../domain/config';
import { checkBiometrics, type TemplateRefusal, toProbe } from '../domain/quality-gate';
import type { ModalityKey, Probe } from '../domain/types';

/** A probe template the quality gate refused, named by its field in the request body. */
export interface RefusedTemplate extends TemplateRefusal {
  field: string;
}

export interface GatedProbe {
  probe: Probe;
  modalities: ModalityKey[];
  refusedTemplates: RefusedTemplate[];
}

/**
 * Runs the probe through the same quality gate as enrolment. Templates that fail are reported by
 * field; if none passes there is nothing to search with, and the request is refused (400).
 */
export function gateProbe(templates: Biometrics): GatedProbe {
  const { accepted, refusals } = checkBiometrics(templates, DEFAULT_SBMS_CONFIG);
  const refusedTemplates = refusals.map((refusal) => ({ field: fieldOf(refusal, templates), ...refusal }));
  if (accepted.length === 0) {
    throw new ValidationFailed(
      refusedTemplates.map((refused) => ({
        field: refused.field,
        message: `refused by the quality gate (${refused.reason}): ${refused.detail}`,
      })),
    );
  }
  return { probe: toProbe(accepted), modalities: accepted.map((t) => t.modality), refusedTemplates };
}

function fieldOf(refusal: TemplateRefusal, templates: Biometrics): string {
  if (refusal.modality === 'FACE') return 'body.templates.face';
  const position = Number(refusal.modality.slice(2));
  const indices = templates.fingerprints.flatMap((finger, i) => (finger.position === position ? [i] : []));
  // a duplicate position refuses the later template; the first one is kept
  const index = refusal.reason === 'duplicate-position' ? indices[1] : indices[0];
  return `body.templates.fingerprints.${index ?? 0}`;
}
