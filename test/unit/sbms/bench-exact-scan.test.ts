import { describe, expect, it } from 'vitest';
import { createExactGallery, scalarScan, usearchScan, wasmSimdScan } from '../../../bench/exact-scan';
import { detCurve, fnirAtFpir, type Outcome } from '../../../bench/identification-metrics';
import { mulberry32 } from '../../../functions/sbms/domain/random';

function gallery(count: number, dim: number, seed: number) {
  const exact = createExactGallery(count, dim);
  const random = mulberry32(seed);
  for (let i = 0; i < exact.vectors.length; i++) exact.vectors[i] = random() - 0.5;
  const probe = Float32Array.from({ length: dim }, () => random() - 0.5);
  return { exact, probe };
}

describe('exact scans of bench sbms', () => {
  it('the WebAssembly SIMD scan, usearch and the scalar loop give the same top-k with the same scores', () => {
    const { exact, probe } = gallery(3001, 64, 3);
    const expected = Array.from({ length: exact.count }, (_, i) => {
      let dot = 0;
      for (let j = 0; j < exact.dim; j++) dot += exact.vectors[i * exact.dim + j]! * probe[j]!;
      return { i, dot };
    })
      .sort((a, b) => b.dot - a.dot)
      .slice(0, 10);
    for (const scan of [wasmSimdScan(exact), usearchScan(exact), scalarScan(exact)]) {
      const top = scan.search(probe, 10);
      expect([...top.indices], scan.name).toEqual(expected.map((e) => e.i));
      for (const [r, score] of top.scores.entries())
        expect(score, scan.name).toBeCloseTo(expected[r]!.dot, 4);
    }
  });

  it('refuses a dimension the SIMD loop cannot step through', () => {
    expect(() => createExactGallery(10, 100)).toThrow(/divisible by 16/);
  });
});

describe('identification figures', () => {
  const mated = (isMate: boolean, score: number): Outcome => ({ mated: true, isMate, score });
  const nonMated = (score: number): Outcome => ({ mated: false, isMate: false, score });

  it('FNIR at FPIR: the threshold lets through floor(FPIR x non-mated) non-mated probes, no more', () => {
    const outcomes = [
      ...Array.from({ length: 1000 }, (_, i) => nonMated(i / 1000)), // 0 .. 0.999
      mated(true, 0.9985), // above the threshold: found
      mated(true, 0.9975), // below: a miss even though rank 1 is the mate
      mated(false, 0.99), // wrong rank 1: a miss
      mated(true, 0.5),
    ];
    const { threshold, fnir, falsePositives } = fnirAtFpir(outcomes, 0.001);
    expect(falsePositives).toBe(1);
    expect(threshold).toBeGreaterThan(0.998);
    expect(threshold).toBeLessThan(0.9985);
    expect(fnir).toBe(3 / 4);
  });

  it('DET points: FPIR grows and FNIR never grows as the threshold falls', () => {
    const random = mulberry32(5);
    const outcomes = [
      ...Array.from({ length: 200 }, () => nonMated(random())),
      ...Array.from({ length: 200 }, () => mated(random() < 0.9, random())),
    ];
    const points = detCurve(outcomes);
    expect(points).toHaveLength(199);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThan(points[i - 1]![0]);
      expect(points[i]![1]).toBeLessThanOrEqual(points[i - 1]![1]);
    }
  });
});
