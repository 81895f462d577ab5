import { describe, expect, it } from 'vitest';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';

const generator = createBiometricGenerator(11);
const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / (Math.hypot(...a) * Math.hypot(...b));
};

describe('synthetic biometrics', () => {
  it('is deterministic per seed, person, modality and session', () => {
    const p = generator.person(5);
    expect(generator.capture(p, 'FP03', { session: 2 })).toEqual(
      createBiometricGenerator(11).capture(p, 'FP03', { session: 2 }),
    );
    expect(generator.capture(p, 'FP03', { session: 2 }).vector).not.toEqual(
      generator.capture(p, 'FP03', { session: 3 }).vector,
    );
    expect(createBiometricGenerator(12).capture(p, 'FACE').vector).not.toEqual(
      generator.capture(p, 'FACE').vector,
    );
  });

  it('spreads genuine scores over about 0.6-0.95 and keeps impostors near 0', () => {
    const genuine: number[] = [];
    const impostor: number[] = [];
    for (let id = 0; id < 300; id++) {
      const a = generator.capture(generator.person(id), 'FACE', { session: 0 }).vector;
      genuine.push(cosine(a, generator.capture(generator.person(id), 'FACE', { session: 1 }).vector));
      impostor.push(cosine(a, generator.capture(generator.person(id + 1000), 'FACE', { session: 1 }).vector));
    }
    genuine.sort((x, y) => x - y);
    expect(genuine[Math.floor(0.05 * genuine.length)]!).toBeGreaterThan(0.55);
    expect(genuine[Math.floor(0.95 * genuine.length)]!).toBeLessThan(0.95);
    expect(genuine.at(-1)! - genuine[0]!).toBeGreaterThan(0.3);
    expect(Math.max(...impostor.map(Math.abs))).toBeLessThan(0.25);
  });

  it('produces some low-quality captures, which are noisier', () => {
    const captures = Array.from({ length: 400 }, (_, id) => generator.capture(generator.person(id), 'FP01'));
    const low = captures.filter((c) => c.quality < 50);
    expect(low.length).toBeGreaterThan(15);
    expect(low.length).toBeLessThan(80);
    const p = generator.person(1);
    const latent = generator.latent(p, 'FACE');
    const good = cosine(latent, generator.capture(p, 'FACE', { quality: 95 }).vector);
    const poor = cosine(latent, generator.capture(p, 'FACE', { quality: 25 }).vector);
    expect(good).toBeGreaterThan(poor + 0.1);
  });

  it('shapes captures as a record body biometrics section', () => {
    const body = generator.biometrics(generator.person(1), { fingers: [2, 7] });
    expect(body.face?.vector).toHaveLength(512);
    expect(body.fingerprints.map((f) => [f.position, f.vector.length])).toEqual([
      [2, 256],
      [7, 256],
    ]);
  });
});
