import { comparisonVector, LEVELS, type Variable } from './comparison-levels';
import { type IdentityInput, prepareIdentity } from './identity-profile';
import {
  DEFAULT_CALIBRATION,
  DEFAULT_WEIGHTS,
  type ScoredVariable,
  scoreVector,
  type Weights,
} from './identity-score';
import {
  adjustNameWeights,
  type FrequencyKind,
  type NameFrequencies,
  STATIC_NAME_FREQUENCIES,
} from './name-frequencies';
import { combineVerdict, compareCategories } from './similarity-rules';
import type { CategoryOutcome, IdentityCategory, IdentityComparison, MatchEvidence } from './types';

export interface CompareOptions {
  weights?: Weights;
  threshold?: number;
  /**
   * Name frequencies for the term-frequency adjustment of the name weights: the files being
   * linked in the benchmark, the CIR in production; default the static table of common names.
   */
  frequencies?: NameFrequencies;
}

/** Chance agreement on a name among different persons, from the calibration (the average the adjustment starts from). */
export const AVERAGE_NAME_AGREEMENT: Record<FrequencyKind, number> = {
  surname: DEFAULT_CALIBRATION.variables.surname.exact!.u,
  firstName: DEFAULT_CALIBRATION.variables.firstNames.exact!.u,
  fullName:
    DEFAULT_CALIBRATION.variables.surname.exact!.u * DEFAULT_CALIBRATION.variables.firstNames.exact!.u,
};

const CATEGORY_OF: Record<Variable, MatchEvidence['category']> = {
  surname: 'names',
  firstNames: 'names',
  dateOfBirth: 'dateOfBirth',
  sex: 'sex',
  nationality: 'nationalityAndPlaceOfBirth',
  placeOfBirth: 'nationalityAndPlaceOfBirth',
  travelDocument: 'travelDocument',
};

function outcomeOfLevel(variable: Variable, level: string): CategoryOutcome {
  if (level === LEVELS[variable][0]) return 'same';
  return level === 'different' ? 'different' : 'similar';
}

/**
 * Compares the identity data of two individual files: the 2023/333 verdict (deterministic rule
 * set, decides white versus yellow) and the calibrated score (decides whether the pair is a
 * candidate). Symmetric; never throws on odd input.
 */
export function compareIdentities(
  a: IdentityInput,
  b: IdentityInput,
  {
    weights = DEFAULT_WEIGHTS,
    threshold = DEFAULT_CALIBRATION.threshold,
    frequencies = STATIC_NAME_FREQUENCIES,
  }: CompareOptions = {},
): IdentityComparison {
  const left = prepareIdentity(a);
  const right = prepareIdentity(b);
  const rules = compareCategories(left, right);
  const categories = Object.fromEntries(
    Object.entries(rules).map(([category, result]) => [category, result.outcome]),
  ) as Record<IdentityCategory, CategoryOutcome>;
  const scored = adjustNameWeights(
    scoreVector(comparisonVector(left, right), weights),
    left,
    right,
    frequencies,
    AVERAGE_NAME_AGREEMENT,
  );
  const score = scored.reduce((sum, entry) => sum + entry.weight, 0);
  const evidence: MatchEvidence[] = [
    ...Object.entries(rules).map(
      ([category, result]): MatchEvidence => ({
        category: category as IdentityCategory,
        fields: result.fields,
        outcome: result.outcome,
        rule: result.rule,
        weight: 0,
        source: 'rule-set',
      }),
    ),
    ...scored.map(
      (entry): MatchEvidence => ({
        category: CATEGORY_OF[entry.variable],
        fields: entry.fields,
        outcome: outcomeOfLevel(entry.variable, entry.level),
        rule: entry.level,
        weight: entry.weight,
        source: 'score',
      }),
    ),
  ];
  const conflicts = conflictsOf(scored);
  return {
    score,
    candidate: score >= threshold && conflicts.length === 0,
    verdict: combineVerdict(categories),
    categories,
    evidence,
    conflicts,
  };
}

/**
 * The score adds field weights as if fields were independent. Two kinds of pair break that:
 *
 * - namesakes share every name and the nationality, which outweighs a different date of birth.
 *   A pair whose dates of birth disagree outright is no candidate (`dateOfBirth`);
 * - twins and siblings share the surname, the date or place of birth and the nationality: the
 *   agreement that makes the score is family resemblance, not identity. What tells them apart is
 *   exactly what differs within a family: the first names, the sex, and documents issued together
 *   (numbers one apart). A pair whose first names disagree outright **and** whose sex differs or
 *   whose documents are sequential is no candidate (`family`). First names alone are not enough:
 *   registrations do record one person under another first name (a translated, religious or
 *   adopted name), with the rest of the identity unchanged.
 *
 * Either conflict is lifted when the document numbers agree (exact, OCR confusion or one edit
 * that is not a sequential number): one travel document is one person.
 */
const DOCUMENT_AGREEMENT: ReadonlySet<string> = new Set(['exact', 'ocr-confusion', 'one-edit']);

function conflictsOf(scored: readonly ScoredVariable[]): string[] {
  const levelOf = (variable: Variable) => scored.find((entry) => entry.variable === variable)?.level;
  const document = levelOf('travelDocument');
  if (document !== undefined && DOCUMENT_AGREEMENT.has(document)) return [];
  const conflicts: string[] = [];
  if (levelOf('dateOfBirth') === 'different') conflicts.push('dateOfBirth');
  if (levelOf('firstNames') === 'different' && (levelOf('sex') === 'different' || document === 'sequential'))
    conflicts.push('family');
  return conflicts;
}

/**
 * Whether the MID creates a link (of a colour the link domain decides) from identity data alone:
 * the score makes the pair a candidate, or the 2023/333 rule set finds the identity data same or
 * similar (the regulation asks for a link then, even where the score is low).
 */
export function createsLink(comparison: IdentityComparison): boolean {
  return comparison.candidate || comparison.verdict !== 'different';
}
