import { isCalendarConversion } from './calendars';
import { compareDates, compareDocumentNumbers, damerauLevenshtein, jaroWinkler } from './comparators';
import type { PreparedIdentity, PreparedName } from './identity-profile';
import { currentNationality } from './renamings';
import { placeRule } from './similarity-rules';

/**
 * Comparison vector of the Fellegi-Sunter score: for each variable, the agreement level of two
 * files (strongest first), or undefined when either side lacks the field (weight 0).
 */
export const LEVELS = {
  surname: ['exact', 'variant', 'close', 'fuzzy', 'partial', 'different'],
  firstNames: ['exact', 'variant', 'close', 'partial', 'fuzzy', 'initial', 'different'],
  dateOfBirth: [
    'exact',
    'exact-placeholder',
    'day-month-swapped',
    'one-edit',
    'year-off-by-one',
    'partial-compatible',
    'placeholder-year',
    'different',
  ],
  sex: ['same', 'different'],
  nationality: ['shared', 'different'],
  placeOfBirth: ['exact', 'close', 'different'],
  travelDocument: ['exact', 'ocr-confusion', 'one-edit', 'sequential', 'different'],
} as const;

export type Variable = keyof typeof LEVELS;
export type Level<V extends Variable = Variable> = (typeof LEVELS)[V][number];
export const VARIABLES = Object.keys(LEVELS) as Variable[];

export interface VariableComparison {
  level: string;
  fields: string;
}

export type ComparisonVector = Partial<Record<Variable, VariableComparison>>;

const CLOSE_JARO_WINKLER = 0.94;
const FUZZY_JARO_WINKLER = 0.88;
const MIN_LENGTH_FOR_TWO_EDITS = 6;
/** One edit turns a short name into another common name (LI/LIU, XU/XIU): only `fuzzy` below this length. */
const MIN_LENGTH_FOR_ONE_EDIT = 4;

type NameLevel = Level<'surname'> | Level<'firstNames'>;

function nameLevel(a: PreparedName, b: PreparedName, kind: 'surname' | 'firstNames'): NameLevel {
  if (a.compact === b.compact) return 'exact';
  if (a.variant === b.variant || sortedTokens(a) === sortedTokens(b)) return 'variant';
  const distance = damerauLevenshtein(a.compact, b.compact);
  const similarity = jaroWinkler(a.compact, b.compact);
  const shortName = Math.min(a.compact.length, b.compact.length) < MIN_LENGTH_FOR_ONE_EDIT;
  if ((distance <= 1 && !shortName) || similarity >= CLOSE_JARO_WINKLER) return 'close';
  if (isTokenSubset(a, b)) return 'partial';
  const aligned = alignedTokensLevel(a, b);
  if (aligned) return aligned;
  const longEnough = Math.min(a.compact.length, b.compact.length) >= MIN_LENGTH_FOR_TWO_EDITS;
  if (
    similarity >= FUZZY_JARO_WINKLER ||
    (distance <= 2 && longEnough) ||
    distance <= 1 ||
    (a.phonetic !== '' && a.phonetic === b.phonetic && !shortName)
  ) {
    return 'fuzzy';
  }
  if (kind === 'firstNames' && isInitialOf(a, b)) return 'initial';
  return 'different';
}

function sortedTokens(name: PreparedName): string {
  return [...name.tokens].sort().join(' ');
}

/** Every token of the shorter name appears in the longer one (dropped middle names, one of two surnames). */
function isTokenSubset(a: PreparedName, b: PreparedName): boolean {
  const [shorter, longer] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (shorter.tokens.length === longer.tokens.length) return false;
  return shorter.tokens.every((token) => longer.tokens.includes(token));
}

type TokenAgreement = 'variant' | 'close' | 'fuzzy' | undefined;

/** How one name word agrees with another (a single word, so no token logic). */
function tokenAgreement(a: PreparedName, i: number, b: PreparedName, j: number): TokenAgreement {
  const x = a.tokens[i]!;
  const y = b.tokens[j]!;
  if (x === y || a.tokenVariants[i] === b.tokenVariants[j]) return 'variant';
  const shortWord = Math.min(x.length, y.length) < MIN_LENGTH_FOR_ONE_EDIT;
  const distance = damerauLevenshtein(x, y);
  const similarity = jaroWinkler(x, y);
  if ((distance <= 1 && !shortWord) || similarity >= CLOSE_JARO_WINKLER) return 'close';
  if (shortWord) return undefined;
  const phonetic = a.tokenPhonetics[i]!;
  if (similarity >= FUZZY_JARO_WINKLER || (phonetic !== '' && phonetic === b.tokenPhonetics[j]))
    return 'fuzzy';
  return undefined;
}

