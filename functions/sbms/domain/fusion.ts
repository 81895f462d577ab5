import type { ModalityKey, ModalityScores } from './types';
import { MODALITY_KEYS } from './types';

export interface ScoreDistribution {
  mean: number;
  sd: number;
  samples: number;
}

export interface ModalityCalibration {
  genuine: ScoreDistribution;
  impostor: ScoreDistribution;
}

/** Produced by `npm run bench -- sbms-calibrate` into calibration.json; see docs/sbms.md. */
export interface Calibration {
  modalities: Record<ModalityKey, ModalityCalibration>;
  thresholds: {
    /** 1:1 decision: fused score at the measured false match rate `verifyFalseMatchRate`. */
    verify: number;
    /** Default 1:N threshold: above every impostor fused score measured. */
    identify: number;
  };
  measured: Record<string, number | string>;
}

export interface ScoreFusion {
  /** Log-likelihood ratio of one cosine score: ln p(s | same person) - ln p(s | different persons). */
  llr(modality: ModalityKey, cosine: number): number;
  /** Sum of the per-modality log-likelihood ratios (modalities treated as independent). */
  fuse(scores: ModalityScores): number;
}

/**
 * Per-modality LLR from Gaussian fits of the genuine and impostor cosine scores. Two guards keep it monotone
 * (so fusing never reorders two candidates that differ in one modality only): a score below the impostor mean
 * counts as the impostor mean, and the genuine spread is never narrower than the impostor spread.
 */
export function createScoreFusion(calibration: Calibration): ScoreFusion {
  const models = new Map<ModalityKey, { llr: (s: number) => number }>();
  for (const key of MODALITY_KEYS) {
    const entry = calibration.modalities[key];
    if (!entry) throw new Error(`calibration has no entry for ${key}`);
    const { genuine, impostor } = entry;
    const genuineSd = Math.max(genuine.sd, impostor.sd);
    models.set(key, {
      llr: (s) => {
        const x = Math.max(s, impostor.mean);
        return logNormal(x, genuine.mean, genuineSd) - logNormal(x, impostor.mean, impostor.sd);
      },
    });
  }
  const llr = (modality: ModalityKey, cosine: number) => models.get(modality)!.llr(cosine);
  return {
    llr,
    fuse(scores) {
      let sum = 0;
      for (const [modality, cosine] of Object.entries(scores) as [ModalityKey, number][]) {
        sum += llr(modality, cosine);
      }
      return sum;
    },
  };
}

function logNormal(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return -0.5 * z * z - Math.log(sd);
}

export function fitDistribution(samples: readonly number[]): ScoreDistribution {
  if (samples.length < 2) throw new Error('need at least two samples to fit a distribution');
  let sum = 0;
  for (const s of samples) sum += s;
  const mean = sum / samples.length;
  let squares = 0;
  for (const s of samples) squares += (s - mean) * (s - mean);
  return { mean, sd: Math.sqrt(squares / (samples.length - 1)), samples: samples.length };
}

/** Lowest threshold (decision: score >= threshold) at which at most `rate` of the impostor scores match. */
export function thresholdAtFalseMatchRate(impostorScores: readonly number[], rate: number): number {
  const sorted = [...impostorScores].sort((a, b) => b - a);
  const allowed = Math.floor(rate * sorted.length);
  const boundary = sorted[allowed];
  if (boundary === undefined) throw new Error('no impostor scores');
  return boundary + Math.max(1e-9, Math.abs(boundary) * 1e-12);
}

export function rateAtOrAbove(scores: readonly number[], threshold: number): number {
  let count = 0;
  for (const s of scores) if (s >= threshold) count++;
  return scores.length === 0 ? 0 : count / scores.length;
}
