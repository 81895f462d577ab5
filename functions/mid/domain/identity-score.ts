import calibrationJson from './calibration.json';
import { type ComparisonVector, LEVELS, VARIABLES, type Variable } from './comparison-levels';

/**
 * Fellegi-Sunter score: each variable's agreement level adds log2(m/u), where m is the
 * probability of that level among pairs of the same person and u among pairs of different
 * persons. A missing variable adds 0. m and u come from calibration.json, produced by
 * `npm run bench -- linkage-calibrate` (EM on unlabelled generated data; docs/mid-matching.md).
 */
export interface LevelProbabilities {
  m: number;
  u: number;
}

export interface Calibration {
  /** Score (log2 likelihood ratio) from which a pair is a candidate link. */
  threshold: number;
  variables: Record<Variable, Record<string, LevelProbabilities>>;
}

export type Weights = Record<Variable, Record<string, number>>;

/**
 * log2(m/u) per level. The top level (full agreement) never weighs against a match, and no
 * partial agreement weighs more than full agreement (a sparse level can be over-estimated).
 */
export function weightsOf(calibration: Calibration): Weights {
  const weights = {} as Weights;
  for (const variable of VARIABLES) {
    const [top, ...others] = LEVELS[variable];
    const weightOf = (level: string) => {
      const probabilities = calibration.variables[variable]?.[level];
      return probabilities ? Math.log2(probabilities.m / probabilities.u) : 0;
    };
    const topWeight = Math.max(0, weightOf(top));
    weights[variable] = { [top]: topWeight };
    for (const level of others) weights[variable][level] = Math.min(topWeight, weightOf(level));
  }
  return weights;
}

export const DEFAULT_CALIBRATION = calibrationJson as Calibration;
export const DEFAULT_WEIGHTS = weightsOf(DEFAULT_CALIBRATION);

export interface ScoredVariable {
  variable: Variable;
  level: string;
  fields: string;
  weight: number;
}

export function scoreVector(vector: ComparisonVector, weights: Weights = DEFAULT_WEIGHTS): ScoredVariable[] {
  const out: ScoredVariable[] = [];
  for (const variable of VARIABLES) {
    const comparison = vector[variable];
    if (!comparison) continue;
    out.push({ variable, ...comparison, weight: weights[variable][comparison.level] ?? 0 });
  }
  return out;
}
