import { z } from 'zod';
import { progress } from '../local/cli';
import { DEFAULT_ARRIVALS, readJson } from './data-files';
import { readMeasured } from './measured-file';
import { simulatePeakDay } from './peak-day';

const hours = z.array(z.number().nonnegative()).length(24);
export const arrivalsSchema = z.object({
  description: z.string(),
  recordsPerHour: hours,
  verifiersPerHour: hours,
  verificationMinutes: z.number().positive(),
});

/** `npm run capacity -- simulate [--arrivals FILE] [--verifiers N] [--consumers N] [--seed N]` */
export async function runSimulation(args: Record<string, string>) {
  const arrivals = readJson(arrivalsSchema, args.arrivals ?? DEFAULT_ARRIVALS);
  const measured = readMeasured(args.measured);
  const positiveInt = (key: string, fallback: number) => {
    const value = args[key] === undefined ? fallback : Number(args[key]);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${key}: not a whole number: "${args[key]}"`);
    return value;
  };
  const verifiers = args.verifiers === undefined ? undefined : positiveInt('verifiers', 0);
  const input = {
    recordsPerHour: arrivals.recordsPerHour,
    verifiersPerHour:
      verifiers === undefined ? arrivals.verifiersPerHour : arrivals.verifiersPerHour.map(() => verifiers),
    verificationMinutes: args['verification-minutes']
      ? Number(args['verification-minutes'])
      : arrivals.verificationMinutes,
    consumers: positiveInt('consumers', 100),
    checkServiceMs: measured.mid.serviceMs,
    yellowPerCheck: measured.mid.yellowLinksPerCheck,
    bucketMinutes: positiveInt('bucket-minutes', 15),
    seed: positiveInt('seed', 1),
  };
  if (!(input.verificationMinutes > 0)) throw new Error('--verification-minutes must be a positive number');
  progress(
    `simulate: ${input.recordsPerHour.reduce((s, v) => s + v, 0)} records, ${input.consumers} MID consumers`,
  );
  const result = simulatePeakDay(input);
  return {
    input: { ...input, checkServiceMs: `${input.checkServiceMs.length} measured samples` },
    ...result,
  };
}
