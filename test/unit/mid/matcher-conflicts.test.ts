import { describe, expect, it } from 'vitest';
import { compareIdentities, createsLink } from '../../../functions/mid/domain/compare-identities';
import type { IdentityInput } from '../../../functions/mid/domain/identity-profile';

const base: IdentityInput = {
  surnames: ['DIALLO'],
  firstNames: ['AMINATA'],
  dateOfBirth: '1994-05-07',
  sex: 'F',
  nationalities: ['GHA'],
  placeOfBirth: 'KINSHASA',
  documentNumbers: ['TU6704918'],
};

const levelOf = (a: IdentityInput, b: IdentityInput, variable: string) =>
  compareIdentities(a, b).evidence.find((e) => e.source === 'score' && e.fields.includes(variable))?.rule;

describe('family conflict (twins and siblings)', () => {
  it('different first names and sequential documents: no candidate, in either order', () => {
    const twin = { ...base, firstNames: ['SELAM'], documentNumbers: ['TU6704919'] };
    for (const [a, b] of [
      [base, twin],
      [twin, base],
    ] as const) {
      const comparison = compareIdentities(a, b);
      expect(comparison.conflicts).toContain('family');
      expect(comparison.candidate).toBe(false);
      expect(createsLink(comparison)).toBe(false);
    }
  });

  it('different first names and different sex: no candidate', () => {
    const twin = { ...base, firstNames: ['SAMUEL'], sex: 'M', documentNumbers: [] };
    expect(compareIdentities(base, twin).conflicts).toContain('family');
  });

  it('the same document lifts the conflict', () => {
    const renamed = { ...base, firstNames: ['SAMUEL'], sex: 'M' };
    const comparison = compareIdentities(base, renamed);
    expect(comparison.conflicts).toEqual([]);
    expect(comparison.candidate).toBe(true);
  });

  it('different first names alone (same sex, no document) are no conflict', () => {
    const other = { ...base, firstNames: ['HAWA'], documentNumbers: [] };
    expect(compareIdentities(base, other).conflicts).toEqual([]);
  });
});

describe('name levels', () => {
  it('compares multi-word names word by word', () => {
    const a = { ...base, firstNames: ['RAJESH MUHAMMED'] };
    const b = { ...base, firstNames: ['RAJEMH MOHAMMAD'] };
    expect(levelOf(a, b, 'firstNames')).toBe('close');
    const c = { ...base, firstNames: ['DEEPAK BILAL'] };
    const d = { ...base, firstNames: ['EDEPAK'] };
    expect(levelOf(c, d, 'firstNames')).toBe('partial');
  });

  it('one name moved to the other group, the other replaced', () => {
    const a = { surnames: ['LODGE'], firstNames: ['GILLIAN'], dateOfBirth: '1928-05-05' };
    const b = { surnames: ['ADELE'], firstNames: ['LODGE'], dateOfBirth: '1928-05-05' };
    const ab = compareIdentities(a, b);
    const ba = compareIdentities(b, a);
    expect(ab.score).toBeCloseTo(ba.score, 9);
    expect(ab.evidence.some((e) => e.fields.startsWith('swapped:') && e.rule === 'exact')).toBe(true);
  });
});
