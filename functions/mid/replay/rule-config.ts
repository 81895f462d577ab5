import * as z from 'zod';
import { LEVELS, VARIABLES } from '../domain/comparison-levels';
import { type Calibration, DEFAULT_CALIBRATION, type Weights, weightsOf } from '../domain/identity-score';

/**
 * What a candidate rule change may change (docs/mid-replay.md): the calibration of the identity
 * score (m and u per agreement level, and the score threshold of a candidate pair), and a minimum
 * identity score below which identity data never count as matching, whatever the 2023/333 verdict.
 * The current configuration is the one the MID applies: the shipped calibration and no minimum
 * (the 2023/333 rule set alone decides whether identity data match, as the regulation asks).
 */
export interface RuleConfig {
  calibration: Calibration;
  minimumIdentityScore: number | null;
}

export const CURRENT_RULE_CONFIG: RuleConfig = {
  calibration: DEFAULT_CALIBRATION,
  minimumIdentityScore: null,
};

const probability = z.number().gt(0).max(1);
const calibrationSchema = z.object({
  threshold: z.number().finite(),
  variables: z.object(
    Object.fromEntries(
      VARIABLES.map((variable) => [
        variable,
        z
          .object(
            Object.fromEntries(
              LEVELS[variable].map((level) => [
                level,
                z.strictObject({ m: probability, u: probability }).optional(),
              ]),
            ),
          )
          .strict(),
      ]),
    ),
  ),
});

/** A candidate file: any field left out keeps its current value. Unknown fields are refused. */
export const ruleConfigSchema = z
  .object({
    calibration: calibrationSchema.optional(),
    minimumIdentityScore: z.number().finite().nullable().optional(),
  })
  .strict();

export function ruleConfigOf(candidate: z.infer<typeof ruleConfigSchema>): RuleConfig {
  return {
    calibration: (candidate.calibration as Calibration | undefined) ?? CURRENT_RULE_CONFIG.calibration,
    minimumIdentityScore:
      candidate.minimumIdentityScore === undefined
        ? CURRENT_RULE_CONFIG.minimumIdentityScore
        : candidate.minimumIdentityScore,
  };
}

/** The comparison options a configuration implies. */
export function compareOptionsOf(config: RuleConfig): { weights: Weights; threshold: number } {
  return { weights: weightsOf(config.calibration), threshold: config.calibration.threshold };
}
