import { describe, expect, it } from 'vitest';
import {
  isValidIssuingCountry,
  isValidNationality,
} from '../../../functions/statistics/quality/country-codes';
import {
  contributionOf,
  dateOfBirthFaults,
  duplicateHolders,
  INDICATOR_NAMES,
  type QualityInput,
} from '../../../functions/statistics/quality/indicators';
import { qualityCsv, qualityRows } from '../../../functions/statistics/quality/report';

const AT = '2026-03-15T10:00:00.000Z';

const file = (
  overrides: Partial<QualityInput> = {},
  identity: Partial<QualityInput['identity']> = {},
): QualityInput => ({
  system: 'EES',
  memberState: 'DE',
  identity: {
    surnames: ['MUSTER'],
    firstNames: ['ANNA'],
    formerSurnames: [],
    formerFirstNames: [],
    aliases: [],
    dateOfBirth: '1990-04-12',
    nationalities: ['UKR'],
    sex: 'F',
    ...identity,
  },
  travelDocuments: [{ type: 'P', number: 'AB123456', issuingCountry: 'UKR', expiry: '2030-01-01' }],
  templateModalities: ['FACE'],
  templateRefusals: [],
  ...overrides,
});

describe('date of birth rules', () => {
  it.each([
    ['1990-04-12', []],
    [undefined, ['missingDateOfBirth']],
    ['2026-03-16', ['dateOfBirthInFuture']],
    ['2026-03-15', []],
    ['2026-04-00', ['dateOfBirthPartial', 'dateOfBirthInFuture']],
    ['2026-00-00', ['dateOfBirthPartial']],
    ['2027-00-00', ['dateOfBirthPartial', 'dateOfBirthInFuture']],
    ['1899-12-31', ['dateOfBirthBefore1900']],
    ['1900-01-02', []],
    ['1985-02-30', ['dateOfBirthImpossible']],
    ['1985-04-31', ['dateOfBirthImpossible']],
    ['2023-02-29', ['dateOfBirthImpossible']],
    ['2024-02-29', []],
    ['1900-02-29', ['dateOfBirthImpossible']],
    ['2000-02-29', []],
    ['0000-02-29', ['dateOfBirthBefore1900']],
    ['1980-01-01', ['dateOfBirthPlaceholder']],
    ['1980-01-00', ['dateOfBirthPartial']],
  ])('%s -> %j', (value, faults) => {
    expect(dateOfBirthFaults(value, AT)).toEqual(faults);
  });
});

describe('country codes', () => {
  it('accepts current ISO 3166-1 alpha-3 and the ICAO 9303 codes, refuses former and made-up ones', () => {
    for (const code of ['DEU', 'UKR', 'SSD', 'CUW', 'ALA', 'GBD', 'UNO', 'EUE', 'RKS']) {
      expect(isValidNationality(code)).toBe(true);
      expect(isValidIssuingCountry(code)).toBe(true);
    }
    for (const code of ['XXA', 'XXB', 'XXC', 'XXX']) {
      expect(isValidNationality(code)).toBe(true);
      expect(isValidIssuingCountry(code)).toBe(false);
    }
    for (const code of ['ROM', 'ZAR', 'YUG', 'BUR', 'ANT', 'QQQ', 'GER', 'UK']) {
      expect(isValidNationality(code)).toBe(false);
      expect(isValidIssuingCountry(code)).toBe(false);
    }
  });
});

