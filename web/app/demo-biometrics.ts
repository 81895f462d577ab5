import { createBiometricGenerator } from '../../local/synthetic/biometrics';

/**
 * "Live" captures for the demo: the local demo data are enrolled from the synthetic biometric
 * generator (local/seed.ts, seed 2019817, face 512 / fingerprint 256 dimensions); a new session of
 * the same synthetic person is a fresh capture that the sBMS should match. A real terminal reads
 * templates from its certified capture device instead.
 */
export const DEMO_BIOMETRIC_SEED = 2019817;
const generator = createBiometricGenerator(DEMO_BIOMETRIC_SEED, { face: 512, fingerprint: 256 });

export interface CaptureRequest {
  person: number;
  face: boolean;
  fingerprints: boolean;
}

export function demoCapture({ person, face, fingerprints }: CaptureRequest) {
  const captured = generator.biometrics(generator.person(person), {
    session: 9_001,
    quality: 90,
    face,
    fingers: fingerprints ? [1, 2] : [],
  });
  return {
    ...(face && captured.face ? { face: captured.face } : {}),
    ...(fingerprints && captured.fingerprints.length ? { fingerprints: captured.fingerprints } : {}),
  };
}
