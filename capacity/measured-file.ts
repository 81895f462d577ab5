import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CAPACITY_DIR = dirname(fileURLToPath(import.meta.url));
export const MEASURED_DIR = join(CAPACITY_DIR, 'measured');

const samples = z.array(z.number().nonnegative()).min(1);

export const machineSchema = z.object({
  hostname: z.string(),
  cpus: z.number().int(),
  model: z.string(),
  memoryBytes: z.number(),
  node: z.string(),
  loadAverage: z.array(z.number()),
  commit: z.string(),
});
export type Machine = z.infer<typeof machineSchema>;

/** One shard of `templates` face templates searched alone: per-search times (ms) and its memory. */
export const shardMeasurementSchema = z.object({
  templates: z.number().int().positive(),
  searchMs: samples,
  snapshotBytes: z.number().positive(),
  /** Heap + array buffers added by loading the shard from its snapshot (what a shard worker holds). */
  residentBytes: z.number().positive(),
});
export type ShardMeasurement = z.infer<typeof shardMeasurementSchema>;

/** The scan alone (capacity/code-scan.ts) over `templates` codes: per-scan times (ms). */
export const scanMeasurementSchema = z.object({
  templates: z.number().int().positive(),
  scanMs: samples,
});
export type ScanMeasurement = z.infer<typeof scanMeasurementSchema>;

export const sbmsMeasurementSchema = z.object({
  dim: z.number().int(),
  codeBits: z.number().int(),
  shortlist: z.number().int(),
  probes: z.number().int(),
  shards: z.array(shardMeasurementSchema).min(2),
  /** Timed in the same rounds as the shards' searches, at the sizes of code-scan.ts's ladder. */
  scans: z.array(scanMeasurementSchema).min(2),
  /** Per shard and search, the shard worker path minus the search: JSON payload, validation, probe codec. */
  invokePathOverheadMs: samples,
  /** Merging the top lists of `mergeShards` shards (matcher.mergeCandidates). */
  mergeMs: samples,
  mergeShards: z.number().int(),
});
export type SbmsMeasurement = z.infer<typeof sbmsMeasurementSchema>;

export const capacityTotalsSchema = z.object({
  readUnits: z.number(),
  writeUnits: z.number(),
  requests: z.number(),
});

export const midMeasurementSchema = z.object({
  records: z.number().int(),
  checks: z.number().int(),
  checksPerSecond: z.number(),
  p95CheckLatencyMs: z.number(),
  readUnitsPerCheck: z.number(),
  writeUnitsPerCheck: z.number(),
  requestsPerCheck: z.number(),
  /** Per check (scope midCheck) and per ingested record (scope other), by `<command> <table>`. */
  perCheckByCommand: z.record(z.string(), capacityTotalsSchema),
  perRecordIngestion: z.record(z.string(), capacityTotalsSchema),
  /** Gaps between successive check completions while checks were waiting: one consumer's service times. */
  serviceMs: z.array(z.number().nonnegative()),
  consumers: z.number().int(),
  yellowLinksPerCheck: z.number(),
  linksPerCheck: z.number(),
  /** DynamoDB Local's TableSizeBytes / accepted records, per table. */
  tableBytesPerRecord: z.record(z.string(), z.number()),
  auditEntriesPerCheck: z.number(),
  /** Mean size of an audit entry item as JSON (close to DynamoDB's item size: names + values). */
  auditEntryBytes: z.number(),
});
export type MidMeasurement = z.infer<typeof midMeasurementSchema>;

export const espMeasurementSchema = z.object({
  systems: z.number().int(),
  requests: z.number().int(),
  p95Ms: z.number(),
  slowestSourceP95Ms: z.number(),
  overheadRatio: z.number(),
});

export const memorySampleSchema = z.object({ maxRssBytes: z.number(), maxHeapUsedBytes: z.number() });

export const measuredFileSchema = z.object({
  // 2: sbms.scans added (the search-time model needs the scan alone)
  version: z.literal(2),
  date: z.string(),
  command: z.string(),
  machine: machineSchema,
  sbms: sbmsMeasurementSchema,
  mid: midMeasurementSchema,
  esp: espMeasurementSchema,
  processMemory: z.record(z.string(), memorySampleSchema),
  baselineRssBytes: z.number(),
});
export type MeasuredFile = z.infer<typeof measuredFileSchema>;

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: CAPACITY_DIR }).toString().trim();
  } catch {}
  return {
    hostname: hostname(),
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
    commit,
  };
}

/** Writes `<dir>/<date>-<host>.json` and points `<dir>/latest.json` at it; returns the path written. */
export function writeVersioned(dir: string, content: { date: string; machine: Machine }): string {
  mkdirSync(dir, { recursive: true });
  const stamp = content.date.slice(0, 19).replaceAll(':', '');
  const file = join(dir, `${stamp}-${content.machine.hostname}.json`);
  writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ file: relative(dir, file) })}\n`);
  return file;
}

export function readLatestPath(dir: string): string {
  const pointer = z
    .object({ file: z.string() })
    .parse(JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')));
  return join(dir, pointer.file);
}

export function readMeasured(path = readLatestPath(MEASURED_DIR)): MeasuredFile {
  return measuredFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
