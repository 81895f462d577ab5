import { mulberry32 } from './random';

/** Rounds of random sign flips + normalised Walsh-Hadamard transform: a fast, seeded random rotation. */
const ROTATION_ROUNDS = 3;
/** Largest table entry: two entries (the nibbles of one code byte) add up within a byte. */
const TABLE_MAX = 127;

/**
 * One bit per coordinate of a template after a seeded random rotation, and a per-template factor, from which
 * the cosine with a probe is estimated without the template (asymmetric: the probe stays in floats).
 *
 * With o the unit template, y = R o its rotation and s = sign(y), the estimate of cos(o, q) is
 * (s . R q) / sum |y|: the template's own quantisation o' = R^-1 s / sqrt(D) projected on the probe and divided
 * by (o' . o) = sum |y| / sqrt(D) (RaBitQ, Gao and Long, SIGMOD 2024). Its error for a fixed pair, over the
 * random rotation, is close to normal with standard deviation at most sqrt(1 - f^2) / f / sqrt(D - 1), where
 * f = o' . o (about 0.8): ~0.033 for 512 coordinates, whatever the layout or anisotropy of the embeddings.
 */
export interface BinaryEncoder {
  readonly dimension: number;
  /** Bits per code: the dimension padded to a power of two (the rotation's size). */
  readonly bits: number;
  readonly codeBytes: number;
  /** Writes the code of `vector` (bits / 8 bytes, bit b of byte j = coordinate 8j + b) and returns its factor. */
  encode(vector: Float32Array, code: Uint8Array): number;
  /**
   * Fills `tables` (16 bytes per 4-bit nibble of a code) with the probe's partial dot products, quantised to
   * 0..127: the estimate for a code is factor * (offset + scale * sum of its nibbles' entries).
   */
  tables(probe: Float32Array, tables: Uint8Array): { scale: number; offset: number };
  /** Standard deviation bound of an estimate for a template of this factor. */
  errorSd(factor: number): number;
}

export function createBinaryEncoder(dimension: number, seed: number): BinaryEncoder {
  let bits = 64;
  while (bits < dimension) bits *= 2;
  const random = mulberry32(seed ^ dimension);
  const flips = Array.from({ length: ROTATION_ROUNDS }, () =>
    Float32Array.from({ length: bits }, () => (random() < 0.5 ? -1 : 1)),
  );
  const work = new Float32Array(bits);
  const rotate = (vector: Float32Array) => {
    work.fill(0);
    work.set(vector.subarray(0, dimension));
    for (const signs of flips) {
      for (let i = 0; i < bits; i++) work[i]! *= signs[i]!;
      walshHadamard(work);
    }
    return work;
  };
  const codeBytes = bits / 8;
  return {
    dimension,
    bits,
    codeBytes,
    encode(vector, code) {
      const y = rotate(vector);
      let sumAbs = 0;
      for (let byte = 0; byte < codeBytes; byte++) {
        let value = 0;
        for (let bit = 0; bit < 8; bit++) {
          const x = y[byte * 8 + bit]!;
          if (x > 0) value |= 1 << bit;
          sumAbs += Math.abs(x);
        }
        code[byte] = value;
      }
      return 1 / sumAbs;
    },
    tables(probe, tables) {
      const q = rotate(probe);
      const nibbles = bits / 4;
      let widest = 0;
      let offset = 0;
      for (let k = 0; k < nibbles; k++) {
        let sumAbs = 0;
        for (let b = 0; b < 4; b++) sumAbs += Math.abs(q[4 * k + b]!);
        widest = Math.max(widest, 2 * sumAbs);
        offset -= sumAbs;
      }
      const scale = widest / TABLE_MAX || 1;
      for (let k = 0; k < nibbles; k++) {
        const low = -(
          Math.abs(q[4 * k]!) +
          Math.abs(q[4 * k + 1]!) +
          Math.abs(q[4 * k + 2]!) +
          Math.abs(q[4 * k + 3]!)
        );
        for (let v = 0; v < 16; v++) {
          let sum = 0;
          for (let b = 0; b < 4; b++) sum += (v >> b) & 1 ? q[4 * k + b]! : -q[4 * k + b]!;
          tables[16 * k + v] = Math.round((sum - low) / scale);
        }
      }
      return { scale, offset };
    },
    errorSd(factor) {
      const f = 1 / (factor * Math.sqrt(bits));
      return Math.sqrt(Math.max(0, 1 - f * f)) / f / Math.sqrt(bits - 1);
    },
  };
}

/** In-place Walsh-Hadamard transform scaled to be orthonormal; length must be a power of two. */
function walshHadamard(values: Float32Array): void {
  for (let half = 1; half < values.length; half *= 2) {
    for (let start = 0; start < values.length; start += half * 2) {
      for (let i = start; i < start + half; i++) {
        const a = values[i]!;
        const b = values[i + half]!;
        values[i] = a + b;
        values[i + half] = a - b;
      }
    }
  }
  const norm = 1 / Math.sqrt(values.length);
  for (let i = 0; i < values.length; i++) values[i]! *= norm;
}
