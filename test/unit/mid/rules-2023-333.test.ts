import { describe, expect, it } from 'vitest';
import { type IdentityInput, prepareIdentity } from '../../../functions/mid/domain/identity-profile';
import {
  combineVerdict,
  compareDateOfBirth,
  compareNames,
  compareNationalityAndPlace,
  compareSex,
} from '../../../functions/mid/domain/similarity-rules';
import type { CategoryOutcome, IdentityCategory } from '../../../functions/mid/domain/types';

const p = (input: IdentityInput) => prepareIdentity(input);
const names = (a: IdentityInput, b: IdentityInput) => compareNames(p(a), p(b));

describe('2023/333 names', () => {
  it.each([
    [
      'equal after harmonisation',
      { surnames: ['Müller'], firstNames: ['Jörg'] },
      { surnames: ['MULLER'], firstNames: ['JORG'] },
    ],
    [
      'alias surname against surname',
      { surnames: ['KARIMI'], aliases: [{ surname: 'AHMADI' }], firstNames: ['REZA'] },
      { surnames: ['AHMADI'], firstNames: ['REZA'] },
    ],
    [
      'former first name against first name',
      { surnames: ['POPAL'], firstNames: ['SHER'], formerFirstNames: ['NASIR'] },
      { surnames: ['POPAL'], firstNames: ['NASIR'] },
    ],
    ['mononyms: surname alone', { surnames: ['RAJESH'] }, { surnames: ['RAJESH'] }],
  ])('same: %s', (_, a, b) => {
    expect(names(a, b).outcome).toBe('same');
  });

  it.each([
    [
      'transliteration',
      { surnames: ['HADDAD'], firstNames: ['MOHAMMED'] },
      { surnames: ['HADDAD'], firstNames: ['MUHAMMAD'] },
      'transliteration',
    ],
    [
      'transliteration (ICAO umlaut)',
      { surnames: ['MÜLLER'], firstNames: ['ANNA'] },
      { surnames: ['MUELLER'], firstNames: ['ANNA'] },
      'transliteration',
    ],
    [
      'transliteration (Cyrillic)',
      { surnames: ['Щербаков'], firstNames: ['Юрий'] },
      { surnames: ['SCHTSCHERBAKOW'], firstNames: ['JURIJ'] },
      'transliteration',
    ],
    [
      'surname and first-name groups swapped',
      { surnames: ['AHMED'], firstNames: ['KARIM'] },
      { surnames: ['KARIM'], firstNames: ['AHMED'] },
      'swapped-groups',
    ],
    [
      'first name and surname in one field',
      { surnames: ['KARIM AHMED'] },
      { surnames: ['AHMED'], firstNames: ['KARIM'] },
      'combined-fields',
    ],
    [
      'two words in swapped order',
      { surnames: ['GARCIA LOPEZ'], firstNames: ['ANA'] },
      { surnames: ['LOPEZ GARCIA'], firstNames: ['ANA'] },
      'swapped-order',
    ],
    [
      'two letters swapped',
      { surnames: ['SMITH'], firstNames: ['JOHN'] },
      { surnames: ['SMIHT'], firstNames: ['JOHN'] },
      'transposition',
    ],
    [
      'one character substituted',
      { surnames: ['PETERSEN'], firstNames: ['OLE'] },
      { surnames: ['PETERSON'], firstNames: ['OLE'] },
      'one-edit',
    ],
    [
      'one character inserted',
      { surnames: ['NOWAK'], firstNames: ['ADAM'] },
      { surnames: ['NOWAKI'], firstNames: ['ADAM'] },
      'one-edit',
    ],
    [
      'hyphen only',
      { surnames: ['ABDEL-RAHMAN'], firstNames: ['SAMI'] },
      { surnames: ['ABDEL RAHMAN'], firstNames: ['SAMI'] },
      'punctuation',
    ],
    [
      'apostrophe only',
      { surnames: ["O'BRIEN"], firstNames: ['SEAN'] },
      { surnames: ['OBRIEN'], firstNames: ['SEAN'] },
      'punctuation',
    ],
    [
      'truncated name',
      { surnames: ['WOLFESCHLEGELSTEINHAUSEN'], firstNames: ['HUBERT'] },
      { surnames: ['WOLFESCHLEGEL'], firstNames: ['HUBERT'] },
      'truncated',
    ],
  ])('similar: %s', (_, a, b, rule) => {
    const result = names(a, b);
    expect(result).toMatchObject({ outcome: 'similar', rule });
    expect(names(b, a).outcome).toBe('similar');
  });

  it.each([
    [
      'two edits',
      { surnames: ['SMITH'], firstNames: ['JOHN'] },
      { surnames: ['SMYTHE'], firstNames: ['JOHN'] },
    ],
    [
      'other first name',
      { surnames: ['POPAL'], firstNames: ['SHER'] },
      { surnames: ['POPAL'], firstNames: ['NASIR'] },
    ],
    [
      'first names missing on one side only',
      { surnames: ['ALI'] },
      { surnames: ['ALI'], firstNames: ['HASSAN'] },
    ],
    [
      'a two-letter prefix is no truncation',
      { surnames: ['LI'], firstNames: ['WEI'] },
      { surnames: ['LIANG'], firstNames: ['WEI'] },
    ],
  ])('different: %s', (_, a, b) => {
    expect(names(a, b).outcome).toBe('different');
  });

  it('missing when one side has no name at all', () => {
    expect(names({}, { surnames: ['ALI'] }).outcome).toBe('missing');
  });
});

