import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIdentities, createsLink } from '../../../functions/mid/domain/compare-identities';
import type { IdentityInput } from '../../../functions/mid/domain/identity-profile';

const name = fc.constantFrom(
  'MOHAMMED',
  'MUHAMMAD',
  'ALI',
  'AL-HASSAN',
  'IVANOV',
  'IWANOW',
  'GARCIA LOPEZ',
  'LI',
  'WEI',
  'ANNA MARIA',
  'OKONKWO',
  'ŞAHİN',
);
const date = fc
  .record({
    year: fc.integer({ min: 1940, max: 2010 }),
    month: fc.integer({ min: 0, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(
    ({ year, month, day }) =>
      `${year}-${String(month).padStart(2, '0')}-${String(month === 0 ? 0 : day).padStart(2, '0')}`,
  );
const identity: fc.Arbitrary<IdentityInput> = fc.record(
  {
    surnames: fc.array(name, { minLength: 1, maxLength: 2 }),
    firstNames: fc.array(name, { maxLength: 2 }),
    dateOfBirth: date,
    sex: fc.constantFrom('M', 'F', 'X'),
    nationalities: fc.array(fc.constantFrom('SYR', 'IRQ', 'RUS', 'CHN', 'BUR', 'MMR'), { maxLength: 2 }),
    placeOfBirth: fc.constantFrom('ALEPPO', 'BOMBAY', 'MUMBAI', 'KIEV', 'KYIV'),
    documentNumbers: fc.array(fc.stringMatching(/^[A-Z0-9]{6,9}$/), { maxLength: 2 }),
  },
  { requiredKeys: ['surnames'] },
);
const OPTIONAL_FIELDS = [
  'firstNames',
  'dateOfBirth',
  'sex',
  'nationalities',
  'placeOfBirth',
  'documentNumbers',
] as const;

describe('compareIdentities properties', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        const ab = compareIdentities(a, b);
        const ba = compareIdentities(b, a);
        expect(ba.score).toBeCloseTo(ab.score, 9);
        expect(ba.verdict).toBe(ab.verdict);
        expect(ba.candidate).toBe(ab.candidate);
        expect(ba.categories).toEqual(ab.categories);
      }),
      { numRuns: 300 },
    );
  });

  it('a record with names and a date of birth always matches (a copy of) itself', () => {
    fc.assert(
      fc.property(identity, (a) => {
        const withDate = { ...a, dateOfBirth: a.dateOfBirth ?? '1980-05-12' };
        const comparison = compareIdentities(withDate, structuredClone(withDate));
        // `similar`, not `same`, where a place of birth but no nationality is recorded (2023/333).
        expect(comparison.verdict).not.toBe('different');
        expect(createsLink(comparison)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a missing field weighs nothing: filling it with an agreeing value never lowers the score', () => {
    fc.assert(
      fc.property(identity, identity, fc.constantFrom(...OPTIONAL_FIELDS), (a, b, field) => {
        const filled = { ...b, [field]: a[field] };
        const missing = { ...b, [field]: undefined };
        const withField = compareIdentities(a, filled);
        const withoutField = compareIdentities(a, missing);
        expect(withoutField.score).toBeLessThanOrEqual(withField.score + 1e-9);
        expect(
          withoutField.evidence.some(
            (e) => e.source === 'score' && e.weight !== 0 && e.fields.startsWith(field),
          ),
        ).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constant(''),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(garbage, garbage, garbage, garbage, garbage, (surname, first, dob, sex, doc) => {
        const odd = {
          surnames: [surname ?? ''],
          firstNames: [first ?? ''],
          dateOfBirth: dob,
          sex,
          nationalities: [doc ?? ''],
          placeOfBirth: first,
          documentNumbers: [doc ?? ''],
        } as IdentityInput;
        const result = compareIdentities(odd, { surnames: ['ALI'], dateOfBirth: '1980-01-01' });
        expect(Number.isFinite(result.score)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
