import type { OriginSystem } from '../../shared/systems';

/**
 * Contract between the identity-data matcher (comparison.ts and friends) and the link domain
 * (links, colours, SIN, identity confirmation files). Both sides import only these types.
 */

/** A reference to one individual file of the CIR. */
export interface RecordRef {
  system: OriginSystem;
  recordId: string;
}

/** Categories of identity data of Delegated Regulation (EU) 2023/333. */
export type IdentityCategory = 'names' | 'dateOfBirth' | 'sex' | 'nationalityAndPlaceOfBirth';

/** Outcome of one category: `missing` when either side has no value (counts neither for nor against). */
export type CategoryOutcome = 'same' | 'similar' | 'different' | 'missing';

/** One comparison that contributed to the result: which fields, which rule, how much it weighed. */
export interface MatchEvidence {
  category: IdentityCategory | 'travelDocument';
  /** e.g. `surnames[0]~surnames[0]`, `dateOfBirth`. Never the values themselves (no personal data in logs). */
  fields: string;
  outcome: CategoryOutcome;
  /** e.g. `exact`, `transliteration`, `swapped-order`, `one-edit`, `day-month-swapped`, `truncated`. */
  rule: string;
  /** Log-likelihood weight this comparison added to the score (Fellegi-Sunter), 0 when missing. */
  weight: number;
  /** `rule-set`: a 2023/333 category result (weight 0); `score`: a Fellegi-Sunter comparison. */
  source?: 'rule-set' | 'score';
}

/** The result of comparing the identity data of two individual files. */
export interface IdentityComparison {
  /** Calibrated score: sum of the evidence weights (log2 likelihood ratio). */
  score: number;
  /** Whether the score is high enough to make the pair a candidate link on identity data. */
  candidate: boolean;
  /** 2023/333 verdict over all categories: same, similar, or different (deterministic rule set). */
  verdict: 'same' | 'similar' | 'different';
  categories: Record<IdentityCategory, CategoryOutcome>;
  evidence: MatchEvidence[];
  /** Score variables that disagree outright and so keep the pair from being a candidate (e.g. `firstNames`). */
  conflicts?: string[];
}

/** Outcome of the travel-document comparison of two files. */
export type DocumentOutcome = 'same' | 'near' | 'different' | 'absent';

/** Outcome of the biometric comparison (sBMS) of two files. */
export type BiometricOutcome =
  | { kind: 'same'; score: number }
  | { kind: 'different'; score: number }
  | { kind: 'absent' };

export type LinkColour = 'white' | 'yellow' | 'green' | 'red';
