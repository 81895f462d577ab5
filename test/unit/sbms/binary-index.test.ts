import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBinaryEncoder } from '../../../functions/sbms/domain/binary-code';
import { FREE_SLOT_SYSTEM, ModalityIndex } from '../../../functions/sbms/domain/modality-index';
import { mulberry32 } from '../../../functions/sbms/domain/random';

const DIM = 64;
const encoder = createBinaryEncoder(DIM, 1);

/** Unit vectors with a shared mean and a decaying spectrum (not isotropic), like face embeddings. */
function unitVectors(count: number, seed: number, dim = DIM): Float32Array[] {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const mean = Float32Array.from({ length: dim }, () => 0.05);
  return Array.from({ length: count }, () => {
    const v = mean.map((m, i) => m + gaussian() * Math.exp(-i / (dim / 4)));
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/** Slots by exact cosine, best first, among the allowed ones. */
function exactOrder(vectors: readonly Float32Array[], probe: Float32Array, allowed: (i: number) => boolean) {
  return vectors
    .map((v, i) => ({ i, c: dot(v, probe) }))
    .filter((x) => allowed(x.i))
    .sort((a, b) => b.c - a.c || a.i - b.i);
}

describe('binary codes with asymmetric estimates (ADR 0005)', () => {
  it('estimates cosines with an error whose sd stays within the bound the index uses', () => {
    const dim = 512;
    const big = createBinaryEncoder(dim, 3);
    const vectors = unitVectors(400, 8, dim);
    const probes = unitVectors(20, 9, dim);
    const code = new Uint8Array(big.codeBytes);
    const tables = new Uint8Array((big.bits / 4) * 16);
    const errors: number[] = [];
    let bound = 0;
    for (const v of vectors) {
      const factor = big.encode(v, code);
      bound = Math.max(bound, big.errorSd(factor));
      for (const probe of probes) {
        const { scale, offset } = big.tables(probe, tables);
        let sum = 0;
        for (let k = 0; k < big.bits / 4; k++)
          sum += tables[16 * k + ((code[k >> 1]! >> (4 * (k & 1))) & 15)]!;
        errors.push(factor * (offset + scale * sum) - dot(v, probe));
      }
    }
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((a, b) => a + (b - mean) ** 2, 0) / errors.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(sd).toBeLessThan(bound);
    expect(sd).toBeGreaterThan(bound / 3);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(5 * bound);
  });

  it('returns the exact rank-1 and only allowed systems, best exact cosine first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 300 }), (seed, count) => {
        const index = new ModalityIndex(encoder, { shortlist: 8, errorSigmas: 6, initialCapacity: 16 });
        const vectors = unitVectors(count, seed);
        vectors.forEach((v, i) => {
          index.add(v, i, i % 3);
        });
        for (const probe of unitVectors(3, seed + 1)) {
          const expected = exactOrder(vectors, probe, (i) => i % 3 !== 1);
          const got = index.shortlist(probe, 0b101).map((slot) => index.owner(slot));
          expect(got.length).toBe(Math.min(8, expected.length));
          expect(got.every((owner) => owner % 3 !== 1)).toBe(true);
          if (expected.length > 0) expect(got[0]).toBe(expected[0]!.i);
          const cosines = got.map((i) => dot(vectors[i]!, probe));
          for (let r = 1; r < cosines.length; r++) expect(cosines[r]!).toBeLessThanOrEqual(cosines[r - 1]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds the exact rank-1 when a rival is close, and ranks the rest by exact cosine', () => {
    const vectors = unitVectors(2000, 21);
    const index = new ModalityIndex(encoder, { shortlist: 4, errorSigmas: 4 });
    for (const [i, v] of vectors.entries()) index.add(v, i, 0);
    const probe = vectors[1234]!.map((x, i) => x + 0.3 * vectors[77]![i]!);
    const got = index.shortlist(probe, 1).map((slot) => index.owner(slot));
    const expected = exactOrder(vectors, probe, () => true);
    expect(got[0]).toBe(expected[0]!.i);
    const cosines = got.map((i) => dot(vectors[i]!, probe));
    expect([...cosines].sort((a, b) => b - a)).toEqual(cosines);
  });

  it('keeps the shortlist exact when a collect pass finds more candidates than its buffer holds', () => {
    // A tight cluster: every template is within the bound of the best, and the mate is the last slot.
    const base = unitVectors(1, 4)[0]!;
    const noise = unitVectors(300, 5);
    const vectors = noise.map((n) => {
      const v = base.map((x, i) => x + 0.05 * n[i]!);
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    });
    const index = new ModalityIndex(encoder, { shortlist: 8, errorSigmas: 4, room: 4 });
    for (const [i, v] of vectors.entries()) index.add(v, i, 0);
    for (const mate of [299, 150, 0]) {
      const got = index.shortlist(vectors[mate]!, 1).map((slot) => index.owner(slot));
      expect(got).toEqual(
        exactOrder(vectors, vectors[mate]!, () => true)
          .slice(0, 8)
          .map((e) => e.i),
      );
    }
  });

  it('keeps freed slots out of every shortlist and reuses them', () => {
    const index = new ModalityIndex(encoder, { shortlist: 8, errorSigmas: 4 });
    const [a, b] = unitVectors(2, 5);
    const slot = index.add(a!, 0, 0);
    index.add(b!, 1, 0);
    index.remove(slot);
    expect(index.exportState().systems[slot]).toBe(FREE_SLOT_SYSTEM);
    expect(index.shortlist(a!, 0xff).map((s) => index.owner(s))).toEqual([1]);
    expect(index.add(b!, 2, 0)).toBe(slot);
    expect(index.size).toBe(2);
  });

  it('finds nothing when no system is allowed or the index is empty', () => {
    const index = new ModalityIndex(encoder, { shortlist: 8, errorSigmas: 4 });
    const [a] = unitVectors(1, 6);
    expect(index.shortlist(a!, 1)).toEqual([]);
    index.add(a!, 0, 2);
    expect(index.shortlist(a!, 0b1)).toEqual([]);
    expect(index.shortlist(a!, 0b100)).toEqual([0]);
  });

  it('keeps codes, vectors and scores intact when it grows', () => {
    const index = new ModalityIndex(encoder, { shortlist: 4, errorSigmas: 4, initialCapacity: 16 });
    const vectors = unitVectors(50, 9);
    for (const [i, v] of vectors.entries()) index.add(v, i, 0);
    for (const [i, v] of vectors.entries()) expect(index.cosine(i, v)).toBeCloseTo(1, 5);
    for (const i of [0, 17, 37, 49]) expect(index.owner(index.shortlist(vectors[i]!, 1)[0]!)).toBe(i);
  });
});
