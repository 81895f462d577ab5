import type { OriginSystem } from '../../shared/systems';

export const FINGER_POSITIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type FingerPosition = (typeof FINGER_POSITIONS)[number];

/** `FACE`, or a finger by its position 1-10 (`FP01`..`FP10`): a probe finger is only compared with the same position. */
export type ModalityKey =
  | 'FACE'
  | 'FP01'
  | 'FP02'
  | 'FP03'
  | 'FP04'
  | 'FP05'
  | 'FP06'
  | 'FP07'
  | 'FP08'
  | 'FP09'
  | 'FP10';

export const MODALITY_KEYS: readonly ModalityKey[] = ['FACE', ...FINGER_POSITIONS.map((p) => fingerKey(p))];

export function fingerKey(position: FingerPosition): ModalityKey {
  return `FP${String(position).padStart(2, '0')}` as ModalityKey;
}

export function modalityKind(key: ModalityKey): 'face' | 'fingerprint' {
  return key === 'FACE' ? 'face' : 'fingerprint';
}

export function isModalityKey(value: string): value is ModalityKey {
  return (MODALITY_KEYS as readonly string[]).includes(value);
}

/** A template that passed the quality gate: unit-length vector (so cosine = dot product). */
export interface AcceptedTemplate {
  modality: ModalityKey;
  vector: Float32Array;
  quality: number;
}

export interface TemplateRef {
  system: OriginSystem;
  recordId: string;
}

/** All templates of one origin record; an upsert replaces every template the record had before. */
export interface TemplateRecord extends TemplateRef {
  templates: AcceptedTemplate[];
}

/** Probe templates by modality, unit-length (from `checkProbe`). */
export type Probe = Partial<Record<ModalityKey, Float32Array>>;

/** Cosine similarity per modality compared. */
export type ModalityScores = Partial<Record<ModalityKey, number>>;

export interface Candidate extends TemplateRef {
  /** Fused score: sum of per-modality log-likelihood ratios (natural log), see fusion.ts. */
  score: number;
  perModality: ModalityScores;
}

export interface SearchOptions {
  topK: number;
  /** Minimum fused score; omit for the closed-set ranking (every shortlisted candidate). */
  threshold?: number;
  /** Only records of these origin systems; omit for all. */
  systems?: readonly OriginSystem[];
}
