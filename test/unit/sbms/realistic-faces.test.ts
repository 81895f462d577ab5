import { describe, expect, it } from 'vitest';
import { createRealisticFaces } from '../../../local/synthetic/realistic-faces';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const stats = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) };
};

describe('realistic synthetic faces (bench sbms --data realistic)', () => {
  const gallerySize = 600;
  const faces = createRealisticFaces({ dim: 512, seed: 11, gallerySize });
  const enrolled = Array.from({ length: gallerySize }, (_, id) => faces.enrolled(id));

  it('gives unit templates whose impostor cosines centre near 0.1 with sd near 0.08 (shared mean, anisotropic)', () => {
    for (const t of enrolled.slice(0, 20)) expect(Math.sqrt(dot(t, t))).toBeCloseTo(1, 5);
    const impostor: number[] = [];
    for (let a = 0; a < 300; a++)
      for (let b = a + 1; b < 300; b += 7) impostor.push(dot(enrolled[a]!, enrolled[b]!));
    const { mean, sd } = stats(impostor);
    expect(mean).toBeGreaterThan(0.07);
    expect(mean).toBeLessThan(0.13);
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.1);
    expect(faces.parameters.effectiveDimension).toBeGreaterThanOrEqual(100);
    expect(faces.parameters.effectiveDimension).toBeLessThanOrEqual(200);
  });

  it('spreads mated captures over cosines 0.25-0.9 to the enrolled template, a share of them below 0.45', () => {
    const cosines = Array.from({ length: 400 }, (_, i) => {
      const capture = faces.mated(i % gallerySize, 1);
      expect(dot(capture.vector, enrolled[i % gallerySize]!)).toBeCloseTo(capture.mateCosine, 4);
      return capture.mateCosine;
    });
    expect(Math.min(...cosines)).toBeGreaterThanOrEqual(0.25);
    expect(Math.max(...cosines)).toBeLessThanOrEqual(0.9);
    const hard = cosines.filter((c) => c < 0.45).length / cosines.length;
    expect(hard).toBeGreaterThan(0.1);
    expect(hard).toBeLessThan(0.35);
  });

  it('makes lookalikes: some distinct enrolled persons at cosine 0.4-0.6, and non-mated probes near an enrolled one', () => {
    const neighbours = enrolled.slice(1).map((t, i) => dot(t, enrolled[i]!));
    expect(neighbours.filter((c) => c > 0.35 && c < 0.7).length).toBeGreaterThan(3);
    const nonMatedBest = Array.from({ length: 200 }, (_, k) => {
      const probe = faces.nonMated(k);
      return Math.max(...enrolled.map((t) => dot(t, probe)));
    });
    expect(nonMatedBest.filter((c) => c > 0.35).length).toBeGreaterThanOrEqual(2);
  });

  it('is a pure function of seed, person and capture number', () => {
    const again = createRealisticFaces({ dim: 512, seed: 11, gallerySize });
    expect(again.enrolled(17)).toEqual(enrolled[17]);
    expect(again.mated(17, 2)).toEqual(faces.mated(17, 2));
    expect(again.nonMated(5)).toEqual(faces.nonMated(5));
  });
});
