import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { buildFaceGallery } from '../bench/sbms-data';
import { DEFAULT_SBMS_CONFIG } from '../functions/sbms/domain/config';
import { mergeCandidates } from '../functions/sbms/domain/matcher';
import { ShardIndex } from '../functions/sbms/domain/shard-index';
import type { ShardRuntime } from '../functions/sbms/domain/shard-runtime';
import type { Candidate, Probe } from '../functions/sbms/domain/types';
import { LambdaShardClient } from '../functions/sbms/lambda-shard-client';
import { createShardWorker } from '../functions/sbms/shard-worker';
import { progress } from '../local/cli';
import { codeScan } from './code-scan';
import type { SbmsMeasurement, ShardMeasurement } from './measured-file';
import { settledBytes } from './memory';

const DIM = 512;
const CODE_BITS = 512;
const TOP_K = 10;
const WARM_UP = 5;
const NON_MATED_SHARE = 0.5;
const MERGE_SHARDS = 200;

interface MeasuredShard {
  templates: number;
  runtime: ShardRuntime;
  probes: Probe[];
  searchMs: number[];
  snapshotBytes: number;
  residentBytes: number;
}

/**
 * One shard per size, each a gallery of its own (bench sbms's generator, shard size = gallery size),
 * searched by the probes of bench sbms's realistic data (half mated captures, half non-mated),
 * and the scan alone over random codes at `scanSizes`. The searches are interleaved across sizes (probe i
 * on every shard, in a rotating order) and each round also times one scan of every scan size, so that
 * load from other work on the machine falls on all sizes and on both kinds of timing alike.
 */
export async function measureShards(
  sizes: readonly number[],
  scanSizes: readonly number[],
  probeCount: number,
  seed = 1,
) {
  const shards: MeasuredShard[] = [];
  for (const templates of sizes) shards.push(await loadShard(templates, probeCount, seed));
  progress(`sbms: random codes for the scan alone at ${scanSizes.join(', ')}`);
  const scans = scanSizes.map((templates) => ({
    scan: codeScan(templates, seed),
    scanMs: [] as number[],
  }));

  progress(`sbms: ${probeCount} searches on each of ${sizes.length} shards, interleaved with the scans`);
  for (const shard of shards) {
    for (const probe of shard.probes.slice(0, WARM_UP)) await shard.runtime.search(probe, { topK: TOP_K });
  }
  for (const { scan } of scans) for (let i = 0; i < WARM_UP; i++) scan.scan();
  for (let i = 0; i < probeCount; i++) {
    for (let j = 0; j < shards.length; j++) {
      const shard = shards[(i + j) % shards.length]!;
      const started = performance.now();
      await shard.runtime.search(shard.probes[i]!, { topK: TOP_K });
      shard.searchMs.push(performance.now() - started);
    }
    for (let j = 0; j < scans.length; j++) {
      const scan = scans[(i + j) % scans.length]!;
      scan.scanMs.push(scan.scan.scan());
    }
    if ((i + 1) % 100 === 0) progress(`sbms: ${i + 1}/${probeCount}`);
  }

  const smallest = shards[0]!;
  const { invokePathOverheadMs, lastCandidates } = await measureInvokePath(smallest);
  const mergeMs = measureMerge(lastCandidates, probeCount);
  const result: SbmsMeasurement = {
    dim: DIM,
    codeBits: CODE_BITS,
    shortlist: DEFAULT_SBMS_CONFIG.shortlist,
    probes: probeCount,
    shards: shards.map(
      (shard): ShardMeasurement => ({
        templates: shard.templates,
        searchMs: shard.searchMs.map(roundMs),
        snapshotBytes: shard.snapshotBytes,
        residentBytes: shard.residentBytes,
      }),
    ),
    scans: scans.map(({ scan, scanMs }) => ({ templates: scan.templates, scanMs: scanMs.map(roundMs) })),
    invokePathOverheadMs: invokePathOverheadMs.map(roundMs),
    mergeMs: mergeMs.map(roundMs),
    mergeShards: MERGE_SHARDS,
  };
  return result;
}

async function loadShard(templates: number, probeCount: number, seed: number): Promise<MeasuredShard> {
  const built = await buildFaceGallery({
    data: 'realistic',
    gallerySize: templates,
    dim: DIM,
    seed,
    shardSize: templates,
  });
  const runtime = built.runtimes[0]!;
  const snapshot = runtime.index.serialize();
  const before = settledBytes();
  const loaded = ShardIndex.deserialize(snapshot, built.config, built.fusion);
  const residentBytes = settledBytes() - before;
  if (loaded.shardId !== runtime.index.shardId) throw new Error('snapshot of another shard');
  progress(
    `sbms: shard of ${templates}: snapshot ${snapshot.byteLength} bytes, resident ${residentBytes} bytes`,
  );

  const nonMated = Math.round(probeCount * NON_MATED_SHARE);
  const probes = built
    .probes(probeCount - nonMated, nonMated, seed ^ templates)
    .map((p) => ({ FACE: p.vector }));
  return { templates, runtime, probes, searchMs: [], snapshotBytes: snapshot.byteLength, residentBytes };
}

/**
 * The shard worker's path as a Lambda invocation runs it, without the network: the client's JSON
 * payload and probe encoding, the worker's validation and decoding, the reply's JSON. The time of
 * the search itself is taken out, so what remains is the overhead each shard adds per search.
 */
async function measureInvokePath(shard: MeasuredShard) {
  let searchMs = 0;
  const timedRuntime = {
    unsavedChanges: 0,
    async search(probe: Probe, options: { topK: number }) {
      const started = performance.now();
      const candidates = await shard.runtime.search(probe, options);
      searchMs = performance.now() - started;
      return candidates;
    },
  } as unknown as ShardRuntime;
  const worker = createShardWorker({
    start: async () => timedRuntime,
    residentShards: 1,
    snapshotAfterChanges: Number.POSITIVE_INFINITY,
  });
  const lambda = {
    send: async (command: InvokeCommand) => {
      const event = JSON.parse(new TextDecoder().decode(command.input.Payload as Uint8Array));
      return { Payload: new TextEncoder().encode(JSON.stringify(await worker(event))) };
    },
  };
  const client = new LambdaShardClient(lambda as never, 'shard-worker', shard.runtime.index.shardId);
  const invokePathOverheadMs: number[] = [];
  let lastCandidates: Candidate[] = [];
  for (const [i, probe] of shard.probes.entries()) {
    const started = performance.now();
    lastCandidates = await client.search(probe, { topK: TOP_K });
    if (i >= WARM_UP) invokePathOverheadMs.push(Math.max(0, performance.now() - started - searchMs));
  }
  return { invokePathOverheadMs, lastCandidates };
}

function measureMerge(candidates: readonly Candidate[], rounds: number): number[] {
  const lists = Array.from({ length: MERGE_SHARDS }, (_, s) =>
    candidates.map((c) => ({ ...c, recordId: `${c.recordId}-${s}`, score: c.score - s * 1e-6 })),
  );
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    mergeCandidates(lists, TOP_K);
    times.push(performance.now() - started);
  }
  return times;
}

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;
