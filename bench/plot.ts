import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LineChart, lineChart } from '../capacity/svg';
import type { OptionSpec } from '../local/cli';
import { progress } from '../local/cli';

/** The `--plot FILE.svg` option every plotting benchmark takes. */
export const PLOT_OPTION: OptionSpec = {
  type: 'string',
  value: 'FILE.svg',
  description: 'also draw the run as an SVG chart (docs/plots/ holds the committed ones)',
};

/** Writes the chart when `--plot` was given. */
export function writePlot(args: Record<string, string>, chart: LineChart): void {
  const file = args.plot;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lineChart(chart));
  progress(`plot written to ${file}`);
}

/** A histogram as a line: counts per bin of `width`, every bin from the lowest to the highest value. */
export function histogram(
  values: readonly number[],
  width: number,
  from: number,
  to: number,
): [number, number][] {
  const bins = new Map<number, number>();
  for (const value of values) {
    const bin = Math.floor(value / width) * width;
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }
  const points: [number, number][] = [];
  for (let bin = Math.floor(from / width) * width; bin <= to; bin += width) {
    points.push([bin + width / 2, bins.get(bin) ?? 0]);
  }
  return points;
}

/** The empirical CDF of sorted values, as at most `steps` points. */
export function cdf(sorted: readonly number[], steps = 200): [number, number][] {
  if (sorted.length === 0) return [];
  const points: [number, number][] = [];
  for (let i = 1; i <= steps; i++) {
    const index = Math.min(sorted.length - 1, Math.ceil((i / steps) * sorted.length) - 1);
    points.push([sorted[index]!, (index + 1) / sorted.length]);
  }
  return points;
}
