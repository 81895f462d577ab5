import { describe, expect, it } from 'vitest';
import { applyCirVisibility } from '../../../functions/esp/domain/link-visibility';
import type { EspSource } from '../../../functions/shared/systems';

const id = (n: number) => `lnk-${String(n).padStart(32, '0')}`;
const link = (colour: string, system: string, n = 1) => ({
  linkId: id(n),
  colour,
  linkedRecord: { system, recordId: `${system}-1` },
});
const FIELDS = ['recordId', 'originSystem', 'identity.surnames', 'links', 'whiteGroup'];
const file = {
  recordId: 'cir-1',
  originSystem: 'VIS',
  identity: { surnames: ['ONE'], firstNames: ['HIDDEN'] },
  links: [
    link('white', 'EES', 1),
    link('green', 'SIS', 2),
    link('yellow', 'EES', 3),
    link('red', 'EURODAC', 4),
  ],
};
const visible = (systems: EspSource[], matched: string[] = [], record: Record<string, unknown> = file) =>
  applyCirVisibility({ ...record }, record, {
    profileSystems: new Set(systems),
    fields: FIELDS,
    matched: new Set(matched),
  });

describe('Art 26 visibility of MID links in an ESP reply', () => {
  it('shows a white link only with access to both linked systems (26(3))', () => {
    expect(visible(['CIR', 'VIS', 'EES']).links).toContainEqual(link('white', 'EES', 1));
    expect(visible(['CIR', 'VIS']).links).not.toContainEqual(expect.objectContaining({ colour: 'white' }));
    expect(visible(['CIR', 'EES']).links).not.toContainEqual(expect.objectContaining({ colour: 'white' }));
  });

  it('shows a green link only where this same query matched both files (26(4))', () => {
    expect(visible(['CIR', 'VIS', 'SIS']).links).not.toContainEqual(
      expect.objectContaining({ colour: 'green' }),
    );
    expect(visible(['CIR', 'VIS', 'SIS'], ['VIS/cir-1', 'SIS/SIS-1']).links).toContainEqual(
      link('green', 'SIS', 2),
    );
    // matched both, but no access to the SIS
    expect(visible(['CIR', 'VIS'], ['VIS/cir-1', 'SIS/SIS-1']).links).not.toContainEqual(
      expect.objectContaining({ colour: 'green' }),
    );
  });

  it('never shows yellow links', () => {
    const all: EspSource[] = ['CIR', 'VIS', 'EES', 'SIS', 'EURODAC'];
    const colours = (visible(all, ['VIS/cir-1', 'SIS/SIS-1', 'EES/EES-1']).links as { colour: string }[]).map(
      (l) => l.colour,
    );
    expect(colours).toEqual(['white', 'green', 'red']);
  });

  it('shows a red link as the link and the system holding the linked data, nothing else (26(2))', () => {
    for (const systems of [['CIR'], ['CIR', 'VIS', 'EURODAC']] as EspSource[][]) {
      expect((visible(systems).links as object[]).filter((l) => JSON.stringify(l).includes('red'))).toEqual([
        { linkId: id(4), colour: 'red', linkedSystem: 'EURODAC' },
      ]);
    }
    expect(JSON.stringify(visible(['CIR']))).not.toContain('EURODAC-1');
  });

  it("withholds the file's origin system outside the profile", () => {
    expect(visible(['CIR'])).not.toHaveProperty('originSystem');
    expect(visible(['CIR', 'VIS'])).toHaveProperty('originSystem', 'VIS');
  });

  it('drops malformed links and link ids', () => {
    const rogue = {
      originSystem: 'VIS',
      recordId: 'r',
      links: [{ colour: 'red' }, 'red', null, { ...link('red', 'EES'), linkId: 'guess' }],
    };
    expect(visible(['CIR', 'EES'], [], rogue).links).toEqual([{ colour: 'red', linkedSystem: 'EES' }]);
  });
});

describe('the white group: one person across the systems the profile may see', () => {
  const ref = (system: string, recordId: string) => ({ system, recordId });
  const groupFile = (system: string, recordId: string) => ({
    recordId,
    originSystem: system,
    identity: { surnames: [`${system}-NAME`], firstNames: ['HIDDEN'] },
  });
  const hit = {
    recordId: 'e1',
    originSystem: 'EES',
    identity: { surnames: ['EES-NAME'] },
    links: [],
    whiteGroup: {
      files: [groupFile('VIS', 'v1'), groupFile('EURODAC', 'u1'), groupFile('ETIAS', 'a1')],
      // EES-VIS, VIS-EURODAC, EURODAC-ETIAS: a chain
      links: [
        { records: [ref('EES', 'e1'), ref('VIS', 'v1')] },
        { records: [ref('EURODAC', 'u1'), ref('VIS', 'v1')] },
        { records: [ref('EURODAC', 'u1'), ref('ETIAS', 'a1')] },
      ],
    },
  };

  it('brings the files reachable over white links the profile may see, with its fields only', () => {
    expect(visible(['CIR', 'EES', 'VIS', 'EURODAC', 'ETIAS'], [], hit).whiteGroup).toEqual([
      { recordId: 'v1', originSystem: 'VIS', identity: { surnames: ['VIS-NAME'] } },
      { recordId: 'u1', originSystem: 'EURODAC', identity: { surnames: ['EURODAC-NAME'] } },
      { recordId: 'a1', originSystem: 'ETIAS', identity: { surnames: ['ETIAS-NAME'] } },
    ]);
  });

  it('stops at a white link the profile may not see (26(3)), and is empty when the hit itself is outside', () => {
    expect(visible(['CIR', 'EES', 'VIS', 'ETIAS'], [], hit).whiteGroup).toEqual([
      { recordId: 'v1', originSystem: 'VIS', identity: { surnames: ['VIS-NAME'] } },
    ]);
    expect(visible(['CIR', 'VIS', 'EURODAC', 'ETIAS'], [], hit).whiteGroup).toEqual([]);
  });
});
