import { DEFAULT_SBMS_CONFIG } from '../sbms/domain/config';
import { checkBiometrics, type TemplateRefusal, toProbe } from '../sbms/domain/quality-gate';
import type { Probe } from '../sbms/domain/types';
import { ValidationFailed } from '../shared/errors';
import type { EspQuery, QueryBiometrics } from './domain/query';

export interface GatedQueryBiometrics {
  probe: Probe;
  /** Refused templates, named by their field in the request body (no template values). */
  refused: { field: string; reason: TemplateRefusal['reason']; detail: string }[];
}

function fieldOf(refusal: TemplateRefusal, biometrics: QueryBiometrics): string {
  if (refusal.modality === 'FACE') return 'body.query.biometrics.face';
  const position = Number(refusal.modality.slice(2));
  const indices = (biometrics.fingerprints ?? []).flatMap((finger, i) =>
    finger.position === position ? [i] : [],
  );
  const index = refusal.reason === 'duplicate-position' ? indices[1] : indices[0];
  return `body.query.biometrics.fingerprints.${index ?? 0}`;
}

/**
 * The biometric part of an ESP query through the sBMS quality gate (the one enrolment uses):
 * unit-length probe templates by modality, and the refused ones by field.
 */
export function gateQueryBiometrics(biometrics: QueryBiometrics): GatedQueryBiometrics {
  const { accepted, refusals } = checkBiometrics(biometrics, DEFAULT_SBMS_CONFIG);
  return {
    probe: toProbe(accepted),
    refused: refusals.map((refusal) => ({
      field: fieldOf(refusal, biometrics),
      reason: refusal.reason,
      detail: refusal.detail,
    })),
  };
}

/** Refuses (400, by field) a query whose biometric templates the quality gate refuses, all of them. */
export function assertUsableBiometrics(query: EspQuery): void {
  if (!query.biometrics) return;
  const { probe, refused } = gateQueryBiometrics(query.biometrics);
  if (Object.keys(probe).length > 0) return;
  throw new ValidationFailed(
    refused.map(({ field, reason, detail }) => ({
      field,
      message: `refused by the quality gate (${reason}): ${detail}`,
    })),
  );
}
