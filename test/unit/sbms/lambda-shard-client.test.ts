import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { identify } from '../../../functions/sbms/domain/matcher';
import { ShardRuntime } from '../../../functions/sbms/domain/shard-runtime';
import {
  decodeProbe,
  encodeProbe,
  LambdaShardClient,
  shardFunctionName,
} from '../../../functions/sbms/lambda-shard-client';
import { createShardWorker } from '../../../functions/sbms/shard-worker';
import { config, enrolled, fusion, probeOf, recordOf } from './fixtures';

const PERSONS = 120;

/** A Lambda client that runs the invoked shard worker in process, through the JSON payload. */
function fakeLambda(worker: (event: unknown) => Promise<unknown>, invoked: string[] = []) {
  return {
    invoked,
    async send(command: InvokeCommand) {
      invoked.push(command.input.FunctionName!);
      const event = JSON.parse(new TextDecoder().decode(command.input.Payload as Uint8Array));
      try {
        const reply = await worker(event);
        return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(reply)) };
      } catch (error) {
        const payload = { errorMessage: (error as Error).message };
        return {
          StatusCode: 200,
          FunctionError: 'Unhandled',
          Payload: new TextEncoder().encode(JSON.stringify(payload)),
        };
      }
    },
  };
}

describe('Lambda shard fan-out', async () => {
  const world = await enrolled(PERSONS, 100);
  const started: string[] = [];
  const worker = createShardWorker({
    start: (shardId) => {
      started.push(shardId);
      return ShardRuntime.start(shardId, {
        config: { ...config, maxTemplatesPerShard: 100 },
        fusion,
        snapshots: world.snapshots,
        feed: world.store,
      });
    },
    residentShards: 1,
    snapshotAfterChanges: 1_000_000,
  });
  const lambda = fakeLambda(worker);
  const clients = world.store.shardIds.map((id) => new LambdaShardClient(lambda, 'sbms-shard', id));

  it('encodes a probe as base64 float32 and decodes it bit for bit', () => {
    const probe = probeOf(3);
    const decoded = decodeProbe(encodeProbe(probe));
    expect(Object.keys(decoded)).toEqual(Object.keys(probe));
    expect(Array.from(decoded.FACE!)).toEqual(Array.from(probe.FACE!));
  });

  it('returns the same candidates through shard workers as in process', async () => {
    expect(clients.length).toBeGreaterThan(1);
    for (const id of [0, 57, 119, PERSONS + 5]) {
      const expected = await identify(world.clients, probeOf(id), { topK: 10 });
      const actual = await identify(clients, probeOf(id), { topK: 10 });
      expect(actual).toEqual(expected);
    }
    expect((await identify(clients, probeOf(57), { topK: 1 }))[0]?.recordId).toBe('R57');
  });

  it('sees a template written after the worker loaded its shard (catch-up before each search)', async () => {
    world.store.put({ ...recordOf(PERSONS + 7), recordId: 'LATE' });
    const [best] = await identify(clients, probeOf(PERSONS + 7), { topK: 1 });
    expect(best?.recordId).toBe('LATE');
  });

  it('keeps at most the resident shards per container, saving a snapshot of the one it drops', async () => {
    const before = started.length;
    await identify(clients, probeOf(1), { topK: 1 });
    // one resident shard and a fan-out over several: each search reloads the others
    expect(started.length).toBeGreaterThan(before);
    expect(await world.snapshots.load(world.store.shardIds[0]!)).toBeDefined();
  });

  it('fails the search when a shard worker fails, and refuses a malformed event', async () => {
    const failing = new LambdaShardClient(
      fakeLambda(async () => {
        throw new Error('boom');
      }),
      'f',
      'shard-0000',
    );
    await expect(failing.search(probeOf(1), { topK: 1 })).rejects.toThrow(
      /shard-0000: shard worker failed \(Unhandled\)/,
    );
    await expect(worker({ shardId: '../x', probe: {}, options: { topK: 1 } })).rejects.toThrow(/shardId/);
    const wrongReply = new LambdaShardClient(
      fakeLambda(async () => ({ shardId: 'shard-9999', candidates: [] })),
      'f',
      'shard-0000',
    );
    await expect(wrongReply.search(probeOf(1), { topK: 1 })).rejects.toThrow(/unexpected/);
  });

  it('names one function per shard when the name holds {shard}', () => {
    expect(shardFunctionName('sbms-{shard}', 'shard-0003')).toBe('sbms-shard-0003');
    expect(shardFunctionName('sbms-shards', 'shard-0003')).toBe('sbms-shards');
  });
});
