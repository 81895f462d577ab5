import type { SbmsConfig } from './config';
import { dimensionOf } from './config';
import type { AcceptedTemplate, FingerPosition, ModalityKey, Probe } from './types';
import { FINGER_POSITIONS, fingerKey } from './types';

export type RefusalReason =
  | 'wrong-dimension'
  | 'non-finite'
  | 'zero-norm'
  | 'invalid-quality'
  | 'low-quality'
  | 'invalid-position'
  | 'duplicate-position';

/** Why one template was refused; recorded on the record, which is otherwise accepted. */
export interface TemplateRefusal {
  modality: ModalityKey;
  reason: RefusalReason;
  detail: string;
}

export interface TemplateInput {
  vector: ArrayLike<number>;
  quality: number;
}

/** The shape of `biometrics` in the record schema (functions/shared/schemas/record.ts). */
export interface BiometricsInput {
  face?: TemplateInput;
  fingerprints?: readonly (TemplateInput & { position: number })[];
}

export interface GateResult {
  accepted: AcceptedTemplate[];
  refusals: TemplateRefusal[];
}

export type TemplateCheck =
  | { ok: true; template: AcceptedTemplate }
  | { ok: false; refusal: TemplateRefusal };

/** Checks one template and, when it passes, returns it normalised to unit length. */
export function checkTemplate(
  modality: ModalityKey,
  input: TemplateInput,
  config: SbmsConfig,
): TemplateCheck {
  const refuse = (reason: RefusalReason, detail: string): TemplateCheck => ({
    ok: false,
    refusal: { modality, reason, detail },
  });
  const expected = dimensionOf(config, modality);
  if (input.vector.length !== expected) {
    return refuse('wrong-dimension', `expected ${expected} values, got ${input.vector.length}`);
  }
  let normSquared = 0;
  for (let i = 0; i < expected; i++) {
    const value = input.vector[i]!;
    if (!Number.isFinite(value)) return refuse('non-finite', `value at index ${i} is ${value}`);
    normSquared += value * value;
  }
  const norm = Math.sqrt(normSquared);
  if (!(norm > 0) || !Number.isFinite(norm)) return refuse('zero-norm', 'the vector has no direction');
  if (!Number.isFinite(input.quality) || input.quality < 0 || input.quality > 100) {
    return refuse('invalid-quality', `quality must be within 0-100, got ${input.quality}`);
  }
  if (input.quality < config.minQuality) {
    return refuse('low-quality', `quality ${input.quality} is below the minimum ${config.minQuality}`);
  }
  const vector = new Float32Array(expected);
  for (let i = 0; i < expected; i++) vector[i] = input.vector[i]! / norm;
  return { ok: true, template: { modality, vector, quality: input.quality } };
}

/** Runs the quality gate over the biometrics of a record (or of a probe): each template on its own. */
export function checkBiometrics(input: BiometricsInput, config: SbmsConfig): GateResult {
  const result: GateResult = { accepted: [], refusals: [] };
  const add = (check: TemplateCheck) => {
    if (check.ok) result.accepted.push(check.template);
    else result.refusals.push(check.refusal);
  };
  if (input.face) add(checkTemplate('FACE', input.face, config));
  const seen = new Set<number>();
  for (const finger of input.fingerprints ?? []) {
    if (!FINGER_POSITIONS.includes(finger.position as FingerPosition)) {
      result.refusals.push({
        modality: 'FP01',
        reason: 'invalid-position',
        detail: `finger position must be 1-10, got ${finger.position}`,
      });
      continue;
    }
    const modality = fingerKey(finger.position as FingerPosition);
    if (seen.has(finger.position)) {
      result.refusals.push({
        modality,
        reason: 'duplicate-position',
        detail: `finger position ${finger.position} given twice; the first one is kept`,
      });
      continue;
    }
    seen.add(finger.position);
    add(checkTemplate(modality, finger, config));
  }
  return result;
}

export function toProbe(accepted: readonly AcceptedTemplate[]): Probe {
  const probe: Probe = {};
  for (const template of accepted) probe[template.modality] = template.vector;
  return probe;
}
