import type { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchGetItems } from '../../../functions/shared/batch-get';

type Key = { pk: string };

/** A document client whose table holds `stored` and leaves the first `throttled` keys of each request unprocessed once. */
function fakeClient(stored: ReadonlySet<string>, throttled: number) {
  const requests: { keys: string[]; options: Record<string, unknown> }[] = [];
  const retried = new Set<string>();
  const client = {
    async send(command: BatchGetCommand) {
      const { Keys, ...options } = command.input.RequestItems!.T!;
      const keys = (Keys as Key[]).map((key) => key.pk);
      requests.push({ keys, options });
      const fresh = keys.filter((key) => !retried.has(key));
      const unprocessed = fresh.slice(0, throttled);
      for (const key of unprocessed) retried.add(key);
      const served = keys.filter((key) => !unprocessed.includes(key));
      return {
        Responses: {
          T: served.filter((key) => stored.has(key)).map((pk) => ({ pk, value: pk.toUpperCase() })),
        },
        UnprocessedKeys: unprocessed.length ? { T: { Keys: unprocessed.map((pk) => ({ pk })) } } : {},
      };
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, requests };
}

describe('batchGetItems', () => {
  it('splits keys into requests of 100 and returns every stored item once', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const stored = new Set(keys.filter((_, i) => i % 5 !== 0));
    const { client, requests } = fakeClient(stored, 0);
    const items = await batchGetItems(
      client,
      'T',
      keys.map((pk) => ({ pk })),
      { ConsistentRead: true },
    );
    expect(requests.map((request) => request.keys.length)).toEqual([100, 100, 50]);
    expect(requests.every((request) => request.options.ConsistentRead === true)).toBe(true);
    expect(items.map((item) => item.pk).sort()).toEqual([...stored].sort());
  });

  it('reads a key given twice once (DynamoDB refuses duplicate keys in one request)', async () => {
    const { client, requests } = fakeClient(new Set(['a', 'b']), 0);
    const items = await batchGetItems(client, 'T', [{ pk: 'a' }, { pk: 'b' }, { pk: 'a' }]);
    expect(requests.map((request) => request.keys)).toEqual([['a', 'b']]);
    expect(items.map((item) => item.pk).sort()).toEqual(['a', 'b']);
  });

  it('repeats unprocessed keys until they are read', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `k${i}`);
    const { client, requests } = fakeClient(new Set(keys), 7);
    const items = await batchGetItems(
      client,
      'T',
      keys.map((pk) => ({ pk })),
    );
    expect(items).toHaveLength(120);
    expect(new Set(items.map((item) => item.pk)).size).toBe(120);
    // two chunks, each retried once for its 7 unprocessed keys
    expect(requests.map((request) => request.keys.length).sort((a, b) => a - b)).toEqual([7, 7, 20, 100]);
  });

  it('sends nothing for no keys', async () => {
    const { client, requests } = fakeClient(new Set(), 0);
    expect(await batchGetItems(client, 'T', [])).toEqual([]);
    expect(requests).toEqual([]);
  });
});
