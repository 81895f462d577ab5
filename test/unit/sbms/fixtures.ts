import { InMemorySnapshotStore } from '../../../functions/sbms/adapters/in-memory-snapshot-store';
import { InMemoryTemplateStore } from '../../../functions/sbms/adapters/in-memory-template-store';
import { InProcessShardClient } from '../../../functions/sbms/adapters/in-process-shard-client';
import { DEFAULT_CALIBRATION } from '../../../functions/sbms/domain/calibration';
import type { SbmsConfig } from '../../../functions/sbms/domain/config';
import { DEFAULT_SBMS_CONFIG } from '../../../functions/sbms/domain/config';
import { createScoreFusion } from '../../../functions/sbms/domain/fusion';
import { checkBiometrics, toProbe } from '../../../functions/sbms/domain/quality-gate';
import { ShardRuntime } from '../../../functions/sbms/domain/shard-runtime';
import type { FingerPosition, Probe, TemplateRecord } from '../../../functions/sbms/domain/types';
import type { OriginSystem } from '../../../functions/shared/systems';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';

export const config: SbmsConfig = { ...DEFAULT_SBMS_CONFIG, shortlist: 16 };
export const fusion = createScoreFusion(DEFAULT_CALIBRATION);
export const generator = createBiometricGenerator(42, config.dimensions);
export const SYSTEMS: OriginSystem[] = ['EES', 'VIS', 'EURODAC', 'SIS'];
const FINGERS: FingerPosition[] = [2, 7];

export const refOf = (id: number) => ({ system: SYSTEMS[id % SYSTEMS.length]!, recordId: `R${id}` });

/** The accepted templates of synthetic person `id` (face + two index fingers), as a record of the store. */
export function recordOf(id: number, session = 0, person = id): TemplateRecord {
  const input = generator.biometrics(generator.person(person), { session, fingers: FINGERS, quality: 80 });
  return { ...refOf(id), templates: checkBiometrics(input, config).accepted };
}

/** A new capture (session 1 by default) of person `id` as a probe. */
export function probeOf(
  id: number,
  options: { session?: number; face?: boolean; fingers?: FingerPosition[] } = {},
): Probe {
  const input = generator.biometrics(generator.person(id), {
    session: options.session ?? 1,
    face: options.face ?? true,
    fingers: options.fingers ?? FINGERS,
  });
  return toProbe(checkBiometrics(input, config).accepted);
}

/** A store holding persons 0..count-1 and in-process clients of its shards, all caught up. */
export async function enrolled(
  count: number,
  maxTemplatesPerShard = config.maxTemplatesPerShard,
  shortlist = config.shortlist,
) {
  const shardConfig = { ...config, maxTemplatesPerShard, shortlist };
  const store = new InMemoryTemplateStore(maxTemplatesPerShard);
  for (let id = 0; id < count; id++) store.put(recordOf(id));
  const snapshots = new InMemorySnapshotStore();
  const runtimes = await Promise.all(
    store.shardIds.map((shardId) =>
      ShardRuntime.start(shardId, { config: shardConfig, fusion, snapshots, feed: store }),
    ),
  );
  return { store, snapshots, runtimes, clients: runtimes.map((r) => new InProcessShardClient(r)) };
}
