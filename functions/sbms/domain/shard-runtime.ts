import type { SbmsConfig } from './config';
import type { ScoreFusion } from './fusion';
import type { SnapshotStore, TemplateFeed } from './ports';
import { ShardIndex, StaleSnapshotError } from './shard-index';
import type { Candidate, Probe, SearchOptions } from './types';

export interface ShardDependencies {
  config: SbmsConfig;
  fusion: ScoreFusion;
  snapshots: SnapshotStore;
  feed: TemplateFeed;
}

/**
 * One shard as it lives in a function instance: loaded from its last snapshot on a cold start, then kept
 * current from the template feed before every search, so a template written is found by the next search.
 */
export class ShardRuntime {
  private pending: Promise<number> | undefined;
  private changesSinceSnapshot = 0;

  private constructor(
    readonly index: ShardIndex,
    private readonly deps: ShardDependencies,
  ) {}

  static async start(shardId: string, deps: ShardDependencies): Promise<ShardRuntime> {
    const bytes = await deps.snapshots.load(shardId);
    const index = (bytes && loadSnapshot(bytes, deps)) ?? new ShardIndex(shardId, deps.config, deps.fusion);
    const runtime = new ShardRuntime(index, deps);
    await runtime.catchUp();
    return runtime;
  }

  get unsavedChanges(): number {
    return this.changesSinceSnapshot;
  }

  /** Applies every change after the index's watermark; concurrent callers share one catch-up. */
  catchUp(): Promise<number> {
    this.pending ??= this.drainFeed().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async search(probe: Probe, options: SearchOptions): Promise<Candidate[]> {
    await this.catchUp();
    return this.index.search(probe, options);
  }

  async saveSnapshot(): Promise<void> {
    const watermark = this.index.watermark;
    const pendingBefore = this.changesSinceSnapshot;
    await this.deps.snapshots.save(this.index.shardId, this.index.serialize(), watermark);
    this.changesSinceSnapshot -= pendingBefore;
  }

  private async drainFeed(): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.deps.feed.changesSince(this.index.shardId, this.index.watermark);
      this.index.apply(page.changes);
      this.index.watermark = page.watermark;
      applied += page.changes.length;
      if (!page.more) break;
    }
    this.changesSinceSnapshot += applied;
    return applied;
  }
}

/** The snapshot's index, or undefined when it is stale (another format or settings): a full catch-up rebuilds it. */
function loadSnapshot(bytes: Uint8Array, deps: ShardDependencies): ShardIndex | undefined {
  try {
    return ShardIndex.deserialize(bytes, deps.config, deps.fusion);
  } catch (error) {
    if (error instanceof StaleSnapshotError) return undefined;
    throw error;
  }
}
