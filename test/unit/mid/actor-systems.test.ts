import { describe, expect, it } from 'vitest';
import { actorSystems, linkActor } from '../../../functions/mid/actor-systems';
import { linkAccess } from '../../../functions/mid/domain/visibility';
import type { Caller } from '../../../functions/shared/auth/claims';
import type { Role } from '../../../functions/shared/auth/roles';

const caller = (roles: Role[], authority: string, profile?: string): Caller => ({
  userId: 'u-1',
  authority,
  memberState: 'DE',
  roles,
  profile,
});

describe('actorSystems', () => {
  it('maps a link verifier of an origin-system authority to that system', () => {
    expect(actorSystems(caller(['link-verifier'], 'EES:DE'))).toEqual(['EES']);
    expect(actorSystems(caller(['link-verifier'], 'ECRIS_TCN:PL'))).toEqual(['ECRIS_TCN']);
  });

  it('maps the SIRENE bureau to the SIS and the ETIAS central unit to ETIAS', () => {
    expect(actorSystems(caller(['link-verifier'], 'SIRENE:FR'))).toEqual(['SIS']);
    expect(actorSystems(caller(['link-verifier'], 'ETIAS:CENTRAL_UNIT'))).toEqual(['ETIAS']);
    expect(actorSystems(caller(['sirene'], 'DE-SIRENE'))).toEqual(['SIS']);
    expect(actorSystems(caller(['etias-unit'], 'FR-ETIAS-NU'))).toEqual(['ETIAS']);
  });

  it('adds the systems of the ESP profile, keeping only the CIR and the systems links join', () => {
    expect(actorSystems(caller(['border-guard'], 'DE-BPOL', 'border-guard'))).toEqual([
      'CIR',
      'EES',
      'ETIAS',
      'SIS',
      'VIS',
    ]);
    expect(actorSystems(caller(['police'], 'PL-POLICE', 'police-identity-check'))).toEqual(['CIR']);
    expect(actorSystems(caller(['sirene', 'link-verifier'], 'SIRENE:DE', 'sirene-bureau'))).toEqual([
      'CIR',
      'SIS',
    ]);
  });

  it('gives no system for an unknown profile, a verifier authority of no system, or no role', () => {
    expect(actorSystems(caller(['border-guard'], 'DE-BPOL', 'no-such-profile'))).toEqual([]);
    expect(actorSystems(caller(['link-verifier'], 'DE-BPOL'))).toEqual([]);
    expect(actorSystems(caller(['border-guard'], 'EES:DE'))).toEqual([]);
  });

  it('takes profiles from the injected catalogue', () => {
    expect(actorSystems(caller(['visa-authority'], 'X', 'p'), () => ['VIS', 'EUROPOL', 'EES'])).toEqual([
      'EES',
      'VIS',
    ]);
  });

  it('feeds Art 26: a border guard sees a white EES-VIS link, a verifier of one of the two systems alone does not', () => {
    const link = {
      colour: 'white' as const,
      responsibleAuthority: 'EES:DE',
      records: [
        { system: 'EES' as const, recordId: 'a' },
        { system: 'VIS' as const, recordId: 'b' },
      ] as const,
    };
    expect(linkAccess(linkActor(caller(['border-guard'], 'DE-BPOL', 'border-guard')), link)).toBe('link');
    expect(linkAccess(linkActor(caller(['link-verifier'], 'VIS:FR')), link)).toBe('none');
    expect(
      linkAccess(linkActor(caller(['police'], 'PL', 'police-identity-check')), { ...link, colour: 'red' }),
    ).toBe('systems');
  });
});
