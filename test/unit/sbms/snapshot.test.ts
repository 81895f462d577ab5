import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSnapshotStore } from '../../../functions/sbms/adapters/file-snapshot-store';
import { InMemorySnapshotStore } from '../../../functions/sbms/adapters/in-memory-snapshot-store';
import { InMemoryTemplateStore } from '../../../functions/sbms/adapters/in-memory-template-store';
import type { SnapshotStore } from '../../../functions/sbms/domain/ports';
import { ShardIndex } from '../../../functions/sbms/domain/shard-index';
import { ShardRuntime } from '../../../functions/sbms/domain/shard-runtime';
import { config, fusion, probeOf, recordOf, refOf } from './fixtures';

const PERSONS = 60;

async function coldStartScenario(snapshots: SnapshotStore) {
  const store = new InMemoryTemplateStore(config.maxTemplatesPerShard, 7);
  for (let id = 0; id < PERSONS; id++) store.put(recordOf(id));
  const [shardId] = store.shardIds;
  const first = await ShardRuntime.start(shardId!, { config, fusion, snapshots, feed: store });
  await first.saveSnapshot();

  store.delete(refOf(3));
  store.put(recordOf(4, 0, 700));
  store.put(recordOf(PERSONS));

  const restarted = await ShardRuntime.start(shardId!, { config, fusion, snapshots, feed: store });
  return { store, first, restarted };
}

describe('snapshot and cold start', () => {
  it('restores a shard from its snapshot and catches up from the feed, tombstones included', async () => {
    const snapshots = new InMemorySnapshotStore();
    const { first, restarted } = await coldStartScenario(snapshots);
    expect(first.unsavedChanges).toBe(0);
    expect(restarted.index.has(refOf(3))).toBe(false);
    expect(restarted.index.recordCount).toBe(PERSONS);
    const search = (id: number) => restarted.search(probeOf(id), { topK: 1 });
    expect((await search(3))[0]?.recordId).not.toBe('R3');
    expect((await search(700))[0]).toMatchObject(refOf(4));
    expect((await search(PERSONS))[0]).toMatchObject(refOf(PERSONS));
    expect((await search(10))[0]).toMatchObject(refOf(10));
  });

  it('makes a template written after start searchable by the next search', async () => {
    const snapshots = new InMemorySnapshotStore();
    const { store, restarted } = await coldStartScenario(snapshots);
    store.put(recordOf(PERSONS + 1));
    const [top] = await restarted.search(probeOf(PERSONS + 1), { topK: 1 });
    expect(top).toMatchObject(refOf(PERSONS + 1));
    store.delete(refOf(PERSONS + 1));
    const after = await restarted.search(probeOf(PERSONS + 1), { topK: 1 });
    expect(after[0]?.recordId).not.toBe(`R${PERSONS + 1}`);
  });

  it('gives the same answers after a save/load round trip', async () => {
    const index = new ShardIndex('s', config, fusion);
    for (let id = 0; id < 30; id++) index.upsert(recordOf(id));
    index.remove(refOf(7));
    index.watermark = '000000000042';
    const copy = ShardIndex.deserialize(index.serialize(), config, fusion);
    expect(copy.watermark).toBe('000000000042');
    for (const id of [0, 7, 29]) {
      expect(copy.search(probeOf(id), { topK: 5 })).toEqual(index.search(probeOf(id), { topK: 5 }));
    }
    copy.upsert(recordOf(99));
    expect(copy.search(probeOf(99), { topK: 1 })[0]).toMatchObject(refOf(99));
  });

  it('refuses a snapshot built with other index settings', () => {
    const index = new ShardIndex('s', config, fusion);
    index.upsert(recordOf(1));
    const other = { ...config, rotationSeed: config.rotationSeed + 1 };
    expect(() => ShardIndex.deserialize(index.serialize(), other, fusion)).toThrow(/other index settings/);
  });

  it('rebuilds a shard from its feed when its snapshot is of an older format or other settings', async () => {
    const snapshots = new InMemorySnapshotStore();
    const store = new InMemoryTemplateStore(config.maxTemplatesPerShard, 7);
    for (let id = 0; id < 20; id++) store.put(recordOf(id));
    const [shardId] = store.shardIds;
    const first = await ShardRuntime.start(shardId!, { config, fusion, snapshots, feed: store });
    await first.saveSnapshot();
    const other = { ...config, rotationSeed: config.rotationSeed + 1 };
    const rebuilt = await ShardRuntime.start(shardId!, { config: other, fusion, snapshots, feed: store });
    expect(rebuilt.index.recordCount).toBe(20);
    expect((await rebuilt.search(probeOf(5), { topK: 1 }))[0]).toMatchObject(refOf(5));
    const older = (await snapshots.load(shardId!))!.slice();
    const headerLength = new DataView(older.buffer).getUint32(4);
    const header = new TextDecoder()
      .decode(older.subarray(8, 8 + headerLength))
      .replace('"format":2', '"format":1');
    older.set(new TextEncoder().encode(header), 8);
    await snapshots.save(shardId!, older, undefined);
    const fromOlder = await ShardRuntime.start(shardId!, { config, fusion, snapshots, feed: store });
    expect(fromOlder.index.recordCount).toBe(20);
  });

  it('persists snapshots as files', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sbms-'));
    try {
      const { restarted } = await coldStartScenario(new FileSnapshotStore(directory));
      expect(restarted.index.recordCount).toBe(PERSONS);
      expect(await new FileSnapshotStore(directory).load('missing')).toBeUndefined();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
