import type { ShardClient } from '../domain/ports';
import type { ShardRuntime } from '../domain/shard-runtime';
import type { Candidate, Probe, SearchOptions } from '../domain/types';

/** A shard searched in the same process (local platform, tests, benches); in AWS: a Lambda invocation. */
export class InProcessShardClient implements ShardClient {
  constructor(private readonly runtime: ShardRuntime) {}

  get shardId(): string {
    return this.runtime.index.shardId;
  }

  search(probe: Probe, options: SearchOptions): Promise<Candidate[]> {
    return this.runtime.search(probe, options);
  }
}
