import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBiometrics, checkTemplate } from '../../../functions/sbms/domain/quality-gate';
import { config } from './fixtures';

const face = (vector: number[], quality = 80) => ({ vector, quality });
const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('quality gate', () => {
  it.each([
    ['wrong-dimension', face(ones(511))],
    ['non-finite', face([...ones(511), Number.NaN])],
    ['non-finite', face([Number.POSITIVE_INFINITY, ...ones(511)])],
    ['zero-norm', face(Array.from({ length: 512 }, () => 0))],
    ['invalid-quality', face(ones(512), 101)],
    ['low-quality', face(ones(512), config.minQuality - 1)],
  ])('refuses a face template with reason %s', (reason, input) => {
    const check = checkTemplate('FACE', input, config);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.refusal).toMatchObject({ modality: 'FACE', reason });
      expect(check.refusal.detail.length).toBeGreaterThan(0);
    }
  });

  it('checks fingerprints against the fingerprint dimension and keeps the good templates of a record', () => {
    const result = checkBiometrics(
      {
        face: face(ones(512)),
        fingerprints: [
          { position: 1, vector: ones(256), quality: 70 },
          { position: 2, vector: ones(512), quality: 70 },
          { position: 1, vector: ones(256), quality: 90 },
          { position: 11, vector: ones(256), quality: 90 },
        ],
      },
      config,
    );
    expect(result.accepted.map((t) => t.modality)).toEqual(['FACE', 'FP01']);
    expect(result.accepted[1]!.quality).toBe(70);
    expect(result.refusals.map((r) => [r.modality, r.reason])).toEqual([
      ['FP02', 'wrong-dimension'],
      ['FP01', 'duplicate-position'],
      ['FP01', 'invalid-position'],
    ]);
  });

  it('accepts the minimum quality exactly', () => {
    expect(checkTemplate('FACE', face(ones(512), config.minQuality), config).ok).toBe(true);
  });

  it('returns every accepted template at unit length, pointing the same way', () => {
    const vector = fc.array(fc.float({ min: -1e3, max: 1e3, noNaN: true }), {
      minLength: 256,
      maxLength: 256,
    });
    fc.assert(
      fc.property(vector, fc.integer({ min: config.minQuality, max: 100 }), (values, quality) => {
        fc.pre(values.some((v) => Math.abs(v) > 1e-3));
        const check = checkTemplate('FP05', { vector: values, quality }, config);
        expect(check.ok).toBe(true);
        if (!check.ok) return;
        const v = check.template.vector;
        const norm = Math.hypot(...v);
        expect(norm).toBeCloseTo(1, 4);
        const i = values.findIndex((x) => Math.abs(x) > 1e-3);
        expect(Math.sign(v[i]!)).toBe(Math.sign(values[i]!));
      }),
      { numRuns: 200 },
    );
  });
});
