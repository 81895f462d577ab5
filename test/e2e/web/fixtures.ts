import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { type Caller, caller, type PlatformContext } from '../../support/platform-context';

/** Same seed and dimensions as the demo data (local/seed.ts) and the web app's demo captures. */
const biometrics = createBiometricGenerator(2019817, { face: 512, fingerprint: 256 });

export function captures(person: number, session: number) {
  return biometrics.biometrics(biometrics.person(person), { session, quality: 90, fingers: [1, 2] });
}

const SYSTEM_AUTHORITY: Record<string, { authority: string; memberState: string }> = {
  EES: { authority: 'EES:DE', memberState: 'DE' },
  VIS: { authority: 'VIS:FR', memberState: 'FR' },
};

export async function originSystem(context: PlatformContext, system: 'EES' | 'VIS'): Promise<Caller> {
  const { authority, memberState } = SYSTEM_AUTHORITY[system]!;
  return caller(context, ['origin-system'], { system, authority, memberState, userId: `e2e-web-${system}` });
}

/** A unique surname per run, so that reruns against a kept platform do not collide. */
export function uniqueSurname(stem: string): string {
  const letters = Date.now()
    .toString(36)
    .replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)
    .toUpperCase();
  return `${stem}${letters}`;
}
