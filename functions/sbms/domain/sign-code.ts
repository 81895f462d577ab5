import { mulberry32 } from './random';

/**
 * Binary code of a template: the signs of its randomly rotated coordinates. The rotation (random sign flips
 * then a fast Walsh-Hadamard transform) makes every bit equally informative whatever the extractor's
 * coordinate layout, so the Hamming distance between codes estimates the angle: P(bit differs) = angle / pi.
 */
export interface SignEncoder {
  readonly dimension: number;
  readonly bits: number;
  /** Writes `bits / 8` bytes of the code of `vector` into `out` at `offset`. */
  encode(vector: Float32Array, out: Uint8Array, offset: number): void;
}

export function createSignEncoder(dimension: number, bits: number, seed: number): SignEncoder {
  let padded = 1;
  while (padded < dimension) padded *= 2;
  if (bits % 64 !== 0 || bits < 64 || bits > padded) {
    throw new Error(`code bits must be a multiple of 64 within 64..${padded}, got ${bits}`);
  }
  const random = mulberry32(seed ^ dimension);
  const flips = new Float32Array(dimension).map(() => (random() < 0.5 ? -1 : 1));
  const work = new Float32Array(padded);
  return {
    dimension,
    bits,
    encode(vector, out, offset) {
      work.fill(0);
      for (let i = 0; i < dimension; i++) work[i] = vector[i]! * flips[i]!;
      walshHadamard(work);
      for (let byte = 0; byte < bits / 8; byte++) {
        let value = 0;
        for (let bit = 0; bit < 8; bit++) if (work[byte * 8 + bit]! > 0) value |= 1 << bit;
        out[offset + byte] = value;
      }
    },
  };
}

/** In-place unnormalised fast Walsh-Hadamard transform; length must be a power of two. */
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
}