describe('2023/333 date of birth', () => {
  const dob = (a: string | undefined, b: string | undefined) =>
    compareDateOfBirth(p({ dateOfBirth: a }), p({ dateOfBirth: b }));
  it.each([
    ['1990-03-04', '1990-03-04', 'same', 'exact'],
    ['1990-00-00', '1990-00-00', 'same', 'exact'],
    ['1990-03-04', '1990-04-03', 'similar', 'day-month-swapped'],
    ['1360-01-01', '1981-03-21', 'similar', 'calendar-conversion'],
    ['1400-09-15', '1980-07-28', 'similar', 'calendar-conversion'],
    ['1990-03-04', '1991-03-04', 'similar', 'one-edit'],
    ['1990-03-04', '1990-03-14', 'similar', 'one-edit'],
    ['1990-03-04', '1992-05-04', 'different', 'none'],
    ['1990-00-00', '1990-05-12', 'different', 'none'],
    ['1990-03-04', undefined, 'missing', 'missing'],
    ['not a date', '1990-03-04', 'missing', 'missing'],
  ])('%s vs %s: %s (%s)', (a, b, outcome, rule) => {
    expect(dob(a, b)).toMatchObject({ outcome, rule });
  });
});

describe('2023/333 sex', () => {
  it.each([
    ['F', 'F', 'same'],
    ['F', 'M', 'different'],
    ['X', 'M', 'different'],
    ['F', undefined, 'missing'],
  ])('%s vs %s: %s', (a, b, outcome) => {
    expect(compareSex(p({ sex: a }), p({ sex: b })).outcome).toBe(outcome);
  });
});

describe('2023/333 nationality and place of birth', () => {
  const np = (a: IdentityInput, b: IdentityInput) => compareNationalityAndPlace(p(a), p(b));
  it.each([
    ['a shared nationality', { nationalities: ['SYR', 'TUR'] }, { nationalities: ['TUR'] }, 'same', 'exact'],
    [
      'a shared nationality, other place',
      { nationalities: ['SYR'], placeOfBirth: 'ALEPPO' },
      { nationalities: ['SYR'], placeOfBirth: 'HOMS' },
      'same',
      'exact',
    ],
    ['renamed nationality', { nationalities: ['BUR'] }, { nationalities: ['MMR'] }, 'similar', 'renaming'],
    [
      'nationality one character edited',
      { nationalities: ['SYR'] },
      { nationalities: ['SYP'] },
      'similar',
      'one-edit',
    ],
    ['equal place, no nationality', { placeOfBirth: 'Kabul' }, { placeOfBirth: 'KABUL' }, 'similar', 'exact'],
    ['renamed city', { placeOfBirth: 'BOMBAY' }, { placeOfBirth: 'MUMBAI' }, 'similar', 'renaming'],
    [
      'transliterated place',
      { placeOfBirth: 'ALEKSANDROVKA' },
      { placeOfBirth: 'ALEXANDROWKA' },
      'similar',
      'transliteration',
    ],
    ['place one character edited', { placeOfBirth: 'KIEW' }, { placeOfBirth: 'KIEV' }, 'similar', 'one-edit'],
    [
      'nothing in common',
      { nationalities: ['SYR'], placeOfBirth: 'ALEPPO' },
      { nationalities: ['COL'], placeOfBirth: 'CALI' },
      'different',
      'none',
    ],
    ['no field on both sides', { nationalities: ['SYR'] }, { placeOfBirth: 'ALEPPO' }, 'missing', 'missing'],
  ])('%s', (_, a, b, outcome, rule) => {
    expect(np(a, b)).toMatchObject({ outcome, rule });
  });
});

describe('combination rule', () => {
  const verdict = (
    names: CategoryOutcome,
    dateOfBirth: CategoryOutcome,
    sex: CategoryOutcome,
    place: CategoryOutcome,
  ) =>
    combineVerdict({ names, dateOfBirth, sex, nationalityAndPlaceOfBirth: place } satisfies Record<
      IdentityCategory,
      CategoryOutcome
    >);
  it.each([
    ['same', 'same', 'same', 'same', 'same'],
    ['same', 'same', 'missing', 'missing', 'same'],
    ['similar', 'same', 'same', 'same', 'similar'],
    ['same', 'similar', 'same', 'missing', 'similar'],
    ['same', 'same', 'different', 'same', 'different'],
    ['same', 'same', 'same', 'different', 'different'],
    ['same', 'missing', 'same', 'same', 'different'],
    ['missing', 'same', 'same', 'same', 'different'],
  ] as const)('names %s, date %s, sex %s, nationality/place %s => %s', (n, d, s, np, expected) => {
    expect(verdict(n, d, s, np)).toBe(expected);
  });
});