const TOKEN_RANK = { variant: 0, close: 1, fuzzy: 2 } as const;

/**
 * Names of several words compared word by word: each word of the shorter name paired with a
 * distinct word of the other (greedy, best agreement first). A typo or another transliteration
 * in one word of `RAJESH MUHAMMED` / `RAJEMH MOHAMMAD`, or a dropped middle name next to a typo
 * (`DEEPAK BILAL` / `EDEPAK`), is then graded by its worst word instead of as a whole string.
 * Equal word counts: `variant` or `close` when every word agrees at least that well, `fuzzy` when
 * every word agrees at least fuzzily. Fewer words on one side: `partial` when every word of the
 * shorter name agrees at least `close`. Otherwise undefined (the whole-string levels decide).
 */
function alignedTokensLevel(a: PreparedName, b: PreparedName): NameLevel | undefined {
  if (a.tokens.length < 2 && b.tokens.length < 2) return undefined;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  const [shorter, longer] = [short.tokens, long.tokens];
  const pairs: Array<{ i: number; j: number; rank: number }> = [];
  shorter.forEach((_, i) => {
    longer.forEach((_, j) => {
      const agreement = tokenAgreement(short, i, long, j);
      if (agreement) pairs.push({ i, j, rank: TOKEN_RANK[agreement] });
    });
  });
  pairs.sort((p, q) => p.rank - q.rank || p.i - q.i || p.j - q.j);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  let worst = 0;
  for (const pair of pairs) {
    if (usedI.has(pair.i) || usedJ.has(pair.j)) continue;
    usedI.add(pair.i);
    usedJ.add(pair.j);
    worst = Math.max(worst, pair.rank);
  }
  if (usedI.size < shorter.length) return undefined;
  if (shorter.length < longer.length) return worst <= TOKEN_RANK.close ? 'partial' : undefined;
  return worst === TOKEN_RANK.variant ? 'variant' : worst === TOKEN_RANK.close ? 'close' : 'fuzzy';
}

function isInitialOf(a: PreparedName, b: PreparedName): boolean {
  const [short, long] = a.compact.length <= b.compact.length ? [a, b] : [b, a];
  return short.compact.length === 1 && long.tokens.some((token) => token.startsWith(short.compact));
}

interface BestName {
  level: NameLevel;
  rank: number;
  fields: string;
}

function bestNameLevel(
  groupA: readonly PreparedName[],
  groupB: readonly PreparedName[],
  kind: 'surname' | 'firstNames',
): BestName | undefined {
  if (groupA.length === 0 || groupB.length === 0) return undefined;
  const order: readonly string[] = LEVELS[kind];
  let best: BestName | undefined;
  for (const a of groupA) {
    for (const b of groupB) {
      const level = nameLevel(a, b, kind);
      const rank = order.indexOf(level);
      if (!best || rank < best.rank) best = { level, rank, fields: `${a.field}~${b.field}` };
      if (rank === 0) return best;
    }
  }
  return best;
}

function rankSum(...names: Array<BestName | undefined>): number {
  return names.reduce((sum, name) => sum + (name ? name.rank : LEVELS.firstNames.length), 0);
}

/**
 * Names compared straight, or with the surname and first-name groups swapped when that agrees
 * better. Both crossed pairs are graded as surnames, the better one filling `surname`, so that the
 * result does not depend on which file comes first.
 */
