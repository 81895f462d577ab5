// Open-set identification figures (ISO/IEC 19795-1 terms) from each probe's rank-1 candidate.
import { lineChart } from '../capacity/svg';

export interface RankOne {
  /** Whether the rank-1 candidate is the probe's mate (always false for a non-mated probe). */
  isMate: boolean;
  score: number;
}

export interface Outcome extends RankOne {
  mated: boolean;
}

const rate = (count: number, of: number) => (of === 0 ? 0 : count / of);

/**
 * FNIR at the lowest threshold whose FPIR is at most `fpir`: a non-mated probe is a false positive when its
 * rank-1 score reaches the threshold; a mated probe is a false negative unless its rank-1 candidate is the
 * mate with a score at or above it.
 */
export function fnirAtFpir(outcomes: readonly Outcome[], fpir: number) {
  const nonMated = outcomes
    .filter((o) => !o.mated)
    .map((o) => o.score)
    .sort((a, b) => b - a);
  const allowed = Math.floor(fpir * nonMated.length);
  const boundary = nonMated[allowed];
  const threshold = boundary === undefined ? Number.NEGATIVE_INFINITY : nextUp(boundary);
  const mated = outcomes.filter((o) => o.mated);
  const misses = mated.filter((o) => !(o.isMate && o.score >= threshold)).length;
  return { threshold, fnir: rate(misses, mated.length), falsePositives: allowed, nonMated: nonMated.length };
}

/** (FPIR, FNIR) at the thresholds just above each non-mated rank-1 score but the highest (FPIR > 0). */
export function detCurve(outcomes: readonly Outcome[]): [number, number][] {
  const nonMated = outcomes
    .filter((o) => !o.mated)
    .map((o) => o.score)
    .sort((a, b) => b - a);
  const mated = outcomes.filter((o) => o.mated);
  return nonMated.slice(1).map((score, i) => {
    const threshold = nextUp(score);
    const misses = mated.filter((o) => !(o.isMate && o.score >= threshold)).length;
    return [rate(i + 1, nonMated.length), rate(misses, mated.length)];
  });
}

/** A DET plot (log-log) of several methods' curves; FNIR of 0 is drawn at the plot's floor. */
export function detPlot(title: string, curves: Record<string, [number, number][]>): string {
  const floor = 1e-4;
  return lineChart({
    title,
    xLabel: 'FPIR (false positive identification rate)',
    yLabel: 'FNIR (false negative identification rate)',
    logX: true,
    logY: true,
    series: Object.entries(curves).map(([name, points]) => ({
      name,
      points: points.map(([x, y]) => [x, Math.max(y, floor)] as const),
    })),
  });
}

/** The smallest float64 above `value`: a threshold that the value itself does not reach. */
function nextUp(value: number): number {
  return value + Math.max(Number.EPSILON, Math.abs(value) * Number.EPSILON);
}
