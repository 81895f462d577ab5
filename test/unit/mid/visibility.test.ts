import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../../functions/mid/domain/links';
import type { LinkColour } from '../../../functions/mid/domain/types';
import { canSeeLink, type LinkActor, visibleLinks } from '../../../functions/mid/domain/visibility';
import { ref } from './links-world';

type VisibleLink = Pick<Link, 'colour' | 'records' | 'responsibleAuthority'>;

function link(colour: LinkColour, responsibleAuthority = 'SIRENE:NL'): VisibleLink {
  return { colour, records: [ref('EES', 'e1'), ref('SIS', 's1')], responsibleAuthority };
}

function user(systems: string[], authority = 'EES:DE', roles: string[] = ['border-guard']): LinkActor {
  return { userId: 'u1', authority, roles, systems };
}

describe('Art 26 access to links', () => {
  it.each<[string, LinkActor, LinkColour, boolean]>([
    [
      'the responsible verifier sees its yellow link',
      user([], 'SIRENE:NL', ['link-verifier']),
      'yellow',
      true,
    ],
    [
      'a verifier of another authority does not see a yellow link',
      user(['CIR', 'SIS', 'EES'], 'SIRENE:DE', ['link-verifier']),
      'yellow',
      false,
    ],
    [
      'a user of the responsible authority without the verifier role does not see a yellow link',
      user(['SIS'], 'SIRENE:NL'),
      'yellow',
      false,
    ],
    ['an authority with access to the CIR sees a red link', user(['CIR']), 'red', true],
    ['an authority with access to the SIS sees a red link', user(['SIS']), 'red', true],
    ['an authority with access to a system the CIR holds sees a red link', user(['VIS']), 'red', true],
    [
      'an authority with access only to Interpol data does not see a red link',
      user(['INTERPOL_SLTD']),
      'red',
      false,
    ],
    ['access to both linked systems shows a white link', user(['EES', 'SIS']), 'white', true],
    ['access to one linked system does not show a white link', user(['EES', 'CIR']), 'white', false],
    ['access to both linked systems shows a green link', user(['SIS', 'EES']), 'green', true],
    ['access to one linked system does not show a green link', user(['SIS']), 'green', false],
    [
      'the responsible verifier sees the link it turned green',
      user([], 'SIRENE:NL', ['link-verifier']),
      'green',
      true,
    ],
  ])('%s', (_name, actor, colour, expected) => {
    expect(canSeeLink(actor, link(colour))).toBe(expected);
  });

  it('filters a list down to the visible links', () => {
    const links = [link('red'), link('yellow'), link('white'), link('green')];
    expect(visibleLinks(user(['SIS']), links).map((visible) => visible.colour)).toEqual(['red']);
    expect(visibleLinks(user(['SIS', 'EES']), links).map((visible) => visible.colour)).toEqual([
      'red',
      'white',
      'green',
    ]);
  });

  it('shows a yellow link to nobody but a verifier of the responsible authority', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SIRENE:NL', 'SIRENE:DE', 'EES:DE'),
        fc.subarray(['link-verifier', 'border-guard', 'sirene']),
        fc.subarray(['CIR', 'SIS', 'EES', 'VIS', 'ETIAS']),
        (authority, roles, systems) => {
          const expected = authority === 'SIRENE:NL' && roles.includes('link-verifier');
          expect(canSeeLink(user(systems, authority, roles), link('yellow'))).toBe(expected);
        },
      ),
    );
  });
});
