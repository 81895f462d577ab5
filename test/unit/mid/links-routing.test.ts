import { describe, expect, it } from 'vitest';
import { ETIAS_CENTRAL_UNIT, responsibleAuthority } from '../../../functions/mid/domain/routing';
import { ref } from './links-world';

describe('Art 29 routing of manual verification', () => {
  it.each([
    [
      'an EES file routes to the EES authority of its Member State',
      ref('EES', 'e1'),
      'DE',
      ref('VIS', 'v1'),
      'IT',
      'EES:DE',
    ],
    [
      'a VIS file routes to the visa authority of its Member State',
      ref('VIS', 'v1'),
      'IT',
      ref('EES', 'e1'),
      'DE',
      'VIS:IT',
    ],
    [
      'an ETIAS application routes to the ETIAS Central Unit',
      ref('ETIAS', 'a1'),
      undefined,
      ref('EES', 'e1'),
      'DE',
      ETIAS_CENTRAL_UNIT,
    ],
    [
      'an SIS alert routes to the SIRENE bureau of the alerting state',
      ref('SIS', 's1'),
      'NL',
      ref('EES', 'e1'),
      'DE',
      'SIRENE:NL',
    ],
    [
      'a link to an SIS alert routes to the SIRENE bureau of the state that created it',
      ref('EES', 'e1'),
      'DE',
      ref('SIS', 's1'),
      'NL',
      'SIRENE:NL',
    ],
    [
      'an ETIAS link to an SIS alert goes to SIRENE, not the ETIAS Central Unit',
      ref('ETIAS', 'a1'),
      undefined,
      ref('SIS', 's1'),
      'PL',
      'SIRENE:PL',
    ],
    [
      'an ECRIS-TCN file routes to the central authority of the convicting state',
      ref('ECRIS_TCN', 'c1'),
      'ES',
      ref('EURODAC', 'u1'),
      'IT',
      'ECRIS_TCN:ES',
    ],
    [
      'a Eurodac file routes to the Eurodac authority of its Member State',
      ref('EURODAC', 'u1'),
      'GR',
      ref('VIS', 'v1'),
      'IT',
      'EURODAC:GR',
    ],
    [
      'an unknown Member State routes to the system queue at EU level',
      ref('EES', 'e1'),
      undefined,
      ref('VIS', 'v1'),
      'IT',
      'EES:EU',
    ],
  ])('%s', (_name, triggering, triggeringState, other, otherState, expected) => {
    expect(
      responsibleAuthority(
        { ref: triggering, memberState: triggeringState },
        { ref: other, memberState: otherState },
      ),
    ).toBe(expected);
  });
});
