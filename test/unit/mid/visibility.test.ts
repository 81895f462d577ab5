import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../../functions/mid/domain/links';
import type { LinkColour } from '../../../functions/mid/domain/types';
import { type LinkAccess, type LinkActor, linkAccess } from '../../../functions/mid/domain/visibility';
import { ref } from './links-world';

type VisibleLink = Pick<Link, 'colour' | 'records' | 'responsibleAuthority'>;

function link(colour: LinkColour, responsibleAuthority = 'SIRENE:NL'): VisibleLink {
  return { colour, records: [ref('EES', 'e1'), ref('SIS', 's1')], responsibleAuthority };
}

function user(systems: string[], authority = 'EES:DE', roles: string[] = ['border-guard']): LinkActor {
  return { userId: 'u1', authority, roles, systems };
}

describe('Art 26 access to links', () => {
  it.each<[string, LinkActor, LinkColour, boolean, LinkAccess]>([
    [
      'the responsible verifier gets the confirmation file of its yellow link',
      user([], 'SIRENE:NL', ['link-verifier']),
      'yellow',
      false,
      'confirmation-file',
    ],
    [
      'a verifier of another authority does not see a yellow link',
      user(['CIR', 'SIS', 'EES'], 'SIRENE:DE', ['link-verifier']),
      'yellow',
      true,
      'none',
    ],
    [
      'a user of the responsible authority without the verifier role does not see a yellow link',
      user(['SIS'], 'SIRENE:NL'),
      'yellow',
      true,
      'none',
    ],
    [
      'an authority with access to the CIR gets the systems of a red link',
      user(['CIR']),
      'red',
      false,
      'systems',
    ],
    [
      'an authority with access to the SIS gets the systems of a red link',
      user(['SIS']),
      'red',
      false,
      'systems',
    ],
    [
      'an authority with access to both systems still gets only the systems of a red link',
      user(['EES', 'SIS']),
      'red',
      true,
      'systems',
    ],
    [
      'an authority with access to a system the CIR holds sees a red link',
      user(['VIS']),
      'red',
      false,
      'systems',
    ],
    [
      'an authority with access only to Interpol data does not see a red link',
      user(['INTERPOL_SLTD']),
      'red',
      true,
      'none',
    ],
    ['access to both linked systems shows a white link', user(['EES', 'SIS']), 'white', false, 'link'],
    ['access to one linked system does not show a white link', user(['EES', 'CIR']), 'white', true, 'none'],
    [
      'access to both systems shows a green link where the query matched both files',
      user(['SIS', 'EES']),
      'green',
      true,
      'link',
    ],
    [
      'access to both systems does not show a green link without a query matching both files',
      user(['SIS', 'EES']),
      'green',
      false,
      'none',
    ],
    ['access to one linked system does not show a green link', user(['SIS']), 'green', true, 'none'],
    [
      'the responsible verifier gets the confirmation file of the link it turned green',
      user([], 'SIRENE:NL', ['link-verifier']),
      'green',
      false,
      'confirmation-file',
    ],
  ])('%s', (_name, actor, colour, queryMatchedBoth, expected) => {
    expect(linkAccess(actor, link(colour), { queryMatchedBoth })).toBe(expected);
  });

  it('shows a yellow link to nobody but a verifier of the responsible authority', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SIRENE:NL', 'SIRENE:DE', 'EES:DE'),
        fc.subarray(['link-verifier', 'border-guard', 'sirene']),
        fc.subarray(['CIR', 'SIS', 'EES', 'VIS', 'ETIAS']),
        fc.boolean(),
        (authority, roles, systems, queryMatchedBoth) => {
          const responsible = authority === 'SIRENE:NL' && roles.includes('link-verifier');
          expect(linkAccess(user(systems, authority, roles), link('yellow'), { queryMatchedBoth })).toBe(
            responsible ? 'confirmation-file' : 'none',
          );
        },
      ),
    );
  });
});
