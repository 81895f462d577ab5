import { isCalendarConversion } from './calendars';
import { dateDigits, isDayMonthSwap, singleEdit } from './comparators';
import type { PreparedIdentity, PreparedName, PreparedPlace } from './identity-profile';
import { currentNationality } from './renamings';
import type { CategoryOutcome, IdentityCategory } from './types';

/**
 * The deterministic rule set of Delegated Regulation (EU) 2023/333 (2023/332 for 2019/818):
 * *same* and *similar* identity data per category, with exactly the listed similar cases.
 * Values are compared after format harmonisation (case, spacing, script, diacritics; see
 * normalise.ts). Every function names the rule that decided, for the evidence (never values).
 */

export type NameRule =
  | 'exact'
  | 'punctuation'
  | 'transliteration'
  | 'swapped-order'
  | 'transposition'
  | 'one-edit'
  | 'truncated';

export interface RuleResult {
  outcome: CategoryOutcome;
  rule: string;
  fields: string;
}

const MIN_TRUNCATED_LENGTH = 3;

/** One name value against another: `exact` is same; the other rules are the listed similar cases. */
export function nameRule(a: PreparedName, b: PreparedName): NameRule | undefined {
  if (a.harmonised === b.harmonised) return 'exact';
  const joinedA = a.words.join('');
  const joinedB = b.words.join('');
  if (a.unpunctuated === b.unpunctuated || joinedA === joinedB) return 'punctuation';
  if (a.variant.length > 0 && a.variant === b.variant) return 'transliteration';
  if (a.words.length > 1 && sortedWords(a) === sortedWords(b)) return 'swapped-order';
  const edit = singleEdit(joinedA, joinedB);
  if (edit) return edit;
  if (isTruncation(joinedA, joinedB)) return 'truncated';
  return undefined;
}

function sortedWords(name: PreparedName): string {
  return [...name.words].sort().join(' ');
}

function isTruncation(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return (
    shorter.length >= MIN_TRUNCATED_LENGTH && shorter.length < longer.length && longer.startsWith(shorter)
  );
}

interface GroupResult {
  outcome: 'same' | 'similar' | 'different' | 'missing';
  rule: string;
  fields: string;
}

/** Best result over every pair of two groups of name fields (aliases and former names count across fields). */
function bestOverGroups(groupA: readonly PreparedName[], groupB: readonly PreparedName[]): GroupResult {
  if (groupA.length === 0 || groupB.length === 0) return { outcome: 'missing', rule: 'missing', fields: '' };
  let best: GroupResult = {
    outcome: 'different',
    rule: 'none',
    fields: `${groupA[0]!.field}~${groupB[0]!.field}`,
  };
  for (const a of groupA) {
    for (const b of groupB) {
      const rule = nameRule(a, b);
      if (!rule) continue;
      const fields = `${a.field}~${b.field}`;
      if (rule === 'exact') return { outcome: 'same', rule, fields };
      if (best.outcome === 'different') best = { outcome: 'similar', rule, fields };
    }
  }
  return best;
}

function rank(outcome: GroupResult['outcome']): number {
  return outcome === 'same' ? 2 : outcome === 'similar' ? 1 : 0;
}

/**
 * Names: same when a surname-type field is equal AND a first-name-type field is equal (both sides
 * without first names: the surname alone). Similar when both conditions are same-or-similar, or
 * the surname and first-name groups are swapped, or one side has first name and surname combined
 * in one field.
 */
export function compareNames(a: PreparedIdentity, b: PreparedIdentity): RuleResult {
  const namesA = [...a.surnames, ...a.firstNames];
  const namesB = [...b.surnames, ...b.firstNames];
  if (namesA.length === 0 || namesB.length === 0) return { outcome: 'missing', rule: 'missing', fields: '' };

  const surnames = bestOverGroups(a.surnames, b.surnames);
  const firstNames = bestOverGroups(a.firstNames, b.firstNames);
  const bothWithoutFirstNames = a.firstNames.length === 0 && b.firstNames.length === 0;
  const straight = bothWithoutFirstNames
    ? surnames
    : combineConditions(surnames, firstNames, (x, y) => `${x};${y}`);
  if (straight.outcome === 'same' || straight.outcome === 'similar') return straight;

  const swapped = combineConditions(
    bestOverGroups(a.surnames, b.firstNames),
    bestOverGroups(a.firstNames, b.surnames),
    (x, y) => `${x};${y}`,
  );
  if (swapped.outcome !== 'different' && swapped.outcome !== 'missing') {
    return { outcome: 'similar', rule: 'swapped-groups', fields: swapped.fields };
  }
  const combined = combinedInOneField(a, b) ?? combinedInOneField(b, a);
  if (combined) return { outcome: 'similar', rule: 'combined-fields', fields: combined };
  return { outcome: 'different', rule: straight.rule, fields: straight.fields };
}

function combineConditions(
  surnames: GroupResult,
  firstNames: GroupResult,
  joinFields: (x: string, y: string) => string,
): GroupResult {
  if (surnames.outcome === 'missing' || firstNames.outcome === 'missing') {
    return { outcome: 'different', rule: 'incomplete-names', fields: surnames.fields || firstNames.fields };
  }
  const worst = rank(surnames.outcome) <= rank(firstNames.outcome) ? surnames : firstNames;
  const rule = worst.outcome === 'same' ? 'exact' : worst.rule;
  return { outcome: worst.outcome, rule, fields: joinFields(surnames.fields, firstNames.fields) };
}