describe('contribution of a file', () => {
  it('a complete file counts as one record, its document and template, and no fault', () => {
    expect(contributionOf(file(), AT)).toEqual({
      memberState: 'DE',
      counts: { records: 1, travelDocuments: 1, templates: 1 },
      documents: ['UKR|AB123456'],
    });
  });

  it('counts each missing mandatory field, the system deciding what is mandatory', () => {
    const bare = file(
      { travelDocuments: [], templateModalities: [] },
      { surnames: [], firstNames: ['ANNA'], dateOfBirth: undefined, nationalities: [], sex: undefined },
    );
    expect(contributionOf(bare, AT).counts).toEqual({
      records: 1,
      missingSurname: 1,
      missingSex: 1,
      missingNationality: 1,
      missingDateOfBirth: 1,
      missingTravelDocument: 1,
      missingBiometrics: 1,
      recordsWithFaults: 1,
    });
    // SIS alerts may lack a document; ETIAS brings no biometrics.
    expect(contributionOf({ ...bare, system: 'SIS' }, AT).counts.missingTravelDocument).toBeUndefined();
    expect(contributionOf({ ...bare, system: 'SIS' }, AT).counts.missingBiometrics).toBeUndefined();
    expect(contributionOf({ ...bare, system: 'ETIAS' }, AT).counts.missingBiometrics).toBeUndefined();
    expect(contributionOf({ ...bare, system: 'ETIAS' }, AT).counts.missingTravelDocument).toBe(1);
  });

  it('counts documents: invalid issuer, missing expiry, and the same document listed twice only once', () => {
    const documents = file({
      travelDocuments: [
        { type: 'P', number: 'AB 123-456', issuingCountry: 'UKR' },
        { type: 'P', number: 'ab123456', issuingCountry: 'UKR', expiry: '2030-01-01' },
        { type: 'ID', number: 'X1', issuingCountry: 'ROM', expiry: '2030-01-01' },
      ],
    });
    const { counts, documents: keys } = contributionOf(documents, AT);
    expect(keys).toEqual(['UKR|AB123456', 'ROM|X1']);
    expect(counts).toMatchObject({ travelDocuments: 2, invalidIssuingCountry: 1, missingDocumentExpiry: 1 });
    expect(
      contributionOf({ ...documents, system: 'EURODAC' }, AT).counts.missingDocumentExpiry,
    ).toBeUndefined();
  });

  it('counts refused templates by reason: low quality apart from the other refusals', () => {
    const { counts } = contributionOf(
      file({
        templateModalities: ['FACE'],
        templateRefusals: [
          { modality: 'FP01', reason: 'low-quality', detail: 'quality 12 is below the minimum 20' },
          { modality: 'FP02', reason: 'low-quality', detail: 'quality 3 is below the minimum 20' },
          { modality: 'FP03', reason: 'wrong-dimension', detail: 'expected 256 values, got 3' },
        ],
      }),
      AT,
    );
    expect(counts).toMatchObject({
      templates: 4,
      lowQualityTemplates: 2,
      invalidTemplates: 1,
      recordsWithFaults: 1,
    });
  });

  it('partial and placeholder dates are signals, not faults; a file without Member State is reported as none', () => {
    const partial = contributionOf(file({ memberState: undefined }, { dateOfBirth: '1990-01-01' }), AT);
    expect(partial.memberState).toBe('none');
    expect(partial.counts).toEqual({
      records: 1,
      travelDocuments: 1,
      templates: 1,
      dateOfBirthPlaceholder: 1,
    });
    expect(contributionOf(file({}, { nationalities: ['UKR', 'SUN'] }), AT).counts).toMatchObject({
      invalidNationality: 1,
      recordsWithFaults: 1,
    });
  });
});

describe('duplicate documents', () => {
  it('every holder of a document held by two or more files of the system counts, in its Member State', () => {
    expect(duplicateHolders({})).toEqual({});
    expect(duplicateHolders({ DE: 1 })).toEqual({});
    expect(duplicateHolders({ DE: 2 })).toEqual({ DE: 2 });
    expect(duplicateHolders({ DE: 1, FR: 1 })).toEqual({ DE: 1, FR: 1 });
  });
});

describe('report', () => {
  const item = (month: string, memberState: string, counts: Record<string, number>) => ({
    system: 'EES' as const,
    memberState,
    month,
    counts,
  });

  it('the count at the end of a month sums the changes up to it; the change is that month only', () => {
    const items = [
      item('2026-01', 'DE', { records: 10, missingSex: 3 }),
      item('2026-02', 'DE', { records: 2, missingSex: -1 }),
      item('2026-02', 'DE', { records: 1 }),
      item('2026-03', 'DE', { records: 5, missingSex: 4 }),
      item('2026-02', 'FR', { records: 1, missingSex: 1 }),
      item('2026-01', 'PL', { records: 1, missingSex: 1 }),
      item('2026-02', 'PL', { records: -1, missingSex: -1 }),
    ];
    const rows = qualityRows(items, '2026-02');
    expect(rows.map((row) => row.memberState)).toEqual(['DE', 'FR', 'PL']);
    const [de, , pl] = rows;
    expect(de!.totals).toEqual({ records: 13, templates: 0, travelDocuments: 0 });
    expect(de!.indicators.missingSex).toEqual({ count: 2, change: -1, rate: 0.1538 });
    expect(de!.indicators.lowQualityTemplates).toEqual({ count: 0, change: 0, rate: null });
    // Everything of PL was deleted in February: the row stays for that month, with its change.
    expect(pl!.indicators.missingSex).toEqual({ count: 0, change: -1, rate: null });
    expect(qualityRows(items, '2026-03').map((row) => row.memberState)).toEqual(['DE', 'FR']);

    const csv = qualityCsv('2026-02', rows).trim().split('\n');
    expect(csv[0]).toBe('month,system,memberState,indicator,per,denominator,count,change,rate');
    expect(csv).toContain('2026-02,EES,DE,missingSex,records,13,2,-1,0.1538');
    expect(csv).toContain('2026-02,EES,PL,missingSex,records,0,0,-1,');
    expect(csv).toHaveLength(1 + 3 * INDICATOR_NAMES.length);
  });
});
