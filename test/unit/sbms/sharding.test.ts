import { describe, expect, it } from 'vitest';
import { identify, mergeCandidates } from '../../../functions/sbms/domain/matcher';
import type { ShardClient } from '../../../functions/sbms/domain/ports';
import { chooseShard } from '../../../functions/sbms/domain/sharding';
import { enrolled, probeOf } from './fixtures';

const PERSONS = 200;

describe('shard fan-out and merge', async () => {
  const single = await enrolled(PERSONS);
  const sharded = await enrolled(PERSONS, 90);
  // Shortlists longer than the gallery: every record is re-ranked, so only fan-out and merge are compared.
  const singleFull = await enrolled(PERSONS, PERSONS * 3, PERSONS);
  const shardedFull = await enrolled(PERSONS, 90, PERSONS);

  it('spreads the gallery over shards no bigger than the configured maximum', () => {
    expect(sharded.runtimes).toHaveLength(Math.ceil((PERSONS * 3) / 90));
    for (const runtime of sharded.runtimes) expect(runtime.index.templateCount).toBeLessThanOrEqual(90);
    expect(sharded.runtimes.reduce((sum, r) => sum + r.index.recordCount, 0)).toBe(PERSONS);
  });

  it('returns the same ranked candidates and scores as a single index', async () => {
    for (const id of [1, 50, 99, 150, 199, PERSONS + 1]) {
      const probe = probeOf(id);
      const expected = await identify(singleFull.clients, probe, { topK: 20 });
      const actual = await identify(shardedFull.clients, probe, { topK: 20 });
      expect(actual.map((c) => c.recordId)).toEqual(expected.map((c) => c.recordId));
      for (const [i, c] of actual.entries()) expect(c.score).toBeCloseTo(expected[i]!.score, 9);
    }
  });

  it('finds the same mate with the default shortlist, sharded or not', async () => {
    for (const id of [2, 77, 198]) {
      const [expected] = await identify(single.clients, probeOf(id), { topK: 1 });
      const [actual] = await identify(sharded.clients, probeOf(id), { topK: 1 });
      expect(actual).toEqual(expected);
      expect(actual?.recordId).toBe(`R${id}`);
    }
  });

  it('searches every shard in parallel', async () => {
    let running = 0;
    let peak = 0;
    const slow = (shardId: string): ShardClient => ({
      shardId,
      search: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return [];
      },
    });
    await identify([slow('a'), slow('b'), slow('c')], probeOf(1), { topK: 1 });
    expect(peak).toBe(3);
  });

  it('fails the search when a shard fails, rather than answer from part of the gallery', async () => {
    const broken: ShardClient = { shardId: 'x', search: () => Promise.reject(new Error('shard down')) };
    await expect(identify([...sharded.clients, broken], probeOf(1), { topK: 1 })).rejects.toThrow(
      'shard down',
    );
  });

  it('merges per-shard lists into one top-k, best first', () => {
    const c = (recordId: string, score: number) => ({
      system: 'EES' as const,
      recordId,
      score,
      perModality: {},
    });
    const merged = mergeCandidates([[c('a', 5), c('b', 1)], [c('c', 3)], []], 2);
    expect(merged.map((x) => x.recordId)).toEqual(['a', 'c']);
  });
});

describe('shard placement', () => {
  it('fills the first shard with room and opens a new one when all are full', () => {
    expect(chooseShard([], 3, 10)).toBe(0);
    expect(chooseShard([8, 2], 3, 10)).toBe(1);
    expect(chooseShard([8, 9], 3, 10)).toBe(2);
    expect(chooseShard([7], 3, 10)).toBe(0);
  });
});
