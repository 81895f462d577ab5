import type { ModalityKey } from './types';
import { modalityKind } from './types';

/** Settings shared by every shard and by ingestion; a snapshot records them and refuses to load under others. */
export interface SbmsConfig {
  dimensions: { face: number; fingerprint: number };
  /** Extractor quality score (0-100) below which a template is refused. */
  minQuality: number;
  /** Bits of the binary code scanned before exact re-ranking (multiple of 64, at most the padded dimension). */
  codeBits: { face: number; fingerprint: number };
  /** Seed of the random rotation applied before taking sign bits. */
  rotationSeed: number;
  /** Templates per modality kept for exact re-ranking after the binary scan, per shard. */
  shortlist: number;
  /** Upper bound of templates in one shard, so that a shard fits the memory of one function. */
  maxTemplatesPerShard: number;
}

export const DEFAULT_SBMS_CONFIG: SbmsConfig = {
  dimensions: { face: 512, fingerprint: 256 },
  minQuality: 20,
  codeBits: { face: 256, fingerprint: 256 },
  rotationSeed: 0x5b5,
  shortlist: 64,
  maxTemplatesPerShard: 1_000_000,
};

export function dimensionOf(config: SbmsConfig, modality: ModalityKey): number {
  return config.dimensions[modalityKind(modality)];
}

export function codeBitsOf(config: SbmsConfig, modality: ModalityKey): number {
  return config.codeBits[modalityKind(modality)];
}
