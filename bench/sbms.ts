// `npm run bench -- sbms --data realistic --gallery 200000 --dim 512 --probes 2000 --seed 1 [--plot det.svg]`
// Options: --data easy|realistic (default easy), --non-mated (realistic: 2000; easy: 10% of --probes),
// --shard-size 100000, --shortlist <config>, --usearch-probes 1000, --scalar-probes 50, --block 20.
// A face-only gallery searched by new captures of enrolled persons (mated) and of non-enrolled persons
// (non-mated). The sharded index is timed against the exact scans in alternating blocks of probes, so that
// load from other work on the machine falls on all of them alike: the WebAssembly SIMD scan (every probe: it
// also gives the exact answers), usearch's exactSearch (the first --usearch-probes) and a plain TypeScript
// scan (the first --scalar-probes). `speedupVsExactSimd` is against the faster SIMD scan.
import { writeFile } from 'node:fs/promises';
import { InProcessShardClient } from '../functions/sbms/adapters/in-process-shard-client';
import { DEFAULT_CALIBRATION } from '../functions/sbms/domain/calibration';
import { identify } from '../functions/sbms/domain/matcher';
import { ShardIndex } from '../functions/sbms/domain/shard-index';
import type { Candidate } from '../functions/sbms/domain/types';
import { numberArg, type Options, progress } from '../local/cli';
import { scalarScan, usearchScan, wasmSimdScan } from './exact-scan';
import type { Outcome } from './identification-metrics';
import { detCurve, detPlot, fnirAtFpir } from './identification-metrics';
import type { ProbeCase } from './sbms-data';
import { buildFaceGallery, faceDataArg } from './sbms-data';

const TOP_K = 10;
const WARM_UP_SEARCHES = 5;
/** Mated probes whose cosine to their enrolled template is below this are the hard ones. */
const HARD_MATE_COSINE = 0.45;
const FPIR = 0.001;

export const summary =
  'sBMS 1:N search over a synthetic face gallery: the sharded index against exact scans (WebAssembly SIMD, usearch, TypeScript) timed in alternating blocks.';

export const options: Options = {
  data: { type: 'string', value: 'easy|realistic', description: 'kind of synthetic faces', default: 'easy' },
  gallery: { type: 'string', value: 'N', description: 'enrolled templates', default: '200000' },
  dim: { type: 'string', value: 'N', description: 'template dimensions', default: '512' },
  probes: { type: 'string', value: 'N', description: 'mated searches (easy: all searches)', default: '500' },
  'non-mated': { type: 'string', value: 'N', description: 'non-mated searches (realistic)', default: '2000' },
  seed: { type: 'string', value: 'S', description: 'random seed', default: '1' },
  shortlist: {
    type: 'string',
    value: 'N',
    description: 'fewest candidates re-ranked exactly per shard',
    default: 'the sBMS config',
  },
  'shard-size': { type: 'string', value: 'N', description: 'templates per shard', default: '100000' },
  'usearch-probes': {
    type: 'string',
    value: 'N',
    description: 'probes also run through usearch exactSearch',
    default: '1000',
  },
  'scalar-probes': {
    type: 'string',
    value: 'N',
    description: 'probes also run through the TypeScript scan',
    default: '50',
  },
  block: { type: 'string', value: 'N', description: 'probes per timing block', default: '20' },
  plot: { type: 'string', value: 'FILE.svg', description: 'write the DET curve' },
};

