import { describe, expect, it } from 'vitest';
import { EspConfigurationError, UnknownProfileError } from '../../../functions/esp/domain/errors';
import { defaultProfiles, loadProfiles } from '../../../functions/esp/profiles/load-profiles';
import profilesJson from '../../../functions/esp/profiles/profiles.json';

const catalogue = defaultProfiles();

describe('ESP profiles as data', () => {
  it('ships the required profiles under one version', () => {
    expect(catalogue.version).toBe(profilesJson.version);
    expect(catalogue.ids).toEqual(
      expect.arrayContaining([
        'border-guard',
        'visa-authority',
        'immigration-asylum',
        'police-identity-check',
        'etias-national-unit',
        'sirene-bureau',
        'designated-authority',
      ]),
    );
  });

  it.each([
    ['border-guard', ['CIR', 'SIS', 'EES', 'VIS', 'ETIAS', 'INTERPOL_SLTD', 'INTERPOL_TDAWN']],
    ['visa-authority', ['CIR', 'VIS', 'EES', 'ETIAS', 'SIS', 'ECRIS_TCN', 'INTERPOL_SLTD', 'INTERPOL_TDAWN']],
    ['immigration-asylum', ['CIR', 'EURODAC', 'VIS', 'EES', 'ETIAS', 'SIS']],
    ['police-identity-check', ['CIR']],
    [
      'etias-national-unit',
      [
        'CIR',
        'ETIAS',
        'SIS',
        'EES',
        'VIS',
        'EURODAC',
        'ECRIS_TCN',
        'EUROPOL',
        'INTERPOL_SLTD',
        'INTERPOL_TDAWN',
      ],
    ],
    ['sirene-bureau', ['SIS', 'CIR', 'EUROPOL', 'INTERPOL_SLTD', 'INTERPOL_TDAWN']],
    ['designated-authority', ['EES', 'VIS', 'ETIAS', 'EURODAC']],
  ])('%s queries exactly %j', (id, systems) => {
    expect(catalogue.get(id).systems).toEqual(systems);
  });

  it('lets the designated authority see flags only', () => {
    const profile = catalogue.get('designated-authority');
    expect(profile.reply).toBe('flags');
    expect([...profile.returnFields.values()].flat()).toEqual([]);
  });

  it('gives ECRIS-TCN only the conviction flag wherever it is queried', () => {
    for (const id of ['visa-authority', 'etias-national-unit'])
      expect(catalogue.get(id).returnFields.get('ECRIS_TCN')).toEqual([
        'hasConvictions',
        'convictingMemberStates',
      ]);
  });

  it('keeps biometrics out of the ETIAS national unit query (ETIAS holds none)', () => {
    const fields = [...catalogue.get('etias-national-unit').queryFields];
    expect(fields.some((field) => field.startsWith('biometrics.'))).toBe(false);
  });

  it('limits the border guard to selected SIS identity fields', () => {
    const sis = catalogue.get('border-guard').returnFields.get('SIS') ?? [];
    expect(sis).toContain('identity.surnames');
    expect(sis).not.toContain('identity');
    expect(sis).not.toContain('identity.placeOfBirth');
  });

  it('refuses an unknown profile with a typed error naming it', () => {
    expect(() => catalogue.get('customs')).toThrow(UnknownProfileError);
    expect(() => catalogue.get('customs')).toThrow(/"customs"/);
  });
});

describe('profile file validation', () => {
  const base = {
    id: 'test',
    userCategory: 'tester',
    description: 'd',
    legalBasis: 'l',
    purposes: ['testing'],
    reply: 'records',
    queryFields: ['identity.surnames'],
    systems: { SIS: { fields: ['recordId'] } },
  };
  const file = (...profiles: object[]) => ({ version: 'v1', profiles });

  it('accepts a well-formed profile', () => {
    expect(loadProfiles(file(base)).get('test').systems).toEqual(['SIS']);
  });

  it.each([
    ['an unknown system', { systems: { CUSTOMS: { fields: ['recordId'] } } }, /CUSTOMS/],
    ['a misspelt system', { systems: { SLTD: {}, SIS: { fields: ['recordId'] } } }, /SLTD/],
    ['a field the system does not have', { systems: { EES: { fields: ['actionToTake'] } } }, /actionToTake/],
    ['returned biometric templates', { systems: { EES: { fields: ['biometrics'] } } }, /biometrics/],
    ['fields in a flags-only profile', { reply: 'flags' }, /flags-only/],
    ['a records profile without fields', { systems: { SIS: {} } }, /fields that may come back/],
    ['no systems', { systems: {} }, /at least one system/],
    ['an unknown query field', { queryFields: ['identity.shoeSize'] }, /queryFields/],
  ])('refuses %s', (_, change, message) => {
    expect(() => loadProfiles(file({ ...base, ...change }))).toThrow(EspConfigurationError);
    expect(() => loadProfiles(file({ ...base, ...change }))).toThrow(message);
  });

  it('refuses duplicate profile ids', () => {
    expect(() => loadProfiles(file(base, base))).toThrow(/unique/);
  });

  it('refuses a file without a version', () => {
    expect(() => loadProfiles({ profiles: [base] })).toThrow(/version/);
  });
});
