import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoTemplateFeed, FEED_OVERLAP_MS } from '../../../functions/sbms/template-feed';

/** A gsi2 that holds two old deletions and answers every Query with those after `:after`. */
function fakeGsi2() {
  const items = [
    { gsi2sk: '2024-01-01T00:00:00.000Z#FILE#EES#a', system: 'EES', recordId: 'a', deleted: true },
    { gsi2sk: '2024-01-01T00:00:01.000Z#FILE#EES#b', system: 'EES', recordId: 'b', deleted: true },
  ];
  const bounds: (string | undefined)[] = [];
  const client = {
    async send(command: { input: { ExpressionAttributeValues: Record<string, string> } }) {
      const after = command.input.ExpressionAttributeValues[':after'];
      bounds.push(after);
      return { Items: items.filter((item) => !after || item.gsi2sk > after) };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, bounds };
}

describe('template feed catch-up', () => {
  it('re-reads the overlap window only until a complete read has settled it', async () => {
    const { client, bounds } = fakeGsi2();
    const feed = new DynamoTemplateFeed(client, 'Cir');
    const first = await feed.changesSince('shard-0000', undefined);
    expect(first.changes).toHaveLength(2);
    const before = Date.now();
    const second = await feed.changesSince('shard-0000', first.watermark);
    // the watermark is old: without settling, the last 2 s before it would be read again
    expect(second.changes).toHaveLength(0);
    expect(Date.parse(bounds[1]!)).toBeGreaterThan(before - FEED_OVERLAP_MS - 1000);
  });

  it('falls back to the overlap for a caller at another watermark (a shard reloaded from a snapshot)', async () => {
    const { client, bounds } = fakeGsi2();
    const feed = new DynamoTemplateFeed(client, 'Cir');
    const first = await feed.changesSince('shard-0000', undefined);
    const older = '2024-01-01T00:00:00.000Z#FILE#EES#a';
    const reloaded = await feed.changesSince('shard-0000', older);
    expect(bounds[1]).toBe('2023-12-31T23:59:58.000Z');
    expect(reloaded.changes.map((c) => (c.kind === 'delete' ? c.recordId : ''))).toEqual(['a', 'b']);
    expect(reloaded.watermark).toBe(first.watermark);
  });
});
