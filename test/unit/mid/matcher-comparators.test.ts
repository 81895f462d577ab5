import { describe, expect, it } from 'vitest';
import {
  compareDates,
  compareDocumentNumbers,
  damerauLevenshtein,
  isPlaceholderDate,
  jaroWinkler,
  ocrCanonical,
  parsePartialDate,
  singleEdit,
} from '../../../functions/mid/domain/comparators';

describe('string comparators', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ])('Jaro-Winkler %s %s ~ %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
  });

  it('Jaro-Winkler bounds', () => {
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
    expect(jaroWinkler('', 'ABC')).toBe(0);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it.each([
    ['KITTEN', 'SITTING', 3],
    ['CA', 'AC', 1],
    ['SMITH', 'SMIHT', 1],
    ['', 'ABC', 3],
    ['ABC', 'ABC', 0],
  ])('Damerau-Levenshtein %s %s = %i', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
  });

  it('names the kind of a single edit', () => {
    expect(singleEdit('SMITH', 'SMIHT')).toBe('transposition');
    expect(singleEdit('SMITH', 'SMYTH')).toBe('one-edit');
    expect(singleEdit('SMITH', 'SMITHS')).toBe('one-edit');
    expect(singleEdit('SMITH', 'SMITH')).toBeUndefined();
    expect(singleEdit('SMITH', 'SMYTHE')).toBeUndefined();
  });
});

describe('dates of birth', () => {
  const d = (value: string) => parsePartialDate(value)!;
  it('parses partial and compact dates, rejects garbage', () => {
    expect(parsePartialDate('1980-05-00')).toEqual({ year: 1980, month: 5, day: 0 });
    expect(parsePartialDate('19800512')).toEqual({ year: 1980, month: 5, day: 12 });
    expect(parsePartialDate('1980')).toEqual({ year: 1980, month: 0, day: 0 });
    for (const garbage of ['', 'n/a', '1980-13-01', '1980-02-45', '12/05/1980', undefined]) {
      expect(parsePartialDate(garbage)).toBeUndefined();
    }
  });

  it('recognises placeholder dates', () => {
    expect(isPlaceholderDate(d('1980-01-01'))).toBe(true);
    expect(isPlaceholderDate(d('1980-07-01'))).toBe(true);
    expect(isPlaceholderDate(d('1980-00-00'))).toBe(true);
    expect(isPlaceholderDate(d('1980-05-12'))).toBe(false);
  });

  it.each([
    ['1980-05-12', '1980-05-12', 'exact'],
    ['1980-01-01', '1980-01-01', 'exact-placeholder'],
    ['1980-05-12', '1980-12-05', 'day-month-swapped'],
    ['1980-05-12', '1980-05-13', 'one-edit'],
    ['1989-05-12', '1990-05-12', 'year-off-by-one'],
    ['1980-05-00', '1980-05-12', 'partial-compatible'],
    ['1980-00-00', '1980-05-12', 'partial-compatible'],
    ['1980-01-01', '1980-05-12', 'placeholder-year'],
    ['1980-05-12', '1985-09-23', 'different'],
  ])('%s vs %s: %s', (a, b, level) => {
    expect(compareDates(d(a), d(b))).toBe(level);
    expect(compareDates(d(b), d(a))).toBe(level);
  });
});

describe('document numbers', () => {
  it('maps OCR confusions together', () => {
    expect(ocrCanonical('AB 0I5-8Z')).toBe(ocrCanonical('A8<O15B2'));
  });

  it.each([
    ['AB1234567', 'ab 1234567', 'exact'],
    ['AB1234567', 'AB12345G7', 'ocr-confusion'],
    ['PO0123456', 'P00123456', 'ocr-confusion'],
    ['AB1234567', 'AB1234569', 'one-edit'],
    ['AB1234567', 'AB1234568', 'sequential'],
    ['AB1234569', 'AB1234570', 'sequential'],
    ['AB1234567', 'AB1243567', 'one-edit'],
    ['AB12', 'AB13', 'different'],
    ['AB1234567', 'XY7654321', 'different'],
    ['', 'AB1234567', 'different'],
  ])('%s vs %s: %s', (a, b, level) => {
    expect(compareDocumentNumbers(a, b)).toBe(level);
  });
});
