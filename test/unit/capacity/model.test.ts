import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  DEFAULT_PRICES,
  limitsSchema,
  pricesSchema,
  readJson,
} from '../../../capacity/data-files';
import { serviceTimes } from '../../../capacity/measure-mid';
import type { MeasuredFile } from '../../../capacity/measured-file';
import { capacityModel, type Workload } from '../../../capacity/model';
import {
  fanOutLatency,
  fitShardModel,
  maxTemplatesPerShard,
  medianSearchMs,
  scanMsAt,
  shardLoadBytes,
  shardSearchSamples,
} from '../../../capacity/shard-model';
import { executionPaths, readDefinition } from '../../../capacity/state-machine';
import { fitLine } from '../../../capacity/stats';

const MB = 1024 * 1024;

/**
 * The scan alone on a ladder whose cost per code doubles between 40k and 1.28M codes (cache, then
 * memory): 2e-6 ms per code up to 40k, 4e-6 at 1.28M.
 */
const SCAN_LADDER = [
  { templates: 10_000, ms: 0.02 },
  { templates: 20_000, ms: 0.04 },
  { templates: 40_000, ms: 0.08 },
  { templates: 1_280_000, ms: 5.12 },
];
/** Rest of a search (encode, sort, re-rank): 0.2 ms + 0.05 ms per e-fold of the shard. */
const rest = (templates: number) => 0.2 + 0.05 * Math.log(templates);
const SPREAD = [-0.2, -0.1, 0, 0.1, 2];

/** Shards whose figures lie exactly on the known model; memory 2,000 B + 1 MB fixed per snapshot. */
function syntheticMeasured(): MeasuredFile {
  const shard = (templates: number) => ({
    templates,
    searchMs: SPREAD.map((d) => d + rest(templates) + scanMsAt(SCAN_LADDER, templates)),
    snapshotBytes: MB + 2000 * templates,
    residentBytes: 2 * MB + 2100 * templates,
  });
  return {
    version: 2,
    date: '2026-11-28T00:00:00.000Z',
    command: 'test',
    machine: {
      hostname: 'test',
      cpus: 2,
      model: 'test',
      memoryBytes: 1,
      node: 'v20',
      loadAverage: [0],
      commit: 'x',
    },
    sbms: {
      dim: 512,
      codeBits: 256,
      shortlist: 64,
      probes: 5,
      shards: [shard(10_000), shard(20_000), shard(40_000)],
      scans: SCAN_LADDER.map((p) => ({ templates: p.templates, scanMs: [p.ms * 0.9, p.ms, p.ms * 1.5] })),
      invokePathOverheadMs: [0.5],
      mergeMs: [0.2],
      mergeShards: 200,
    },
    mid: {
      records: 100,
      checks: 100,
      checksPerSecond: 10,
      p95CheckLatencyMs: 100,
      readUnitsPerCheck: 15,
      writeUnitsPerCheck: 18,
      requestsPerCheck: 25,
      perCheckByCommand: {
        'UpdateItemCommand test-Statistics': { readUnits: 0, writeUnits: 3, requests: 3 },
      },
      perRecordIngestion: {
        'TransactWriteItemsCommand (batch)': { readUnits: 1, writeUnits: 10, requests: 1 },
      },
      serviceMs: [40, 60],
      consumers: 1,
      yellowLinksPerCheck: 0.05,
      linksPerCheck: 0.5,
      tableBytesPerRecord: { CIR_TABLE: 5000 },
      auditEntriesPerCheck: 1,
      auditEntryBytes: 1500,
    },
    esp: { systems: 9, requests: 10, p95Ms: 150, slowestSourceP95Ms: 149, overheadRatio: 1.01 },
    processMemory: {},
    baselineRssBytes: 100 * MB,
  };
}

