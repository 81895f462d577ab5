import { createHash } from 'node:crypto';
import type { RecordRef } from '../mid/domain/types';
import { InProcessShardClient } from './adapters/in-process-shard-client';
import type { SbmsConfig } from './domain/config';
import type { ScoreFusion } from './domain/fusion';
import type { ShardClient, SnapshotStore, TemplateFeed } from './domain/ports';
import { ShardRuntime } from './domain/shard-runtime';
import { shardName } from './domain/sharding';

/**
 * A file's templates live in one shard for life, chosen by a hash of its reference over a fixed
 * shard count (SBMS_SHARDS). Growing past it means adding shards and re-feeding the moved files
 * from the CIR (docs/sbms.md); the count is sized from the capacity model, not changed lightly.
 */
export function shardOfRecord(shardCount: number): (ref: RecordRef) => string {
  return (ref) => {
    const digest = createHash('sha1').update(`${ref.system}/${ref.recordId}`).digest();
    return shardName(digest.readUInt32BE(0) % shardCount);
  };
}

export function shardIds(shardCount: number): string[] {
  return Array.from({ length: shardCount }, (_, i) => shardName(i));
}

export interface InProcessGallery {
  shards: ShardClient[];
  runtimes: ShardRuntime[];
  saveSnapshots(): Promise<void>;
}

/** All shards in this process (the local platform; in AWS each shard is its own function instance). */
export async function startInProcessGallery(options: {
  shardCount: number;
  config: SbmsConfig;
  fusion: ScoreFusion;
  snapshots: SnapshotStore;
  feed: TemplateFeed;
}): Promise<InProcessGallery> {
  const runtimes = await Promise.all(
    shardIds(options.shardCount).map((shardId) => ShardRuntime.start(shardId, options)),
  );
  return {
    runtimes,
    shards: runtimes.map((runtime) => new InProcessShardClient(runtime)),
    saveSnapshots: async () => {
      await Promise.all(
        runtimes.filter((runtime) => runtime.unsavedChanges > 0).map((r) => r.saveSnapshot()),
      );
    },
  };
}
