import type { ModalityKey } from './types';
import { modalityKind } from './types';

/** Settings shared by every shard and by ingestion; a snapshot records them and refuses to load under others. */
export interface SbmsConfig {
  dimensions: { face: number; fingerprint: number };
  /** Extractor quality score (0-100) below which a template is refused. */
  minQuality: number;
  /** Seed of the random rotation applied before taking the code bits (one per coordinate, ADR 0005). */
  rotationSeed: number;
  /** Templates per modality and shard returned by the scan, best exact cosine first; at least this many are re-ranked. */
  shortlist: number;
  /**
   * Error bound of the code estimates in standard deviations: every template whose estimate is within it of
   * the best exact cosine is re-ranked. 3: the exact rank-1 is missed only when its estimate is low by more than 3 sd plus its lead over the runner-up (at most ~1.3e-3 for a tie, far less for a mate ahead of its rivals).
   */
  errorSigmas: number;
  /** Upper bound of templates in one shard, so that a shard fits the memory of one function. */
  maxTemplatesPerShard: number;
}

export const DEFAULT_SBMS_CONFIG: SbmsConfig = {
  dimensions: { face: 512, fingerprint: 256 },
  minQuality: 20,
  rotationSeed: 0x5b5,
  shortlist: 64,
  errorSigmas: 3,
  maxTemplatesPerShard: 1_000_000,
};

export function dimensionOf(config: SbmsConfig, modality: ModalityKey): number {
  return config.dimensions[modalityKind(modality)];
}
