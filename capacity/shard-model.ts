import { mulberry32 } from '../functions/sbms/domain/random';
import type { SbmsMeasurement, ScanMeasurement, ShardMeasurement } from './measured-file';
import { atLine, fitLine, type Line, mean, percentile } from './stats';

const MB = 1024 * 1024;

/**
 * The sBMS unit model, fitted on measured shards. Memory is linear in the shard's templates. The median
 * search time is the scan alone plus the rest of the search, each modelled on what it is:
 * - the scan (WebAssembly popcount over every code) is timed alone at a ladder of code counts up to
 *   beyond the largest shard; between ladder sizes it is interpolated as a power law, beyond them the
 *   last segment's power law goes on. Its cost per code is not one constant: it doubles once the codes
 *   outgrow the processor's last-level cache (tens of MB), so no line through small shards can stand
 *   for it at millions of codes.
 * - the rest (probe encoding, sorting the one-pass hits, exact re-ranking of the shortlist from memory
 *   that is cold, candidate building) is the measured median search minus the scan at each fitted shard
 *   size, fitted as a line in ln(templates): it grows slowly with the shard (more hits to sort, re-rank
 *   reads that miss ever further down the memory hierarchy) and is a small part of a large shard.
 * A shard of another size keeps the spread of the largest fitted shard's distribution shifted by the
 * difference of the modelled medians: on a machine running nothing else (a shard worker's Lambda
 * instance), the spread is a per-search cost that barely grows with the scan. Measured on the quiet
 * machine: p95 - p50 = 0.30 ms at 20k and 0.34 ms at 320k (capacity/validation/2026-11-29T015214).
 * Under contention from other processes the tail grows with the search instead (preemption hits
 * longer searches more often): scaling the distribution by the ratio of medians then fits better
 * (loaded runs), but over-predicted the quiet machine's p95 at 320k by 0.28. docs/capacity.md.
 */
export interface ShardModel {
  residentBytes: Line;
  snapshotBytes: Line;
  /** Median ms of the scan alone at each ladder size, ascending. */
  scanMedians: readonly { templates: number; ms: number }[];
  /** Median search minus scan, ms, as a line in ln(templates). */
  restMs: Line;
  reference: ShardMeasurement;
  invokePathOverheadMs: readonly number[];
  mergeMsPerShard: number;
}

export function fitShardModel(
  sbms: SbmsMeasurement,
  shards: readonly ShardMeasurement[] = sbms.shards,
  scans: readonly ScanMeasurement[] = sbms.scans,
): ShardModel {
  const reference = shards.reduce((a, b) => (b.templates > a.templates ? b : a));
  const scanMedians = scans
    .map((s) => ({ templates: s.templates, ms: percentile(s.scanMs, 50) }))
    .sort((a, b) => a.templates - b.templates);
  const restPoints = shards.map((s) => ({
    x: Math.log(s.templates),
    y: percentile(s.searchMs, 50) - scanMsAt(scanMedians, s.templates),
  }));
  return {
    residentBytes: fitLine(shards.map((s) => ({ x: s.templates, y: s.residentBytes }))),
    snapshotBytes: fitLine(shards.map((s) => ({ x: s.templates, y: s.snapshotBytes }))),
    scanMedians,
    restMs: fitLine(restPoints),
    reference,
    invokePathOverheadMs: sbms.invokePathOverheadMs,
    mergeMsPerShard: mean(sbms.mergeMs) / sbms.mergeShards,
  };
}

/**
 * The median scan time at `templates` (ladder ascending, at least two sizes): a power law through the two
 * ladder sizes around it; below or beyond the ladder, through its first or last two.
 */
export function scanMsAt(ladder: readonly { templates: number; ms: number }[], templates: number): number {
  let upper = ladder.findIndex((p) => p.templates >= templates);
  if (upper === -1) upper = ladder.length - 1;
  upper = Math.max(upper, 1);
  const a = ladder[upper - 1];
  const b = ladder[upper];
  if (!a || !b || !(a.ms > 0 && b.ms > 0)) throw new Error('the scan needs two ladder sizes with times > 0');
  const exponent = Math.log(b.ms / a.ms) / Math.log(b.templates / a.templates);
  return a.ms * (templates / a.templates) ** exponent;
}

/** The modelled median search time of a shard of `templates`. */
export const medianSearchMs = (model: ShardModel, templates: number) =>
  atLine(model.restMs, Math.log(templates)) + scanMsAt(model.scanMedians, templates);

/** The predicted per-search times of one shard of `templates`: the reference samples, shifted. */
export function shardSearchSamples(model: ShardModel, templates: number): number[] {
  const shift = medianSearchMs(model, templates) - medianSearchMs(model, model.reference.templates);
  return model.reference.searchMs.map((ms) => Math.max(0, ms + shift));
}

/** A shard function's memory need while it loads: runtime + the snapshot buffer + the index built from it. */
export function shardLoadBytes(model: ShardModel, templates: number, runtimeBytes: number): number {
  return runtimeBytes + atLine(model.snapshotBytes, templates) + atLine(model.residentBytes, templates);
}

/** The largest shard whose load fits in `memoryMB` with `headroom` (a share of the memory kept free). */
export function maxTemplatesPerShard(
  model: ShardModel,
  memoryMB: number,
  headroom: number,
  runtimeBytes: number,
): number {
  const usable = memoryMB * MB * (1 - headroom) - runtimeBytes;
  const fixed = model.snapshotBytes.intercept + model.residentBytes.intercept;
  const perTemplate = model.snapshotBytes.slope + model.residentBytes.slope;
  return Math.max(0, Math.floor((usable - fixed) / perTemplate));
}

export interface FanOutLatency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Mean duration of one shard's part (search + invoke path): the shard worker's busy time per search. */
  meanShardMs: number;
}

/**
 * Monte Carlo: a search waits for the slowest of `shards` parallel shard searches (each a draw of the
 * shard's search time plus a draw of the invoke path overhead), then merges the top lists.
 * `invokeMs` adds a fixed network round trip per shard call (not measurable here).
 */
export function fanOutLatency(
  model: ShardModel,
  shards: number,
  templatesPerShard: number,
  options: { trials: number; seed: number; invokeMs?: number },
): FanOutLatency {
  const search = shardSearchSamples(model, templatesPerShard);
  const overhead = model.invokePathOverheadMs;
  const random = mulberry32(options.seed);
  const draw = (samples: readonly number[]) => samples[Math.floor(random() * samples.length)]!;
  const merge = model.mergeMsPerShard * shards;
  const totals: number[] = [];
  for (let t = 0; t < options.trials; t++) {
    let slowest = 0;
    for (let s = 0; s < shards; s++) slowest = Math.max(slowest, draw(search) + draw(overhead));
    totals.push(slowest + (options.invokeMs ?? 0) + merge);
  }
  return {
    p50Ms: percentile(totals, 50),
    p95Ms: percentile(totals, 95),
    p99Ms: percentile(totals, 99),
    meanMs: mean(totals),
    meanShardMs: mean(search) + mean(overhead) + (options.invokeMs ?? 0),
  };
}