/** One field of `single` holds, in either order, the surname and first name words of `split`. */
function combinedInOneField(single: PreparedIdentity, split: PreparedIdentity): string | undefined {
  for (const field of [...single.surnames, ...single.firstNames]) {
    if (field.words.length < 2) continue;
    const wanted = [...field.words].sort().join(' ');
    for (const surname of split.surnames) {
      for (const firstName of split.firstNames) {
        const together = [...surname.words, ...firstName.words].sort().join(' ');
        if (together === wanted) return `${field.field}~${surname.field}+${firstName.field}`;
      }
    }
  }
  return undefined;
}

/** Date of birth: same when equal; similar when day and month are swapped, a calendar conversion, or one character edited. */
export function compareDateOfBirth(a: PreparedIdentity, b: PreparedIdentity): RuleResult {
  const fields = 'dateOfBirth';
  if (!a.dateOfBirth || !b.dateOfBirth) return { outcome: 'missing', rule: 'missing', fields };
  const digitsA = dateDigits(a.dateOfBirth);
  const digitsB = dateDigits(b.dateOfBirth);
  if (digitsA === digitsB) return { outcome: 'same', rule: 'exact', fields };
  if (isDayMonthSwap(a.dateOfBirth, b.dateOfBirth))
    return { outcome: 'similar', rule: 'day-month-swapped', fields };
  if (isCalendarConversion(a.dateOfBirth, b.dateOfBirth))
    return { outcome: 'similar', rule: 'calendar-conversion', fields };
  const edit = singleEdit(digitsA, digitsB);
  if (edit) return { outcome: 'similar', rule: edit, fields };
  return { outcome: 'different', rule: 'none', fields };
}

export function compareSex(a: PreparedIdentity, b: PreparedIdentity): RuleResult {
  const fields = 'sex';
  if (!a.sex || !b.sex) return { outcome: 'missing', rule: 'missing', fields };
  return a.sex === b.sex
    ? { outcome: 'same', rule: 'exact', fields }
    : { outcome: 'different', rule: 'none', fields };
}

/**
 * Nationality and place of birth: same when a nationality is equal; similar when a nationality or
 * the place of birth is equal, a known renaming, a known transliteration or one character edited.
 */
export function compareNationalityAndPlace(a: PreparedIdentity, b: PreparedIdentity): RuleResult {
  const hasNationalities = a.nationalities.length > 0 && b.nationalities.length > 0;
  const hasPlaces = a.placeOfBirth !== undefined && b.placeOfBirth !== undefined;
  if (!hasNationalities && !hasPlaces) {
    return { outcome: 'missing', rule: 'missing', fields: 'nationalities,placeOfBirth' };
  }
  if (hasNationalities) {
    const nationality = nationalityRule(a.nationalities, b.nationalities);
    if (nationality === 'exact') return { outcome: 'same', rule: 'exact', fields: 'nationalities' };
    if (nationality) return { outcome: 'similar', rule: nationality, fields: 'nationalities' };
  }
  if (a.placeOfBirth && b.placeOfBirth) {
    const place = placeRule(a.placeOfBirth, b.placeOfBirth);
    if (place) return { outcome: 'similar', rule: place, fields: 'placeOfBirth' };
  }
  return { outcome: 'different', rule: 'none', fields: hasNationalities ? 'nationalities' : 'placeOfBirth' };
}

function nationalityRule(a: readonly string[], b: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 'exact';
      if (currentNationality(x) === currentNationality(y)) found = 'renaming';
      else if (!found && singleEdit(x, y)) found = 'one-edit';
    }
  }
  return found;
}

export function placeRule(a: PreparedPlace, b: PreparedPlace): string | undefined {
  if (a.harmonised === b.harmonised) return 'exact';
  if (a.current === b.current) return 'renaming';
  if (a.variant.length > 0 && a.variant === b.variant) return 'transliteration';
  if (singleEdit(a.harmonised, b.harmonised)) return 'one-edit';
  return undefined;
}

export type CategoryResults = Record<IdentityCategory, RuleResult>;

export function compareCategories(a: PreparedIdentity, b: PreparedIdentity): CategoryResults {
  return {
    names: compareNames(a, b),
    dateOfBirth: compareDateOfBirth(a, b),
    sex: compareSex(a, b),
    nationalityAndPlaceOfBirth: compareNationalityAndPlace(a, b),
  };
}

/**
 * How the categories combine (the regulation leaves it open): names and date of birth must be
 * present on both sides; then every category present on both sides same => `same`; every one
 * same-or-similar => `similar`; otherwise (or with names or date of birth missing) `different`.
 */
export function combineVerdict(
  categories: Record<IdentityCategory, CategoryOutcome>,
): 'same' | 'similar' | 'different' {
  if (categories.names === 'missing' || categories.dateOfBirth === 'missing') return 'different';
  const present = Object.values(categories).filter((outcome) => outcome !== 'missing');
  if (present.some((outcome) => outcome === 'different')) return 'different';
  return present.every((outcome) => outcome === 'same') ? 'same' : 'similar';
}
