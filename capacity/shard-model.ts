import { mulberry32 } from '../functions/sbms/domain/random';
import type { SbmsMeasurement, ShardMeasurement } from './measured-file';
import { atLine, fitLine, type Line, mean, percentile } from './stats';

const MB = 1024 * 1024;

/**
 * The sBMS unit model, fitted on measured shards: memory is linear in the shard's templates; the
 * median search time is a line in the shard size (a fixed part, the re-ranking, and the linear scan),
 * and a shard of another size keeps the spread of the largest fitted shard's distribution shifted by
 * the difference of the fitted medians: the spread (scheduling, collection pauses) adds to a search,
 * it does not grow with the scan.
 */
export interface ShardModel {
  residentBytes: Line;
  snapshotBytes: Line;
  medianSearchMs: Line;
  reference: ShardMeasurement;
  invokePathOverheadMs: readonly number[];
  mergeMsPerShard: number;
}

export function fitShardModel(
  sbms: SbmsMeasurement,
  shards: readonly ShardMeasurement[] = sbms.shards,
): ShardModel {
  const reference = shards.reduce((a, b) => (b.templates > a.templates ? b : a));
  return {
    residentBytes: fitLine(shards.map((s) => ({ x: s.templates, y: s.residentBytes }))),
    snapshotBytes: fitLine(shards.map((s) => ({ x: s.templates, y: s.snapshotBytes }))),
    medianSearchMs: fitLine(shards.map((s) => ({ x: s.templates, y: percentile(s.searchMs, 50) }))),
    reference,
    invokePathOverheadMs: sbms.invokePathOverheadMs,
    mergeMsPerShard: mean(sbms.mergeMs) / sbms.mergeShards,
  };
}

/** The predicted per-search times of one shard of `templates`: the reference samples, shifted. */
export function shardSearchSamples(model: ShardModel, templates: number): number[] {
  const shift =
    atLine(model.medianSearchMs, templates) - atLine(model.medianSearchMs, model.reference.templates);
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
