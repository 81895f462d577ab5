import type { RecordRef } from './types';

/**
 * Port: the index of blocking keys (a GSI on the CIR table in production). `candidates` returns
 * every file sharing a key, skipping keys whose block holds more than the index's cap: a key
 * shared by that many files no longer discriminates (e.g. a common name with a placeholder date),
 * and the other keys of the file still find its matches. The DynamoDB adapter applies the same
 * cap by querying each key with `Limit: cap + 1`.
 */
export interface CandidateIndex {
  add(ref: RecordRef, keys: readonly string[]): Promise<void>;
  remove(ref: RecordRef): Promise<void>;
  candidates(keys: readonly string[]): Promise<RecordRef[]>;
}

/** Largest block a key may return; documented in docs/mid-matching.md. */
export const MAX_BLOCK_SIZE = 200;

export function refKey(ref: RecordRef): string {
  return `${ref.system}#${ref.recordId}`;
}

export class InMemoryCandidateIndex implements CandidateIndex {
  private readonly blocks = new Map<string, Map<string, RecordRef>>();
  private readonly keysOf = new Map<string, readonly string[]>();

  constructor(private readonly maxBlockSize: number = MAX_BLOCK_SIZE) {}

  async add(ref: RecordRef, keys: readonly string[]): Promise<void> {
    await this.remove(ref);
    const id = refKey(ref);
    this.keysOf.set(id, keys);
    for (const key of keys) {
      let block = this.blocks.get(key);
      if (!block) {
        block = new Map();
        this.blocks.set(key, block);
      }
      block.set(id, ref);
    }
  }

  async remove(ref: RecordRef): Promise<void> {
    const id = refKey(ref);
    for (const key of this.keysOf.get(id) ?? []) {
      const block = this.blocks.get(key);
      block?.delete(id);
      if (block?.size === 0) this.blocks.delete(key);
    }
    this.keysOf.delete(id);
  }

  async candidates(keys: readonly string[]): Promise<RecordRef[]> {
    const found = new Map<string, RecordRef>();
    for (const key of keys) {
      const block = this.blocks.get(key);
      if (!block || block.size > this.maxBlockSize) continue;
      for (const [id, ref] of block) found.set(id, ref);
    }
    return [...found.values()];
  }
}
