import type { TemplateChange } from './shard-index';
import type { Candidate, Probe, SearchOptions, TemplateRecord, TemplateRef } from './types';

/** One shard's search: in AWS a Lambda invocation of the shard function, locally an in-process call. */
export interface ShardClient {
  readonly shardId: string;
  search(probe: Probe, options: SearchOptions): Promise<Candidate[]>;
}

/** Serialised shard indexes: S3 objects in AWS, files under `.local/` locally. */
export interface SnapshotStore {
  load(shardId: string): Promise<Uint8Array | undefined>;
  save(shardId: string, bytes: Uint8Array, watermark: string | undefined): Promise<void>;
}

export interface FeedPage {
  /** In the order the store accepted them; applying a page twice is harmless (upserts replace, deletes repeat). */
  changes: TemplateChange[];
  /** Position after the last change of this page; opaque to the domain, compared only by the feed. */
  watermark: string | undefined;
  /** True when more changes follow this page. */
  more: boolean;
}

/** Changes of the templates of one shard after a position: the store, queried on its shard key + sequence. */
export interface TemplateFeed {
  changesSince(shardId: string, watermark: string | undefined): Promise<FeedPage>;
}

/** The enrolled templates of one record, for 1:1 verification. */
export interface TemplateLookup {
  get(ref: TemplateRef): Promise<TemplateRecord | undefined>;
}
