// The face galleries and probes of `bench sbms` and of the capacity measurements.
// - `easy`: the platform's synthetic biometrics (isotropic Gaussian persons, impostor cosines ~0 +- 0.044);
// - `realistic`: anisotropic embeddings with a shared mean, hard live captures and lookalikes
//   (local/synthetic/realistic-faces.ts).
import { InMemorySnapshotStore } from '../functions/sbms/adapters/in-memory-snapshot-store';
import { InMemoryTemplateStore } from '../functions/sbms/adapters/in-memory-template-store';
import { DEFAULT_CALIBRATION } from '../functions/sbms/domain/calibration';
import type { SbmsConfig } from '../functions/sbms/domain/config';
import { DEFAULT_SBMS_CONFIG } from '../functions/sbms/domain/config';
import { createScoreFusion } from '../functions/sbms/domain/fusion';
import { checkTemplate } from '../functions/sbms/domain/quality-gate';
import { mulberry32 } from '../functions/sbms/domain/random';
import { ShardRuntime } from '../functions/sbms/domain/shard-runtime';
import type { OriginSystem } from '../functions/shared/systems';
import { progress } from '../local/cli';
import { createBiometricGenerator } from '../local/synthetic/biometrics';
import { createRealisticFaces } from '../local/synthetic/realistic-faces';
import { createExactGallery } from './exact-scan';

const SYSTEMS_WITH_BIOMETRICS: OriginSystem[] = ['EES', 'VIS', 'EURODAC', 'SIS', 'ECRIS_TCN'];
export const FACE_DATA = ['easy', 'realistic'] as const;
export type FaceData = (typeof FACE_DATA)[number];

export function faceDataArg(args: Record<string, string>, fallback: FaceData): FaceData {
  const value = args.data ?? fallback;
  if (!(FACE_DATA as readonly string[]).includes(value)) {
    throw new Error(`--data must be one of ${FACE_DATA.join(', ')}, got "${value}"`);
  }
  return value as FaceData;
}

export interface ProbeCase {
  vector: Float32Array;
  /** The enrolled person this probe is a capture of; undefined for a non-mated probe. */
  mate: number | undefined;
  /** Cosine to the mate's enrolled template (mated probes). */
  mateCosine?: number;
}

export interface FaceGalleryOptions {
  data: FaceData;
  gallerySize: number;
  dim: number;
  seed: number;
  shardSize: number;
  /** Overrides of the index settings (bench options). */
  config?: Partial<SbmsConfig>;
}

interface FaceSource {
  enrolled(id: number): Float32Array;
  mated(id: number): { vector: Float32Array; mateCosine: number };
  nonMated(k: number): Float32Array;
  parameters: Record<string, number | string>;
}

function faceSource(options: FaceGalleryOptions, config: SbmsConfig): FaceSource {
  const { gallerySize, dim, seed } = options;
  if (options.data === 'realistic') {
    const faces = createRealisticFaces({ dim, seed, gallerySize });
    return {
      enrolled: faces.enrolled,
      mated: (id) => faces.mated(id, 1),
      nonMated: faces.nonMated,
      parameters: { data: 'realistic', ...faces.parameters },
    };
  }
  const generator = createBiometricGenerator(seed, config.dimensions);
  const unitFace = (id: number, session: number) => {
    const check = checkTemplate('FACE', generator.capture(generator.person(id), 'FACE', { session }), config);
    if (!check.ok) throw new Error(`synthetic capture refused: ${check.refusal.detail}`);
    return check.template.vector;
  };
  return {
    enrolled: (id) => unitFace(id, 0),
    mated: (id) => {
      const vector = unitFace(id, 1);
      const enrolled = unitFace(id, 0);
      let cosine = 0;
      for (let i = 0; i < dim; i++) cosine += vector[i]! * enrolled[i]!;
      return { vector, mateCosine: cosine };
    },
    nonMated: (k) => unitFace(gallerySize + k, 1),
    parameters: { data: 'easy' },
  };
}

/**
 * A face-only gallery of persons 0..gallerySize-1 in shards of `shardSize` (filled in order), each shard
 * caught up from the store's feed, plus the same vectors in the exact scans' memory. `probes(mated,
 * nonMated, seed)` gives new captures of random enrolled persons and captures of non-enrolled persons, in a
 * shuffled order.
 */
export async function buildFaceGallery(options: FaceGalleryOptions) {
  const { gallerySize, dim } = options;
  const config: SbmsConfig = {
    ...DEFAULT_SBMS_CONFIG,
    ...options.config,
    dimensions: { ...DEFAULT_SBMS_CONFIG.dimensions, face: dim },
    maxTemplatesPerShard: options.shardSize,
  };
  const fusion = createScoreFusion(DEFAULT_CALIBRATION);
  const source = faceSource(options, config);

  progress(`generating ${gallerySize} enrolled faces (${options.data}, dim ${dim})`);
  const exact = createExactGallery(gallerySize, dim);
  const store = new InMemoryTemplateStore(config.maxTemplatesPerShard);
  const records = Array.from({ length: gallerySize }, (_, id) => {
    const vector = exact.vectors.subarray(id * dim, (id + 1) * dim);
    vector.set(source.enrolled(id));
    if ((id + 1) % 100_000 === 0) progress(`  generated ${id + 1}`);
    return {
      system: SYSTEMS_WITH_BIOMETRICS[id % SYSTEMS_WITH_BIOMETRICS.length]!,
      recordId: `P${id}`,
      templates: [{ modality: 'FACE' as const, vector, quality: 80 }],
    };
  });

  progress('building the shards (store writes + shard catch-up from the feed)');
  const buildStart = performance.now();
  for (const record of records) store.put(record);
  const snapshots = new InMemorySnapshotStore();
  const runtimes: ShardRuntime[] = [];
  for (const shardId of store.shardIds) {
    runtimes.push(await ShardRuntime.start(shardId, { config, fusion, snapshots, feed: store }));
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;

  const probes = (mated: number, nonMated: number, seed: number): ProbeCase[] => {
    const random = mulberry32(seed ^ 0x9e0be);
    const cases: ProbeCase[] = [];
    for (let i = 0; i < mated; i++) {
      const mate = Math.floor(random() * gallerySize);
      cases.push({ mate, ...source.mated(mate) });
    }
    for (let k = 0; k < nonMated; k++) cases.push({ vector: source.nonMated(k), mate: undefined });
    for (let i = cases.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [cases[i], cases[j]] = [cases[j]!, cases[i]!];
    }
    return cases;
  };
  return { config, fusion, exact, runtimes, probes, buildSeconds, parameters: source.parameters };
}
