import { compactName } from '../../mid/domain/normalise';
import type { Identity } from '../../shared/schemas/record';
import type { QueryIdentity } from './query';

export interface IdentityMatch {
  match: boolean;
  /** 0..1 for the default matcher; a matcher may use its own scale, the portal only passes it on. */
  score: number;
}

/** Port: decides whether a record's identity data answers an identity query (injected; the MID's in production). */
export type IdentityMatcher = (query: QueryIdentity, record: Identity) => IdentityMatch;

function surnameTypes(identity: Identity): string[] {
  return [
    ...identity.surnames,
    ...(identity.surnameAtBirth ? [identity.surnameAtBirth] : []),
    ...identity.formerSurnames,
    ...identity.aliases.flatMap((alias) => (alias.surname ? [alias.surname] : [])),
  ];
}

function firstNameTypes(identity: Identity): string[] {
  return [
    ...identity.firstNames,
    ...identity.formerFirstNames,
    ...identity.aliases.flatMap((alias) => (alias.firstNames ? [alias.firstNames] : [])),
  ];
}

function anyEqual(left: readonly string[], right: readonly string[]): boolean {
  const normalised = new Set(right.map(compactName));
  return left.some((value) => normalised.has(compactName(value)));
}

/** `00` in a partial date is unknown: it matches any value. */
function datesCompatible(left: string, right: string): boolean {
  return [0, 1, 2].every((i) => {
    const [a, b] = [left.split('-')[i], right.split('-')[i]];
    return a === b || /^0+$/.test(a ?? '') || /^0+$/.test(b ?? '');
  });
}

/**
 * Default matcher for tests and the benchmark: every category the query gives must be equal after
 * harmonisation (the MID's `compactName`; names across surname-type / first-name-type fields, as in
 * 2023/333 "same").
 * A category the record lacks counts neither for nor against.
 */
export const normalisingExactMatcher: IdentityMatcher = (query, record) => {
  const checks: boolean[] = [anyEqual(query.surnames, surnameTypes(record))];
  if (query.firstNames && firstNameTypes(record).length > 0)
    checks.push(anyEqual(query.firstNames, firstNameTypes(record)));
  if (query.dateOfBirth && record.dateOfBirth)
    checks.push(datesCompatible(query.dateOfBirth, record.dateOfBirth));
  if (query.sex && record.sex) checks.push(query.sex === record.sex);
  if (query.nationalities && record.nationalities.length > 0)
    checks.push(query.nationalities.some((code) => record.nationalities.includes(code)));
  if (query.placeOfBirth && record.placeOfBirth)
    checks.push(compactName(query.placeOfBirth) === compactName(record.placeOfBirth));
  const agreeing = checks.filter(Boolean).length;
  return { match: agreeing === checks.length, score: agreeing / checks.length };
};
