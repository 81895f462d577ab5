export { percentile } from '../bench/esp';

export const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;

export interface Line {
  intercept: number;
  slope: number;
}

/** Least-squares line through the points (at least two distinct x). */
export function fitLine(points: readonly { x: number; y: number }[]): Line {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let sxy = 0;
  let sxx = 0;
  for (const { x, y } of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  if (!(sxx > 0)) throw new Error('a line needs at least two distinct x values');
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

export const atLine = (line: Line, x: number) => line.intercept + line.slope * x;

export const relativeError = (predicted: number, measured: number) =>
  Math.abs(predicted - measured) / Math.abs(measured);

export const round = (value: number, digits = 3) => Number(value.toPrecision(digits));
