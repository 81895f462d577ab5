import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_SLOT_SYSTEM, ModalityIndex } from '../../../functions/sbms/domain/modality-index';
import { mulberry32 } from '../../../functions/sbms/domain/random';
import { createSignEncoder } from '../../../functions/sbms/domain/sign-code';

const DIM = 64;
const encoder = createSignEncoder(DIM, 64, 1);

function unitVectors(count: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: DIM }, () => random() - 0.5);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

function hamming(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x &= x - 1) d++;
  return d;
}

const codeOf = (v: Float32Array) => {
  const out = new Uint8Array(8);
  encoder.encode(v, out, 0);
  return out;
};

describe('binary code scan (WebAssembly kernel)', () => {
  it('shortlists exactly the slots with the smallest Hamming distances, in the allowed systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 40 }), (seed, count) => {
        const shortlist = 8;
        const index = new ModalityIndex(encoder, shortlist, 4);
        const vectors = unitVectors(count, seed);
        vectors.forEach((v, i) => {
          index.add(v, i, i % 3);
        });
        // The first search runs the two-pass scan, the later ones the one-pass scan with the learnt limit.
        for (const probe of unitVectors(3, seed + 1)) {
          const mask = 0b101;
          const allowed = vectors
            .map((v, i) => ({ i, d: hamming(codeOf(v), codeOf(probe)) }))
            .filter((x) => x.i % 3 !== 1);
          const got = [...index.shortlist(probe, mask)].map((slot) => index.owner(slot));
          expect(got.length).toBe(Math.min(shortlist, allowed.length));
          expect(got.every((owner) => owner % 3 !== 1)).toBe(true);
          const kept = new Set(got);
          const worstKept = Math.max(-1, ...allowed.filter((x) => kept.has(x.i)).map((x) => x.d));
          const bestDropped = Math.min(Infinity, ...allowed.filter((x) => !kept.has(x.i)).map((x) => x.d));
          expect(worstKept).toBeLessThanOrEqual(bestDropped);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps freed slots out of every shortlist and reuses them', () => {
    const index = new ModalityIndex(encoder, 8);
    const [a, b] = unitVectors(2, 5);
    const slot = index.add(a!, 0, 0);
    index.add(b!, 1, 0);
    index.remove(slot);
    expect(index.exportState().systems[slot]).toBe(FREE_SLOT_SYSTEM);
    expect([...index.shortlist(a!, 0xff)].map((s) => index.owner(s))).toEqual([1]);
    expect(index.add(b!, 2, 0)).toBe(slot);
    expect(index.size).toBe(2);
  });

  it('keeps codes, vectors and scores intact when it grows', () => {
    const index = new ModalityIndex(encoder, 4, 2);
    const vectors = unitVectors(50, 9);
    for (const [i, v] of vectors.entries()) index.add(v, i, 0);
    for (const [i, v] of vectors.entries()) expect(index.cosine(i, v)).toBeCloseTo(1, 5);
    expect([...index.shortlist(vectors[37]!, 1)].map((s) => index.owner(s))).toContain(37);
  });

  it('maps cosine similarity to Hamming distance (close vectors, close codes)', () => {
    const [a, noise] = unitVectors(2, 3);
    const near = a!.map((x, i) => x + 0.2 * noise![i]!);
    const [far] = unitVectors(1, 4);
    expect(hamming(codeOf(a!), codeOf(near))).toBeLessThan(hamming(codeOf(a!), codeOf(far!)));
  });
});
