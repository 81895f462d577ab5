import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import { InMemorySnapshotStore } from './adapters/in-memory-snapshot-store';
import { DEFAULT_SBMS_CONFIG } from './domain/config';
import { ShardRuntime } from './domain/shard-runtime';
import { decodeProbe, type ShardSearchReply, shardSearchEventSchema } from './lambda-shard-client';
import { S3SnapshotStore } from './s3-snapshot-store';
import { fusion, SNAPSHOT_AFTER_CHANGES } from './service';
import { DynamoTemplateFeed } from './template-feed';

export interface ShardWorkerOptions {
  /** Loads a shard from its snapshot and catches it up from the feed. */
  start(shardId: string): Promise<ShardRuntime>;
  /** Shards kept in memory at once; the least recently searched one is dropped (after a snapshot). */
  residentShards: number;
  snapshotAfterChanges: number;
}

/**
 * The shard worker: one shard's 1:N search per invocation. The container keeps the shard runtime
 * it loaded (keyed by shard id) warm across invocations, catches it up from the CIR's template feed
 * before each search (ShardRuntime), and writes a snapshot once enough changes have accumulated.
 */
export function createShardWorker(options: ShardWorkerOptions) {
  const runtimes = new Map<string, Promise<ShardRuntime>>();
  const runtimeOf = async (shardId: string): Promise<ShardRuntime> => {
    let runtime = runtimes.get(shardId);
    if (runtime) runtimes.delete(shardId);
    else {
      runtime = options.start(shardId);
      runtime.catch(() => runtimes.delete(shardId));
    }
    runtimes.set(shardId, runtime); // most recently used last
    while (runtimes.size > options.residentShards) {
      const [oldestId, oldest] = runtimes.entries().next().value!;
      runtimes.delete(oldestId);
      const evicted = await oldest.catch(() => undefined);
      if (evicted && evicted.unsavedChanges > 0) await evicted.saveSnapshot();
    }
    return runtime;
  };

  return async (event: unknown): Promise<ShardSearchReply> => {
    const parsed = shardSearchEventSchema.safeParse(event);
    if (!parsed.success)
      throw new Error(
        `malformed shard search: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    const { shardId, probe, options: searchOptions } = parsed.data;
    const runtime = await runtimeOf(shardId);
    const candidates = await runtime.search(decodeProbe(probe), searchOptions);
    if (runtime.unsavedChanges >= options.snapshotAfterChanges) await runtime.saveSnapshot();
    return { shardId, candidates };
  };
}

function workerFromEnv() {
  const config = loadConfig();
  const feed = new DynamoTemplateFeed(dynamo, config.CIR_TABLE);
  const snapshots = config.SBMS_SNAPSHOT_BUCKET
    ? new S3SnapshotStore(new S3Client({}), config.SBMS_SNAPSHOT_BUCKET)
    : new InMemorySnapshotStore();
  return createShardWorker({
    start: (shardId) => ShardRuntime.start(shardId, { config: DEFAULT_SBMS_CONFIG, fusion, snapshots, feed }),
    residentShards: config.SBMS_RESIDENT_SHARDS,
    snapshotAfterChanges: SNAPSHOT_AFTER_CHANGES,
  });
}

let worker: ReturnType<typeof createShardWorker> | undefined;

export const handler = middy(async (event: unknown) => {
  worker ??= workerFromEnv();
  return worker(event);
}).use(injectLambdaContext(logger, { resetKeys: true }));
