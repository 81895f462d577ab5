// `npm run bench -- sbms --gallery 200000 --dim 512 --probes 500 --seed 1`
// Options: --non-enrolled-share 0.1, --shard-size 100000, --bits 256, --shortlist 64, --exact-probes <all>.
// Face-only gallery of synthetic persons, searched by new captures of enrolled persons and by non-enrolled
// persons; the sharded binary-code index against a plain TypeScript exact scan of the same gallery.
import { InMemorySnapshotStore } from '../functions/sbms/adapters/in-memory-snapshot-store';
import { InMemoryTemplateStore } from '../functions/sbms/adapters/in-memory-template-store';
import { InProcessShardClient } from '../functions/sbms/adapters/in-process-shard-client';
import { DEFAULT_CALIBRATION } from '../functions/sbms/domain/calibration';
import type { SbmsConfig } from '../functions/sbms/domain/config';
import { DEFAULT_SBMS_CONFIG } from '../functions/sbms/domain/config';
import { createScoreFusion } from '../functions/sbms/domain/fusion';
import { identify } from '../functions/sbms/domain/matcher';
import { checkTemplate } from '../functions/sbms/domain/quality-gate';
import { mulberry32 } from '../functions/sbms/domain/random';
import { ShardIndex } from '../functions/sbms/domain/shard-index';
import { ShardRuntime } from '../functions/sbms/domain/shard-runtime';
import type { OriginSystem } from '../functions/shared/systems';
import { createBiometricGenerator } from '../local/synthetic/biometrics';
import { numberArg, progress } from './args';

const SYSTEMS_WITH_BIOMETRICS: OriginSystem[] = ['EES', 'VIS', 'EURODAC', 'SIS', 'ECRIS_TCN'];
const TOP_K = 10;
const WARM_UP_SEARCHES = 5;

interface ProbeCase {
  vector: Float32Array;
  mate: number | undefined;
}

export interface FaceGalleryOptions {
  gallerySize: number;
  dim: number;
  seed: number;
  bits: number;
  shortlist: number;
  shardSize: number;
}

/**
 * A face-only gallery of synthetic persons 0..gallerySize-1 in shards of `shardSize` (filled in order),
 * each shard caught up from the store's feed. `unitFace(id, session)` gives a capture of person `id`.
 */
export async function buildFaceGallery(options: FaceGalleryOptions) {
  const { gallerySize, dim } = options;
  const config: SbmsConfig = {
    ...DEFAULT_SBMS_CONFIG,
    dimensions: { ...DEFAULT_SBMS_CONFIG.dimensions, face: dim },
    codeBits: { ...DEFAULT_SBMS_CONFIG.codeBits, face: options.bits },
    shortlist: options.shortlist,
    maxTemplatesPerShard: options.shardSize,
  };
  const fusion = createScoreFusion(DEFAULT_CALIBRATION);
  const generator = createBiometricGenerator(options.seed, config.dimensions);
  const unitFace = (id: number, session: number) => {
    const check = checkTemplate('FACE', generator.capture(generator.person(id), 'FACE', { session }), config);
    if (!check.ok) throw new Error(`synthetic capture refused: ${check.refusal.detail}`);
    return check.template;
  };

  progress(`generating ${gallerySize} enrolled faces (dim ${dim})`);
  const gallery = new Float32Array(gallerySize * dim);
  const store = new InMemoryTemplateStore(config.maxTemplatesPerShard);
  const records = Array.from({ length: gallerySize }, (_, id) => {
    const template = unitFace(id, 0);
    gallery.set(template.vector, id * dim);
    template.vector = gallery.subarray(id * dim, (id + 1) * dim);
    return {
      system: SYSTEMS_WITH_BIOMETRICS[id % SYSTEMS_WITH_BIOMETRICS.length]!,
      recordId: `P${id}`,
      templates: [template],
    };
  });

  progress('building the shards (store writes + shard catch-up from the feed)');
  const buildStart = performance.now();
  for (const record of records) store.put(record);
  const snapshots = new InMemorySnapshotStore();
  const runtimes = await Promise.all(
    store.shardIds.map((shardId) => ShardRuntime.start(shardId, { config, fusion, snapshots, feed: store })),
  );
  const buildSeconds = (performance.now() - buildStart) / 1000;
  return { config, fusion, gallery, runtimes, unitFace, buildSeconds };
}

