import type { FeedPage, TemplateFeed, TemplateLookup } from '../domain/ports';
import type { TemplateChange } from '../domain/shard-index';
import { chooseShard, shardName } from '../domain/sharding';
import type { TemplateRecord, TemplateRef } from '../domain/types';

const refKey = (ref: TemplateRef) => `${ref.system}/${ref.recordId}`;
const WATERMARK_DIGITS = 12;

/**
 * The template store of tests, benches and the local platform: records by reference, each placed in a shard
 * for life, and a per-shard change log read by the shards' `TemplateFeed`. Watermarks are zero-padded
 * sequence numbers. The DynamoDB adapter has the same shape: items keyed by record, a GSI on (shard, sequence).
 */
export class InMemoryTemplateStore implements TemplateFeed, TemplateLookup {
  private readonly records = new Map<string, { shard: number; record: TemplateRecord }>();
  private readonly logs: { sequence: number; change: TemplateChange }[][] = [];
  private readonly loads: number[] = [];
  private sequence = 0;

  constructor(
    private readonly maxTemplatesPerShard: number,
    private readonly pageSize = 10_000,
  ) {}

  get shardIds(): string[] {
    return this.loads.map((_, n) => shardName(n));
  }

  /** Creates or replaces the templates of a record; returns the shard that holds it. */
  put(record: TemplateRecord): string {
    const key = refKey(record);
    const existing = this.records.get(key);
    const shard =
      existing?.shard ?? chooseShard(this.loads, record.templates.length, this.maxTemplatesPerShard);
    if (shard === this.loads.length) {
      this.loads.push(0);
      this.logs.push([]);
    }
    this.loads[shard]! += record.templates.length - (existing?.record.templates.length ?? 0);
    this.records.set(key, { shard, record });
    this.append(shard, { kind: 'upsert', record });
    return shardName(shard);
  }

  delete(ref: TemplateRef): boolean {
    const key = refKey(ref);
    const existing = this.records.get(key);
    if (!existing) return false;
    this.records.delete(key);
    this.loads[existing.shard]! -= existing.record.templates.length;
    this.append(existing.shard, { kind: 'delete', system: ref.system, recordId: ref.recordId });
    return true;
  }

  async get(ref: TemplateRef): Promise<TemplateRecord | undefined> {
    return this.records.get(refKey(ref))?.record;
  }

  async changesSince(shardId: string, watermark: string | undefined): Promise<FeedPage> {
    const log = this.logs[this.shardIds.indexOf(shardId)] ?? [];
    const after = watermark === undefined ? 0 : Number(watermark);
    const start = firstAfter(log, after);
    const page = log.slice(start, start + this.pageSize);
    const last = page.at(-1);
    return {
      changes: page.map((entry) => entry.change),
      watermark: last ? String(last.sequence).padStart(WATERMARK_DIGITS, '0') : watermark,
      more: start + page.length < log.length,
    };
  }

  private append(shard: number, change: TemplateChange): void {
    this.logs[shard]!.push({ sequence: ++this.sequence, change });
  }
}

/** Index of the first entry with a sequence above `after` (the log is in ascending sequence order). */
function firstAfter(log: readonly { sequence: number }[], after: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (log[middle]!.sequence > after) high = middle;
    else low = middle + 1;
  }
  return low;
}