const workload: Workload = {
  templates: 400e6,
  identities: 400e6,
  searchesPerSecond: 50,
  recordsPerDay: 8_640_000,
  peakFactor: 2,
  consultationsPerDay: 0,
  headroom: 0.2,
  invokeMs: 0,
  functionMemoryMB: 1024,
  trials: 500,
  seed: 1,
};

describe('capacity model arithmetic', () => {
  it('fits a line exactly through collinear points', () => {
    expect(
      fitLine([
        { x: 1, y: 5 },
        { x: 3, y: 9 },
        { x: 4, y: 11 },
      ]),
    ).toSatisfy(({ intercept, slope }) => Math.abs(intercept - 3) < 1e-12 && Math.abs(slope - 2) < 1e-12);
    expect(() =>
      fitLine([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toThrow(/two distinct/);
  });

  it('interpolates the scan as a power law between ladder sizes, and goes on with the nearest segment', () => {
    expect(scanMsAt(SCAN_LADDER, 20_000)).toBeCloseTo(0.04, 12);
    expect(scanMsAt(SCAN_LADDER, 30_000)).toBeCloseTo(0.06, 12);
    // between 40k and 1.28M the time grows 64-fold over 32-fold the codes: exponent 1.2
    expect(scanMsAt(SCAN_LADDER, 160_000)).toBeCloseTo(0.08 * 4 ** 1.2, 12);
    expect(scanMsAt(SCAN_LADDER, 2_560_000)).toBeCloseTo(5.12 * 2 ** 1.2, 9);
    expect(scanMsAt(SCAN_LADDER, 5_000)).toBeCloseTo(0.01, 12);
    expect(() => scanMsAt(SCAN_LADDER.slice(0, 1), 1000)).toThrow(/two ladder sizes/);
  });

  it('recovers the memory lines and the rest of the search, and shifts the distribution by the modelled median', () => {
    const model = fitShardModel(syntheticMeasured().sbms);
    expect(model.residentBytes.slope).toBeCloseTo(2100, 6);
    expect(model.snapshotBytes.intercept).toBeCloseTo(MB, 0);
    expect(model.scanMedians.map((p) => p.ms)).toEqual(SCAN_LADDER.map((p) => p.ms));
    expect(model.restMs.intercept).toBeCloseTo(0.2, 9);
    expect(model.restMs.slope).toBeCloseTo(0.05, 9);
    expect(medianSearchMs(model, 1_000_000)).toBeCloseTo(
      rest(1_000_000) + scanMsAt(SCAN_LADDER, 1_000_000),
      9,
    );
    // from the 40k reference to 1M templates: every sample moves by the difference of the medians
    const shift = medianSearchMs(model, 1_000_000) - medianSearchMs(model, 40_000);
    expect(shardSearchSamples(model, 1_000_000)).toEqual(
      model.reference.searchMs.map((ms) => expect.closeTo(ms + shift, 9)),
    );
  });

  it('sizes a shard to the largest that fits the memory with headroom', () => {
    const model = fitShardModel(syntheticMeasured().sbms);
    const runtime = 100 * MB;
    const n = maxTemplatesPerShard(model, 10_240, 0.2, runtime);
    expect(shardLoadBytes(model, n, runtime)).toBeLessThanOrEqual(10_240 * MB * 0.8);
    expect(shardLoadBytes(model, n + 1, runtime)).toBeGreaterThan(10_240 * MB * 0.8);
  });

  it('fan-out latency of constant shards is the shard time plus overhead plus the merge', () => {
    const measured = syntheticMeasured();
    measured.sbms.shards = measured.sbms.shards.map((s) => ({ ...s, searchMs: [2.8] }));
    const model = fitShardModel(measured.sbms);
    const result = fanOutLatency(model, 100, 40_000, { trials: 200, seed: 1, invokeMs: 3 });
    // 2.8 ms per shard (the 40k reference), 0.5 overhead, 3 invoke, merge 0.2 / 200 x 100 = 0.1
    expect(result.p95Ms).toBeCloseTo(2.8 + 0.5 + 3 + 0.1, 9);
    expect(result.meanShardMs).toBeCloseTo(2.8 + 0.5 + 3, 9);
  });

  it('the slowest of many shards is slower than one shard (max of draws)', () => {
    const model = fitShardModel(syntheticMeasured().sbms);
    const one = fanOutLatency(model, 1, 40_000, { trials: 2000, seed: 2 });
    const many = fanOutLatency(model, 200, 40_000, { trials: 2000, seed: 2 });
    expect(many.p50Ms).toBeGreaterThan(one.p50Ms);
    // nearly every trial draws the slowest sample of the 40k reference
    expect(many.p50Ms).toBeCloseTo(Math.max(...model.reference.searchMs) + 0.5 + 0.2, 6);
  });

  it('derives shards, Little-law concurrency, hot keys and costs from the measured figures', () => {
    const measured = syntheticMeasured();
    const limits = readJson(limitsSchema, DEFAULT_LIMITS);
    const prices = readJson(pricesSchema, DEFAULT_PRICES);
    const result = capacityModel({ measured, limits, prices, stateMachine: readDefinition(), workload });
    const model = fitShardModel(measured.sbms);
    const maxPerShard = maxTemplatesPerShard(
      model,
      limits.lambda.memoryMaxMB,
      0.2,
      measured.baselineRssBytes,
    );
    expect(result.gallery.shards).toBe(Math.ceil(400e6 / maxPerShard));
    expect(result.gallery.shardFunctionMemoryMB).toBeLessThanOrEqual(limits.lambda.memoryMaxMB);
    // 8.64M records/day = 100/s mean, 200/s at the peak hour; 50 ms mean service -> 10 busy consumers
    expect(result.concurrency.recordsPerSecondPeak).toBe(200);
    expect(result.concurrency.midConsumer).toBeCloseTo(10, 6);
    const outbox = result.dynamodb.hotKeys.find((h) => h.key === 'Cir gsi3 MIDCHECK#PENDING')!;
    expect(outbox.writeUnitsPerSecond).toBe(400);
    // outbox binds at 1,000 / 2 units per record / peak factor 2 x 86,400 s
    expect(outbox.bindsAt).toBe('21,600,000 records/day');
    expect(result.dynamodb.hottestPartition?.utilisation).toBe(
      Math.max(...result.dynamodb.hotKeys.map((h) => h.utilisation)),
    );
    // every shard keeps at least one warm instance
    expect(result.concurrency.shardWorkers).toBeGreaterThanOrEqual(result.gallery.shards);
    const concurrencyLimit = result.limits.find((l) => l.limit.startsWith('Lambda account concurrency'))!;
    expect(concurrencyLimit.binds).toBe(result.concurrency.total >= 0.95 * 1000);
    // API Gateway: every search and every record write is one REST request (730 h month)
    const month = 730 * 3600;
    expect(result.costPerMonth.apiGateway).toBe(
      Math.round(
        ((50 * month + (8_640_000 * month) / 86_400) / 1e6) * prices.apiGateway.restRequestPerMillion,
      ),
    );
  });

  it('counts the states of every path of the consultation workflow', () => {
    const paths = executionPaths(readDefinition());
    expect(paths).toHaveLength(6);
    expect(Math.max(...paths.map((p) => p.length))).toBe(9);
    expect(Math.min(...paths.map((p) => p.length))).toBe(5);
    expect(() => executionPaths({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } })).toThrow(
      /loop/,
    );
  });

  it('takes a completion gap as a service time only when the next check was already waiting', () => {
    const accepted = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 50],
    ]);
    const checked = new Map([
      ['a', 10],
      ['b', 25],
      ['c', 70],
    ]);
    // b waited (accepted at 1, before a finished at 10): gap 15; c arrived after b finished: no gap
    expect(serviceTimes(accepted, checked)).toEqual([15]);
  });
});