export async function run(args: Record<string, string>): Promise<object> {
  const gallerySize = numberArg(args, 'gallery', 200_000);
  const dim = numberArg(args, 'dim', 512);
  const probeCount = numberArg(args, 'probes', 500);
  const seed = numberArg(args, 'seed', 1);
  const nonEnrolledShare = numberArg(args, 'non-enrolled-share', 0.1);
  const exactProbeCount = Math.min(probeCount, numberArg(args, 'exact-probes', probeCount));
  const { config, fusion, gallery, runtimes, unitFace, buildSeconds } = await buildFaceGallery({
    gallerySize,
    dim,
    seed,
    bits: numberArg(args, 'bits', 256),
    shortlist: numberArg(args, 'shortlist', DEFAULT_SBMS_CONFIG.shortlist),
    shardSize: numberArg(args, 'shard-size', 100_000),
  });
  const clients = runtimes.map((runtime) => new InProcessShardClient(runtime));

  const snapshotBytes = runtimes.map((runtime) => runtime.index.serialize());
  const totalSnapshotBytes = snapshotBytes.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  const loadStart = performance.now();
  ShardIndex.deserialize(snapshotBytes[0]!, config, fusion);
  const snapshotLoadSeconds = (performance.now() - loadStart) / 1000;

  const random = mulberry32(seed ^ 0x9e0be);
  const enrolledProbes = Math.round(probeCount * (1 - nonEnrolledShare));
  const probes: ProbeCase[] = Array.from({ length: probeCount }, (_, i) => {
    const mate = i < enrolledProbes ? Math.floor(random() * gallerySize) : undefined;
    return { vector: unitFace(mate ?? gallerySize + i, 1).vector, mate };
  });

  progress(`searching ${probeCount} probes over ${runtimes.length} shard(s)`);
  for (const probe of probes.slice(0, WARM_UP_SEARCHES))
    await identify(clients, { FACE: probe.vector }, { topK: TOP_K });
  const latencies: number[] = [];
  const tops: { recordId: string; score: number }[] = [];
  const searchStart = performance.now();
  for (const probe of probes) {
    const start = performance.now();
    const candidates = await identify(clients, { FACE: probe.vector }, { topK: TOP_K });
    latencies.push(performance.now() - start);
    tops.push(candidates[0] ?? { recordId: '', score: Number.NEGATIVE_INFINITY });
  }
  const searchesPerSecond = probeCount / ((performance.now() - searchStart) / 1000);

  progress(`exact scan of ${exactProbeCount} probes over the full gallery`);
  for (const probe of probes.slice(0, Math.min(WARM_UP_SEARCHES, exactProbeCount))) {
    exactTopK(gallery, gallerySize, dim, probe.vector, TOP_K);
  }
  const exactTop: number[] = [];
  const exactStart = performance.now();
  for (const probe of probes.slice(0, exactProbeCount)) {
    exactTop.push(exactTopK(gallery, gallerySize, dim, probe.vector, TOP_K).indices[0]!);
    if (exactTop.length % 100 === 0) progress(`  exact ${exactTop.length}/${exactProbeCount}`);
  }
  const exactSearchesPerSecond = exactProbeCount / ((performance.now() - exactStart) / 1000);

  const enrolled = (list: readonly ProbeCase[]) => list.filter((p) => p.mate !== undefined);
  const rate = (hits: number, of: number) => (of === 0 ? 0 : hits / of);
  const rank1Hits = probes.filter(
    (p, i) => p.mate !== undefined && tops[i]!.recordId === `P${p.mate}`,
  ).length;
  const exactProbes = probes.slice(0, exactProbeCount);
  const exactRank1Hits = exactProbes.filter((p, i) => p.mate !== undefined && exactTop[i] === p.mate).length;
  const indexRank1OnExactProbes = exactProbes.filter(
    (p, i) => p.mate !== undefined && tops[i]!.recordId === `P${p.mate}`,
  ).length;
  const threshold = DEFAULT_CALIBRATION.thresholds.identify;
  const falsePositives = probes.filter((p, i) => p.mate === undefined && tops[i]!.score >= threshold).length;
  const missed = probes.filter(
    (p, i) => p.mate !== undefined && !(tops[i]!.recordId === `P${p.mate}` && tops[i]!.score >= threshold),
  ).length;
  const sorted = [...latencies].sort((a, b) => a - b);

  return {
    gallerySize,
    dim,
    buildSeconds: round(buildSeconds, 2),
    searchesPerSecond: round(searchesPerSecond, 1),
    p95LatencyMs: round(sorted[Math.ceil(0.95 * sorted.length) - 1]!, 3),
    exactSearchesPerSecond: round(exactSearchesPerSecond, 2),
    speedupVsExact: round(searchesPerSecond / exactSearchesPerSecond, 1),
    rank1IdentificationRate: round(rate(rank1Hits, enrolled(probes).length), 4),
    exactRank1IdentificationRate: round(rate(exactRank1Hits, enrolled(exactProbes).length), 4),
    bytesPerTemplate: round(totalSnapshotBytes / gallerySize, 1),
    shards: runtimes.length,
    codeBits: config.codeBits.face,
    shortlistPerShard: config.shortlist,
    p50LatencyMs: round(sorted[Math.ceil(0.5 * sorted.length) - 1]!, 3),
    enrolledProbes: enrolled(probes).length,
    nonEnrolledProbes: probeCount - enrolled(probes).length,
    exactProbes: exactProbeCount,
    rank1IdentificationRateOnExactProbes: round(
      rate(indexRank1OnExactProbes, enrolled(exactProbes).length),
      4,
    ),
    identifyThreshold: round(threshold, 3),
    falsePositivesAtIdentifyThreshold: falsePositives,
    enrolledMissedAtIdentifyThreshold: missed,
    snapshotLoadSecondsPerShard: round(snapshotLoadSeconds, 2),
  };
}

/** The baseline: every gallery vector, float dot product (4 accumulators), running top-k by insertion. */
function exactTopK(gallery: Float32Array, count: number, dim: number, probe: Float32Array, k: number) {
  const scores = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const indices = new Int32Array(k).fill(-1);
  for (let i = 0; i < count; i++) {
    const base = i * dim;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j + 3 < dim; j += 4) {
      s0 += gallery[base + j]! * probe[j]!;
      s1 += gallery[base + j + 1]! * probe[j + 1]!;
      s2 += gallery[base + j + 2]! * probe[j + 2]!;
      s3 += gallery[base + j + 3]! * probe[j + 3]!;
    }
    for (; j < dim; j++) s0 += gallery[base + j]! * probe[j]!;
    const score = s0 + s1 + s2 + s3;
    if (score <= scores[k - 1]!) continue;
    let at = k - 1;
    while (at > 0 && scores[at - 1]! < score) {
      scores[at] = scores[at - 1]!;
      indices[at] = indices[at - 1]!;
      at--;
    }
    scores[at] = score;
    indices[at] = i;
  }
  return { scores, indices };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