export async function run(args: Record<string, string>): Promise<object> {
  const data = faceDataArg(args, 'easy');
  const gallerySize = numberArg(args, 'gallery', 200_000);
  const dim = numberArg(args, 'dim', 512);
  const probeCount = numberArg(args, 'probes', 500);
  const seed = numberArg(args, 'seed', 1);
  const [mated, nonMated] =
    data === 'realistic'
      ? [probeCount, numberArg(args, 'non-mated', 2000)]
      : [probeCount - Math.round(probeCount * 0.1), Math.round(probeCount * 0.1)];
  const shortlist = args.shortlist === undefined ? {} : { shortlist: numberArg(args, 'shortlist', 0) };
  const built = await buildFaceGallery({
    data,
    gallerySize,
    dim,
    seed,
    shardSize: numberArg(args, 'shard-size', 100_000),
    config: shortlist,
  });
  const { config, fusion, exact, runtimes, buildSeconds } = built;
  const clients = runtimes.map((runtime) => new InProcessShardClient(runtime));

  const snapshotBytes = runtimes.map((runtime) => runtime.index.serialize());
  const totalSnapshotBytes = snapshotBytes.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  const loadStart = performance.now();
  ShardIndex.deserialize(snapshotBytes[0]!, config, fusion);
  const snapshotLoadSeconds = (performance.now() - loadStart) / 1000;
  snapshotBytes.length = 0;

  progress(`generating ${mated} mated and ${nonMated} non-mated probes`);
  const probes = built.probes(mated, nonMated, seed);
  const total = probes.length;
  const block = numberArg(args, 'block', 20);
  const scans = {
    wasm: { scan: wasmSimdScan(exact), probes: total, ms: 0, indexMs: 0 },
    usearch: { scan: usearchScan(exact), probes: numberArg(args, 'usearch-probes', 1000), ms: 0, indexMs: 0 },
    scalar: { scan: scalarScan(exact), probes: numberArg(args, 'scalar-probes', 50), ms: 0, indexMs: 0 },
  };
  for (const probe of probes.slice(0, WARM_UP_SEARCHES)) {
    await identify(clients, { FACE: probe.vector }, { topK: TOP_K });
    for (const { scan } of Object.values(scans)) scan.search(probe.vector, TOP_K);
  }

  progress(`searching ${total} probes: index and exact scans in alternating blocks of ${block}`);
  const latencies: number[] = [];
  const indexTop: (Candidate | undefined)[] = [];
  const exactTop: { index: number; score: number }[] = [];
  let usearchDisagreements = 0;
  for (let start = 0; start < total; start += block) {
    const slice = probes.slice(start, start + block);
    let indexMs = 0;
    for (const probe of slice) {
      const started = performance.now();
      const candidates = await identify(clients, { FACE: probe.vector }, { topK: TOP_K });
      const ms = performance.now() - started;
      indexMs += ms;
      latencies.push(ms);
      indexTop.push(candidates[0]);
    }
    for (const [name, timed] of Object.entries(scans)) {
      if (start >= timed.probes) continue;
      const started = performance.now();
      const tops = slice.map((probe) => timed.scan.search(probe.vector, TOP_K));
      timed.ms += performance.now() - started;
      timed.indexMs += indexMs;
      if (name === 'wasm')
        for (const top of tops) exactTop.push({ index: top.indices[0]!, score: top.scores[0]! });
      if (name === 'usearch') {
        tops.forEach((top, i) => {
          if (top.indices[0] !== exactTop[start + i]!.index) usearchDisagreements++;
        });
      }
    }
    if (Math.floor((start + block) / 500) > Math.floor(start / 500))
      progress(`  ${start + slice.length}/${total}`);
  }

  const indexOutcomes: Outcome[] = probes.map((probe, i) => ({
    mated: probe.mate !== undefined,
    isMate: probe.mate !== undefined && indexTop[i]?.recordId === `P${probe.mate}`,
    score: indexTop[i]?.perModality.FACE ?? Number.NEGATIVE_INFINITY,
  }));
  const exactOutcomes: Outcome[] = probes.map((probe, i) => ({
    mated: probe.mate !== undefined,
    isMate: probe.mate !== undefined && exactTop[i]!.index === probe.mate,
    score: exactTop[i]!.score,
  }));
  const hard = (probe: ProbeCase) => probe.mate !== undefined && probe.mateCosine! < HARD_MATE_COSINE;
  const rankOne = (outcomes: Outcome[], which: (probe: ProbeCase) => boolean) => {
    const chosen = probes.map((probe, i) => [probe, outcomes[i]!] as const).filter(([p]) => which(p));
    return round(chosen.filter(([, o]) => o.isMate).length / Math.max(1, chosen.length), 4);
  };
  const isMated = (probe: ProbeCase) => probe.mate !== undefined;
  const indexFnir = fnirAtFpir(indexOutcomes, FPIR);
  const exactFnir = fnirAtFpir(exactOutcomes, FPIR);
  if (args.plot) {
    const title = `DET, ${data} data, ${gallerySize} x ${dim}, ${mated} mated / ${nonMated} non-mated probes`;
    await writeFile(
      args.plot,
      detPlot(title, { index: detCurve(indexOutcomes), exact: detCurve(exactOutcomes) }),
    );
    progress(`wrote ${args.plot}`);
  }

  const rateOf = (probesTimed: number, ms: number) => probesTimed / (ms / 1000);
  const timedProbes = (limit: number) => Math.min(total, Math.ceil(Math.min(limit, total) / block) * block);
  const searchesPerSecond = rateOf(total, scans.wasm.indexMs);
  const rates = Object.fromEntries(
    Object.entries(scans).map(([name, t]) => {
      const n = timedProbes(t.probes);
      return [name, { rate: rateOf(n, t.ms), speedup: t.ms / t.indexMs, probes: n }];
    }),
  );
  const fastest = rates.wasm!.rate >= rates.usearch!.rate ? 'wasm' : 'usearch';
  const sorted = [...latencies].sort((a, b) => a - b);
  const identifyThreshold = DEFAULT_CALIBRATION.thresholds.identify;
  const fused = (outcomes: Outcome[]) => outcomes.map((o) => fusion.fuse({ FACE: o.score }));
  const indexFused = fused(indexOutcomes);

  return {
    data,
    gallerySize,
    dim,
    matedProbes: mated,
    nonMatedProbes: nonMated,
    hardProbes: probes.filter(hard).length,
    rank1: rankOne(indexOutcomes, isMated),
    exactRank1: rankOne(exactOutcomes, isMated),
    rank1Hard: rankOne(indexOutcomes, hard),
    exactRank1Hard: rankOne(exactOutcomes, hard),
    fnirAtFpir001: round(indexFnir.fnir, 4),
    exactFnirAtFpir001: round(exactFnir.fnir, 4),
    searchesPerSecond: round(searchesPerSecond, 1),
    p95LatencyMs: round(sorted[Math.ceil(0.95 * sorted.length) - 1]!, 3),
    exactSimdSearchesPerSecond: round(rates[fastest]!.rate, 2),
    exactSimd: fastest === 'wasm' ? 'wasm-simd' : 'usearch',
    speedupVsExactSimd: round(rates[fastest]!.speedup, 1),
    bytesPerTemplate: round(totalSnapshotBytes / gallerySize, 1),
    p50LatencyMs: round(sorted[Math.ceil(0.5 * sorted.length) - 1]!, 3),
    wasmSimdSearchesPerSecond: round(rates.wasm!.rate, 2),
    speedupVsWasmSimd: round(rates.wasm!.speedup, 1),
    usearchSearchesPerSecond: round(rates.usearch!.rate, 2),
    speedupVsUsearch: round(rates.usearch!.speedup, 1),
    usearchProbes: rates.usearch!.probes,
    usearchRank1DisagreementsWithWasmSimd: usearchDisagreements,
    scalarSearchesPerSecond: round(rates.scalar!.rate, 2),
    speedupVsScalar: round(rates.scalar!.speedup, 1),
    scalarProbes: rates.scalar!.probes,
    fpir: FPIR,
    fnirThreshold: round(indexFnir.threshold, 4),
    exactFnirThreshold: round(exactFnir.threshold, 4),
    identifyThreshold: round(identifyThreshold, 3),
    falsePositivesAtIdentifyThreshold: indexOutcomes.filter(
      (o, i) => !o.mated && indexFused[i]! >= identifyThreshold,
    ).length,
    matedMissedAtIdentifyThreshold: indexOutcomes.filter(
      (o, i) => o.mated && !(o.isMate && indexFused[i]! >= identifyThreshold),
    ).length,
    shards: runtimes.length,
    shortlistPerShard: config.shortlist,
    buildSeconds: round(buildSeconds, 2),
    snapshotLoadSecondsPerShard: round(snapshotLoadSeconds, 2),
    generator: built.parameters,
    ...(args.plot ? { plot: args.plot } : {}),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
