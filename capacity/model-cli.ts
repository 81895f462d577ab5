import { progress } from '../local/cli';
import {
  DEFAULT_ARRIVALS,
  DEFAULT_LIMITS,
  DEFAULT_PRICES,
  limitsSchema,
  pricesSchema,
  readJson,
} from './data-files';
import { MEASURED_DIR, readLatestPath, readMeasured } from './measured-file';
import { capacityModel, type Workload } from './model';
import { arrivalsSchema } from './simulate-cli';
import { readDefinition } from './state-machine';

/** The busiest hour over the mean hour of an arrival curve. */
export const peakFactorOf = (hourly: readonly number[]) =>
  (Math.max(...hourly) * hourly.length) / hourly.reduce((s, v) => s + v, 0);

/** Parses the workload flags; a bad value names its flag. */
export function workloadFromArgs(args: Record<string, string>, peakFactor: number): Workload {
  const num = (key: string, fallback?: number, check: (v: number) => boolean = (v) => v >= 0) => {
    const raw = args[key];
    if (raw === undefined) {
      if (fallback === undefined) throw new Error(`--${key} is required`);
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || !check(value)) throw new Error(`--${key}: not a valid value: "${raw}"`);
    return value;
  };
  return {
    templates: num('templates', undefined, (v) => v >= 1),
    identities: num('identities', undefined, (v) => v >= 1),
    searchesPerSecond: num('searches-per-second'),
    recordsPerDay: num('records-per-day'),
    peakFactor: num('peak-factor', peakFactor, (v) => v >= 1),
    consultationsPerDay: num('consultations-per-day', 10_000),
    headroom: num('headroom', 0.2, (v) => v >= 0 && v < 1),
    invokeMs: num('invoke-ms', 0),
    functionMemoryMB: num('function-memory-mb', 1024, (v) => v >= 128),
    trials: num('trials', 20_000, (v) => Number.isInteger(v) && v >= 100),
    seed: num('seed', 1, Number.isInteger),
  };
}

/**
 * The model's inputs from the command line, for the model command and the report alike: the data files
 * (`--measured`, `--limits`, `--prices`, `--arrivals`, defaults: the latest measured file and
 * capacity/data/) and the workload flags, read by `workload`, whose `over` flags replace the given ones.
 */
export function modelInputsFromArgs(args: Record<string, string>) {
  const arrivals = readJson(arrivalsSchema, args.arrivals ?? DEFAULT_ARRIVALS);
  const peakFactor = peakFactorOf(arrivals.recordsPerHour);
  const measuredPath = args.measured ?? readLatestPath(MEASURED_DIR);
  return {
    arrivals,
    measuredPath,
    measured: readMeasured(measuredPath),
    limits: readJson(limitsSchema, args.limits ?? DEFAULT_LIMITS),
    prices: readJson(pricesSchema, args.prices ?? DEFAULT_PRICES),
    stateMachine: readDefinition(),
    workload: (over: Record<string, string> = {}) => workloadFromArgs({ ...args, ...over }, peakFactor),
  };
}

/** `npm run capacity -- --templates 400e6 --identities 400e6 --searches-per-second N --records-per-day N` */
export async function runModel(args: Record<string, string>) {
  const { workload, ...inputs } = modelInputsFromArgs(args);
  const parsed = workload();
  progress(
    `model: measured file of ${inputs.measured.date} (${inputs.measured.machine.hostname}), ${parsed.trials} Monte Carlo trials`,
  );
  return capacityModel({ ...inputs, workload: parsed });
}
