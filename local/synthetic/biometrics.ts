import { mulberry32 } from '../../functions/sbms/domain/random';
import type { FingerPosition, ModalityKey } from '../../functions/sbms/domain/types';
import { FINGER_POSITIONS, fingerKey, MODALITY_KEYS, modalityKind } from '../../functions/sbms/domain/types';

/**
 * Seeded synthetic biometrics. Each person has a latent identity vector per modality (face and ten fingers,
 * independent standard Gaussians); a capture is latent + Gaussian noise whose variance grows as the capture
 * quality drops. Two captures with noise variances a and b have an expected cosine of 1 / sqrt((1+a)(1+b)):
 * about 0.93 for two excellent captures, 0.6 for two poor ones, ~0 (sd 1/sqrt(dim)) between different people.
 * Everything is a pure function of (seed, person id, modality, session): call order does not matter.
 */
export interface BiometricDimensions {
  face: number;
  fingerprint: number;
}

export interface SyntheticPerson {
  readonly id: number;
}

export interface CaptureOptions {
  /** Capture number of this person and modality; another session gives another noisy capture. Default 0. */
  session?: number;
  /** Force the extractor quality (0-100) instead of drawing it. */
  quality?: number;
}

export interface SyntheticCapture {
  modality: ModalityKey;
  vector: Float32Array;
  quality: number;
}

export interface SyntheticBiometrics {
  face?: { vector: number[]; quality: number };
  fingerprints: { position: number; vector: number[]; quality: number }[];
}

export interface BiometricGenerator {
  readonly dimensions: BiometricDimensions;
  person(id: number): SyntheticPerson;
  /** The noise-free identity vector (not unit length). */
  latent(person: SyntheticPerson, modality: ModalityKey): Float32Array;
  capture(person: SyntheticPerson, modality: ModalityKey, options?: CaptureOptions): SyntheticCapture;
  /** Captures in the shape of a record's `biometrics` (the ingestion API body). */
  biometrics(
    person: SyntheticPerson,
    options?: CaptureOptions & { face?: boolean; fingers?: readonly FingerPosition[] },
  ): SyntheticBiometrics;
}

/** Share of captures drawn from the low-quality band. */
export const LOW_QUALITY_SHARE = 0.1;
const LOW_QUALITY_BAND: [number, number] = [20, 45];
const NORMAL_QUALITY_BAND: [number, number] = [55, 98];

/** Noise variance of a capture of the given quality: 0.05 at 100, 1.25 at 0. */
export function noiseVariance(quality: number): number {
  return 0.05 + 1.2 * (1 - quality / 100);
}

export function createBiometricGenerator(
  seed: number,
  dimensions: BiometricDimensions = { face: 512, fingerprint: 256 },
): BiometricGenerator {
  const dimensionOf = (modality: ModalityKey) => dimensions[modalityKind(modality)];
  const modalityNumber = (modality: ModalityKey) => MODALITY_KEYS.indexOf(modality);

  const latent = (person: SyntheticPerson, modality: ModalityKey) => {
    const gaussian = gaussianSource(mix(seed, person.id, modalityNumber(modality), 0x1a7e));
    return Float32Array.from({ length: dimensionOf(modality) }, gaussian);
  };

  const capture = (person: SyntheticPerson, modality: ModalityKey, options: CaptureOptions = {}) => {
    const session = options.session ?? 0;
    const random = mulberry32(mix(seed, person.id, modalityNumber(modality), 0xc0de + session));
    const quality = options.quality ?? drawQuality(random);
    const gaussian = gaussianSource(mix(seed, person.id, modalityNumber(modality), 0x5e55 + session));
    const noise = Math.sqrt(noiseVariance(quality));
    const vector = latent(person, modality);
    for (let i = 0; i < vector.length; i++) vector[i]! += noise * gaussian();
    return { modality, vector, quality };
  };

  return {
    dimensions,
    person: (id) => ({ id }),
    latent,
    capture,
    biometrics(person, options = {}) {
      const face = options.face ?? true;
      const fingers = options.fingers ?? FINGER_POSITIONS;
      const toInput = (c: SyntheticCapture) => ({ vector: Array.from(c.vector), quality: c.quality });
      return {
        ...(face ? { face: toInput(capture(person, 'FACE', options)) } : {}),
        fingerprints: fingers.map((position) => ({
          position,
          ...toInput(capture(person, fingerKey(position), options)),
        })),
      };
    },
  };
}

function drawQuality(random: () => number): number {
  const [low, high] = random() < LOW_QUALITY_SHARE ? LOW_QUALITY_BAND : NORMAL_QUALITY_BAND;
  return Math.round(low + (high - low) * random());
}

/** Standard normal draws (Box-Muller, both values of each pair used). */
export function gaussianSource(seed: number): () => number {
  const random = mulberry32(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u = 1 - random();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** 32-bit hash of a few integers (murmur3 finaliser on a running mix), for independent per-item seeds. */
export function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
