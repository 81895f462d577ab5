import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { filePk, templatesOfItem } from '../cir/store';
import type { RecordRef } from '../mid/domain/types';
import type { FeedPage, TemplateFeed, TemplateLookup } from './domain/ports';
import type { TemplateChange } from './domain/shard-index';
import type { TemplateRecord } from './domain/types';

/**
 * Each catch-up re-reads the last moments before the watermark: a write stamped by a slightly
 * slower clock, or still on its way into the GSI, would otherwise be skipped for good. Re-applying
 * a change is harmless (an upsert replaces, a delete repeats), and the GSI holds each file's latest
 * state only. Writes later than this window are picked up by the next snapshot rebuild.
 */
export const FEED_OVERLAP_MS = 2000;
const MAX_CHANGES_PER_PAGE = 500;

/** The template changes of a shard, read from the CIR's gsi2 (BIO items and tombstones, in time order). */
export class DynamoTemplateFeed implements TemplateFeed, TemplateLookup {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Per shard: a position before which every change has been read by a complete catch-up that
   * started more than FEED_OVERLAP_MS after it, so it need not be re-read. Without it, an idle
   * gallery would re-read the last writes' overlap window on every search (a constant cost per
   * search, paid in read units on the whole BIO items of gsi2). Used only by a caller continuing
   * from the watermark this feed returned (a shard reloaded from an older snapshot is not).
   */
  private readonly settled = new Map<string, { watermark: string | undefined; position: string }>();

  async changesSince(shardId: string, watermark: string | undefined): Promise<FeedPage> {
    const startedAt = Date.now();
    const overlapBound = watermark ? shiftWatermark(watermark, -FEED_OVERLAP_MS) : undefined;
    const known = this.settled.get(shardId);
    const settled = known && known.watermark === watermark ? known.position : undefined;
    const lowerBound = settled && (!overlapBound || settled > overlapBound) ? settled : overlapBound;
    const changes: TemplateChange[] = [];
    let newest = watermark;
    let beyond = 0;
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: lowerBound ? 'gsi2pk = :shard AND gsi2sk > :after' : 'gsi2pk = :shard',
          ExpressionAttributeValues: {
            ':shard': `SHARD#${shardId}`,
            ...(lowerBound ? { ':after': lowerBound } : {}),
          },
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      for (const item of result.Items ?? []) {
        changes.push(toChange(item));
        const position = item.gsi2sk as string;
        if (!newest || position > newest) newest = position;
        if (!watermark || position > watermark) beyond++;
      }
      exclusiveStartKey = result.LastEvaluatedKey;
    } while (exclusiveStartKey && beyond < MAX_CHANGES_PER_PAGE);
    const more = exclusiveStartKey !== undefined;
    if (!more) {
      const nowSettled = new Date(startedAt - FEED_OVERLAP_MS).toISOString();
      const position = settled && settled > nowSettled ? settled : nowSettled;
      this.settled.set(shardId, { watermark: newest, position });
    }
    return { changes, watermark: newest, more };
  }

  async get(ref: RecordRef): Promise<TemplateRecord | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: filePk(ref), sk: 'BIO' },
        ConsistentRead: true,
      }),
    );
    if (!result.Item || result.Item.deleted) return undefined;
    return { system: ref.system, recordId: ref.recordId, templates: templatesOfItem(result.Item) };
  }
}

function toChange(item: Record<string, unknown>): TemplateChange {
  const system = item.system as RecordRef['system'];
  const recordId = item.recordId as string;
  if (item.deleted) return { kind: 'delete', system, recordId };
  return { kind: 'upsert', record: { system, recordId, templates: templatesOfItem(item) } };
}

/** Watermarks are `{ISO time}#{pk}` (the gsi2 sort key), so shifting moves the time part only. */
function shiftWatermark(watermark: string, ms: number): string | undefined {
  const time = Date.parse(watermark.slice(0, 24));
  return Number.isNaN(time) ? undefined : new Date(time + ms).toISOString();
}