function compareNameGroups(a: PreparedIdentity, b: PreparedIdentity): ComparisonVector {
  const surname = bestNameLevel(a.surnames, b.surnames, 'surname');
  const firstNames = bestNameLevel(a.firstNames, b.firstNames, 'firstNames');
  const crossedOne = bestNameLevel(a.surnames, b.firstNames, 'surname');
  const crossedTwo = bestNameLevel(a.firstNames, b.surnames, 'surname');
  if (crossedOne && crossedTwo && crossedOne.level !== 'different' && crossedTwo.level !== 'different') {
    const [better, worse] =
      crossedOne.rank <= crossedTwo.rank ? [crossedOne, crossedTwo] : [crossedTwo, crossedOne];
    if (better.rank + worse.rank < rankSum(surname, firstNames)) {
      return {
        surname: { level: better.level, fields: `swapped:${better.fields}` },
        firstNames: { level: worse.level, fields: `swapped:${worse.fields}` },
      };
    }
  }
  const straightDisagrees = surname?.level === 'different' && firstNames?.level === 'different';
  if (straightDisagrees && crossedOne && crossedTwo) {
    // One name moved to the other group and the other replaced: `LODGE | GILLIAN` / `ADELE | LODGE`.
    const better = crossedOne.rank <= crossedTwo.rank ? crossedOne : crossedTwo;
    if (better.level !== 'different') {
      return {
        surname: { level: better.level, fields: `swapped:${better.fields}` },
        firstNames: { level: 'different', fields: 'swapped:firstNames' },
      };
    }
  }
  if (!surname && !firstNames) return compareAllNames(a, b);
  const out: ComparisonVector = {};
  if (surname) out.surname = { level: surname.level, fields: surname.fields };
  if (firstNames) out.firstNames = { level: firstNames.level, fields: firstNames.fields };
  return out;
}

/** Files with nothing comparable field by field (one has only a surname, the other only first names). */
function compareAllNames(a: PreparedIdentity, b: PreparedIdentity): ComparisonVector {
  const all = bestNameLevel([...a.surnames, ...a.firstNames], [...b.surnames, ...b.firstNames], 'surname');
  return all ? { surname: { level: all.level, fields: `across:${all.fields}` } } : {};
}

function compareDateLevel(a: PreparedIdentity, b: PreparedIdentity): VariableComparison | undefined {
  if (!a.dateOfBirth || !b.dateOfBirth) return undefined;
  const level = isCalendarConversion(a.dateOfBirth, b.dateOfBirth)
    ? 'exact'
    : compareDates(a.dateOfBirth, b.dateOfBirth);
  return { level, fields: 'dateOfBirth' };
}

function compareNationalityLevel(a: PreparedIdentity, b: PreparedIdentity): VariableComparison | undefined {
  if (a.nationalities.length === 0 || b.nationalities.length === 0) return undefined;
  const current = new Set(b.nationalities.map(currentNationality));
  const shared = a.nationalities.some((code) => current.has(currentNationality(code)));
  return { level: shared ? 'shared' : 'different', fields: 'nationalities' };
}

function comparePlaceLevel(a: PreparedIdentity, b: PreparedIdentity): VariableComparison | undefined {
  if (!a.placeOfBirth || !b.placeOfBirth) return undefined;
  const rule = placeRule(a.placeOfBirth, b.placeOfBirth);
  const similarity = jaroWinkler(a.placeOfBirth.current, b.placeOfBirth.current);
  const level =
    rule === 'exact' || rule === 'renaming'
      ? 'exact'
      : rule || similarity >= FUZZY_JARO_WINKLER
        ? 'close'
        : 'different';
  return { level, fields: 'placeOfBirth' };
}

function compareDocumentLevel(a: PreparedIdentity, b: PreparedIdentity): VariableComparison | undefined {
  if (a.documentNumbers.length === 0 || b.documentNumbers.length === 0) return undefined;
  const order: readonly string[] = LEVELS.travelDocument;
  let best = 'different';
  let fields = 'documentNumbers[0]~documentNumbers[0]';
  a.documentNumbers.forEach((x, i) => {
    b.documentNumbers.forEach((y, j) => {
      const level = compareDocumentNumbers(x, y);
      if (order.indexOf(level) < order.indexOf(best)) {
        best = level;
        fields = `documentNumbers[${i}]~documentNumbers[${j}]`;
      }
    });
  });
  return { level: best, fields };
}

export function comparisonVector(a: PreparedIdentity, b: PreparedIdentity): ComparisonVector {
  const vector: ComparisonVector = { ...compareNameGroups(a, b) };
  const entries: Array<[Variable, VariableComparison | undefined]> = [
    ['dateOfBirth', compareDateLevel(a, b)],
    ['sex', a.sex && b.sex ? { level: a.sex === b.sex ? 'same' : 'different', fields: 'sex' } : undefined],
    ['nationality', compareNationalityLevel(a, b)],
    ['placeOfBirth', comparePlaceLevel(a, b)],
    ['travelDocument', compareDocumentLevel(a, b)],
  ];
  for (const [variable, comparison] of entries) if (comparison) vector[variable] = comparison;
  return vector;
}
