import { describe, expect, it } from 'vitest';
import type { IndividualFile } from '../../../functions/mid/domain/check';
import { subjectLookupKeys, subjectMatches } from '../../../functions/rights/domain/person';
import { identitySchema } from '../../../functions/shared/schemas/record';

const file = (identity: Record<string, unknown>): IndividualFile => ({
  ref: { system: 'EES', recordId: 'r-1' },
  memberState: 'DE',
  identity: identitySchema.parse(identity),
  travelDocuments: [],
  hasBiometrics: false,
});

const olena = file({
  surnames: ['KOWALCZYK'],
  firstNames: ['OLENA'],
  dateOfBirth: '1990-04-12',
  nationalities: ['UKR'],
  sex: 'F',
});

describe("finding the person's files after the identity step", () => {
  it('matches the same names and date of birth, and a known transliteration', () => {
    expect(
      subjectMatches({ surname: 'KOWALCZYK', givenNames: 'OLENA', dateOfBirth: '1990-04-12' }, olena),
    ).toBe(true);
    expect(
      subjectMatches(
        { surname: 'KOWALCZYK', givenNames: 'OLENA', dateOfBirth: '1990-04-12', nationality: 'UKR' },
        olena,
      ),
    ).toBe(true);
  });

  it('does not match another date of birth, even a similar one, or a contradicting nationality', () => {
    expect(
      subjectMatches({ surname: 'KOWALCZYK', givenNames: 'OLENA', dateOfBirth: '1990-04-13' }, olena),
    ).toBe(false);
    expect(
      subjectMatches({ surname: 'KOWALCZYK', givenNames: 'OLENA', dateOfBirth: '1990-12-04' }, olena),
    ).toBe(false);
    expect(
      subjectMatches(
        { surname: 'KOWALCZYK', givenNames: 'OLENA', dateOfBirth: '1990-04-12', nationality: 'BLR' },
        olena,
      ),
    ).toBe(false);
    expect(subjectMatches({ surname: 'NOWAK', givenNames: 'OLENA', dateOfBirth: '1990-04-12' }, olena)).toBe(
      false,
    );
  });

  it('looks files up by the MID blocking keys of the identity data given', () => {
    const keys = subjectLookupKeys({
      surname: 'KOWALCZYK',
      dateOfBirth: '1990-04-12',
      documentNumber: 'FP1234567',
    });
    expect(keys.some((key) => key.startsWith('sy|'))).toBe(true);
    expect(keys).toContain('dc|FP1234567');
  });
});
