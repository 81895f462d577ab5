import { join } from 'node:path';
import { progress } from '../local/cli';
import { SCAN_LADDER } from './code-scan';
import { midInChildProcess } from './measure';
import { measureShards } from './measure-sbms';
import { CAPACITY_DIR, type MidMeasurement, machine, writeVersioned } from './measured-file';
import { fitShardModel, scanMsAt, shardSearchSamples } from './shard-model';
import { atLine, mean, percentile, relativeError } from './stats';

export const VALIDATION_DIR = join(CAPACITY_DIR, 'validation');
export const VALIDATION_SHARDS = {
  fitted: [5_000, 10_000, 20_000],
  predicted: [40_000, 80_000, 160_000, 320_000],
};
/**
 * The scan alone: fitted on the ladder, predicted at code counts off it, around the shard size of the
 * 400-million run (~1.9 M), where the model is used.
 */
export const VALIDATION_SCANS = { fitted: SCAN_LADDER, predicted: [1_500_000, 3_000_000] };
export const VALIDATION_MID = { fitted: [150, 300], predicted: [600] };
const PROBES = 400;

interface Case {
  quantity: string;
  size: number;
  predicted: number;
  measured: number;
  relativeError: number;
}

/**
 * `npm run capacity -- validate`: measures shards and MID runs at several sizes in one run, fits the
 * model on the small ones only and compares its predictions for the large ones with what was measured.
 * sBMS sizes are searched interleaved (same probes round for every size, with one scan of every scan
 * size per round); the MID runs alternate small and large record counts.
 */
export async function validate(args: Record<string, string>) {
  const started = Date.now();
  const skipMid = args['skip-mid'] === 'true';
  const sizes = [...VALIDATION_SHARDS.fitted, ...VALIDATION_SHARDS.predicted];
  // The MID runs (child processes) go on while the shards are measured: both see the same machine.
  const midRuns = skipMid ? Promise.resolve([]) : midSeries();
  const scanSizes = [...VALIDATION_SCANS.fitted, ...VALIDATION_SCANS.predicted];
  const sbms = await measureShards(sizes, scanSizes, Number(args.probes ?? PROBES));
  const fittedShards = sbms.shards.filter((s) => VALIDATION_SHARDS.fitted.includes(s.templates));
  const fittedScans = sbms.scans.filter((s) => VALIDATION_SCANS.fitted.includes(s.templates));
  const model = fitShardModel(sbms, fittedShards, fittedScans);
  const cases: Case[] = [];
  const add = (quantity: string, size: number, predicted: number, measured: number) =>
    cases.push({ quantity, size, predicted, measured, relativeError: relativeError(predicted, measured) });
  for (const shard of sbms.shards.filter((s) => VALIDATION_SHARDS.predicted.includes(s.templates))) {
    const predicted = shardSearchSamples(model, shard.templates);
    add('shard search p50 (ms)', shard.templates, percentile(predicted, 50), percentile(shard.searchMs, 50));
    add('shard search p95 (ms)', shard.templates, percentile(predicted, 95), percentile(shard.searchMs, 95));
    add(
      'shard resident memory (bytes)',
      shard.templates,
      atLine(model.residentBytes, shard.templates),
      shard.residentBytes,
    );
    add(
      'shard snapshot (bytes)',
      shard.templates,
      atLine(model.snapshotBytes, shard.templates),
      shard.snapshotBytes,
    );
  }
  for (const scan of sbms.scans.filter((s) => VALIDATION_SCANS.predicted.includes(s.templates))) {
    const predicted = scanMsAt(model.scanMedians, scan.templates);
    add('scan alone p50 (ms)', scan.templates, predicted, percentile(scan.scanMs, 50));
  }

  const mid: Record<number, { readUnitsPerCheck: number; writeUnitsPerCheck: number }> = {};
  const midErrors: string[] = [];
  for (const run of await midRuns) {
    if ('error' in run) midErrors.push(`${run.records} records: ${run.error}`);
    else mid[run.records] = run.measurement;
  }
  if (!skipMid && midErrors.length === 0) {
    for (const unit of ['readUnitsPerCheck', 'writeUnitsPerCheck'] as const) {
      // The model takes the units of a check as flat in the data (capacity/model.ts; bench mid at 2,000
      // and 20,000 records, docs/mid-api.md): predicted, the mean of the fitted runs.
      const flat = mean(VALIDATION_MID.fitted.map((records) => mid[records]![unit]));
      for (const records of VALIDATION_MID.predicted) add(`MID ${unit}`, records, flat, mid[records]![unit]);
    }
  }

  const maxRelativeError = Math.max(...cases.map((c) => c.relativeError));
  const result = {
    cases: cases.length,
    maxRelativeError: round(maxRelativeError),
    fitted: {
      shardTemplates: VALIDATION_SHARDS.fitted,
      scanTemplates: VALIDATION_SCANS.fitted,
      midRecords: skipMid ? [] : VALIDATION_MID.fitted,
    },
    predicted: {
      shardTemplates: VALIDATION_SHARDS.predicted,
      scanTemplates: VALIDATION_SCANS.predicted,
      midRecords: skipMid ? [] : VALIDATION_MID.predicted,
    },
    model: {
      restMs: `${round(model.restMs.intercept)} + ${round(model.restMs.slope)} ln(templates)`,
      scanFit: 'power law between the two nearest ladder sizes',
    },
    perCase: cases.map((c) => ({
      ...c,
      predicted: round(c.predicted),
      measured: round(c.measured),
      relativeError: round(c.relativeError),
    })),
    measuredShards: sbms.shards.map((s) => ({
      templates: s.templates,
      p50Ms: round(percentile(s.searchMs, 50)),
      p95Ms: round(percentile(s.searchMs, 95)),
      scanP50Ms: round(scanMsAt(model.scanMedians, s.templates)),
      residentBytes: s.residentBytes,
    })),
    measuredScans: sbms.scans.map((s) => ({
      templates: s.templates,
      p50Ms: round(percentile(s.scanMs, 50)),
    })),
    mid,
    midErrors,
    date: new Date().toISOString(),
    machine: machine(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = writeVersioned(VALIDATION_DIR, result);
  progress(`validate: ${result.seconds} s, written to ${file}`);
  return result;
}

/** The MID runs, large between the small ones so that a drift in machine load falls on both sides; one retry each. */
async function midSeries() {
  const runs: ({ records: number; measurement: MidMeasurement } | { records: number; error: string })[] = [];
  for (const records of [VALIDATION_MID.fitted[0]!, ...VALIDATION_MID.predicted, VALIDATION_MID.fitted[1]!]) {
    const attempt = () => midInChildProcess(records, 4).then(({ measurement }) => ({ records, measurement }));
    runs.push(
      await attempt()
        .catch(attempt)
        .catch((error: Error) => ({ records, error: error.message })),
    );
  }
  return runs;
}

const round = (value: number) => Number(value.toPrecision(4));
