import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../../../functions/sbms/domain/calibration';
import {
  createScoreFusion,
  fitDistribution,
  rateAtOrAbove,
  thresholdAtFalseMatchRate,
} from '../../../functions/sbms/domain/fusion';
import { MODALITY_KEYS } from '../../../functions/sbms/domain/types';

const fusion = createScoreFusion(DEFAULT_CALIBRATION);

describe('score fusion calibration', () => {
  it('has genuine scores well above impostor scores for every modality', () => {
    for (const key of MODALITY_KEYS) {
      const { genuine, impostor } = DEFAULT_CALIBRATION.modalities[key];
      expect(genuine.mean).toBeGreaterThan(0.5);
      expect(Math.abs(impostor.mean)).toBeLessThan(0.15);
      expect(genuine.mean - impostor.mean).toBeGreaterThan(2 * (genuine.sd + impostor.sd));
    }
  });

  it('says on which data it was fitted: faces on the realistic data (hard captures, shared mean)', () => {
    expect(DEFAULT_CALIBRATION.measured.faceData).toMatch(/^realistic/);
    expect(DEFAULT_CALIBRATION.measured.fingerprintData).toBeDefined();
    const face = DEFAULT_CALIBRATION.modalities.FACE;
    expect(face.impostor.mean).toBeGreaterThan(0.03);
    expect(face.genuine.sd).toBeGreaterThan(0.1);
  });

  it('gives a positive LLR at the genuine mean and a negative one at the impostor mean', () => {
    for (const key of MODALITY_KEYS) {
      const { genuine, impostor } = DEFAULT_CALIBRATION.modalities[key];
      expect(fusion.llr(key, genuine.mean)).toBeGreaterThan(0);
      expect(fusion.llr(key, impostor.mean)).toBeLessThan(0);
    }
  });

  it('puts a typical genuine face above and a 3-sd impostor face (FMR ~1e-3) below both thresholds', () => {
    const { genuine, impostor } = DEFAULT_CALIBRATION.modalities.FACE;
    const { verify, identify } = DEFAULT_CALIBRATION.thresholds;
    expect(fusion.fuse({ FACE: genuine.mean })).toBeGreaterThan(Math.max(verify, identify));
    expect(fusion.fuse({ FACE: impostor.mean + 3 * impostor.sd })).toBeLessThan(Math.min(verify, identify));
  });

  it('is monotone in every modality score, so fusion never reorders candidates that differ in one modality', () => {
    const modality = fc.constantFrom(...MODALITY_KEYS);
    const score = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(modality, score, score, (key, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        // Up to rounding: the LLR subtracts two quadratics, so adjacent doubles near a cosine of 1 can
        // come out ~1e-14 apart in either order (found by fast-check in CI); a real inversion is far larger.
        expect(fusion.llr(key, low)).toBeLessThanOrEqual(fusion.llr(key, high) + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('sums the per-modality evidence of the modalities compared', () => {
    const fused = fusion.fuse({ FACE: 0.7, FP02: 0.6 });
    expect(fused).toBeCloseTo(fusion.llr('FACE', 0.7) + fusion.llr('FP02', 0.6), 9);
    expect(fusion.fuse({})).toBe(0);
  });
});

describe('distribution fitting and thresholds', () => {
  it('fits mean and sample standard deviation', () => {
    expect(fitDistribution([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3), samples: 4 });
  });

  it('sets the threshold so that at most the given share of impostors match', () => {
    const impostors = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const threshold = thresholdAtFalseMatchRate(impostors, 0.01);
    expect(rateAtOrAbove(impostors, threshold)).toBeLessThanOrEqual(0.01);
    expect(rateAtOrAbove(impostors, threshold - 0.002)).toBeGreaterThan(0.01);
    expect(rateAtOrAbove(impostors, thresholdAtFalseMatchRate(impostors, 0))).toBe(0);
  });
});
