import { describe, expect, it } from 'vitest';
import { applyCirVisibility } from '../../../functions/esp/domain/link-visibility';
import type { EspSource } from '../../../functions/shared/systems';

const link = (colour: string, system: string) => ({
  colour,
  linkedRecord: { system, recordId: `${system}-1` },
});
const file = {
  recordId: 'cir-1',
  originSystem: 'VIS',
  links: [link('white', 'EES'), link('green', 'SIS'), link('yellow', 'EES'), link('red', 'EURODAC')],
};
const visible = (systems: EspSource[]) => applyCirVisibility({ ...file }, file, new Set(systems));

describe('Art 26 visibility of MID links in an ESP reply', () => {
  it('shows white and green links only with access to both linked systems', () => {
    expect(visible(['CIR', 'VIS', 'EES']).links).toEqual([link('white', 'EES'), { colour: 'red' }]);
    expect(visible(['CIR', 'VIS', 'SIS', 'EURODAC']).links).toEqual([
      link('green', 'SIS'),
      link('red', 'EURODAC'),
    ]);
  });

  it('never shows yellow links', () => {
    const all: EspSource[] = ['CIR', 'VIS', 'EES', 'SIS', 'EURODAC'];
    expect((visible(all).links as { colour: string }[]).map((l) => l.colour)).toEqual([
      'white',
      'green',
      'red',
    ]);
  });

  it('shows a red link to any CIR user, naming the other file only within the profile', () => {
    expect(visible(['CIR']).links).toEqual([{ colour: 'red' }]);
  });

  it('withholds the origin system when it is outside the profile', () => {
    expect(visible(['CIR'])).not.toHaveProperty('originSystem');
    expect(visible(['CIR', 'VIS'])).toHaveProperty('originSystem', 'VIS');
  });

  it('adds nothing the projection left out', () => {
    const projected = { recordId: 'cir-1' };
    expect(applyCirVisibility(projected, file, new Set<EspSource>(['CIR', 'VIS', 'EES']))).toEqual(projected);
  });

  it('drops malformed links', () => {
    const rogue = { originSystem: 'VIS', links: [{ colour: 'red' }, 'red', null, link('red', 'EES')] };
    expect(applyCirVisibility(rogue, rogue, new Set<EspSource>(['CIR', 'EES'])).links).toEqual([
      link('red', 'EES'),
    ]);
  });
});
