import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { filePk } from '../cir/store';
import { batchGetItems } from '../shared/batch-get';
import { decodePageCursor, encodePageCursor } from '../shared/page-cursor';
import { VersionConflict } from './domain/errors';
import type { LinkRepository, LinkWrite, YellowPage } from './domain/link-repository';
import { type Link, linkIdFor } from './domain/links';
import type { RecordRef } from './domain/types';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB allows 100 items per transaction; a larger batch is refused rather than split. */
const MAX_TRANSACTION_ITEMS = 100;

const linkKey = (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'LINK' });

/**
 * Links over DynamoDB (LINKS_TABLE in lib/resources.ts): one item per link holding the identity
 * confirmation file, one membership item per linked file, and the yellow queue as a sparse GSI.
 * `outbox` adds items to each change's transaction (the notifications' outbox, functions/rights/notifier.ts).
 */
export class DynamoLinkRepository implements LinkRepository {
  private readonly outbox: (writes: readonly LinkWrite[]) => TransactItem[];
  private readonly linkIdKey?: string;

  /**
   * `linkIdKey` (LINK_ID_KEY) is needed only to name new links (the MID check); readers and the
   * deletion cascade work with the stored ids.
   */
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: { outbox?: (writes: readonly LinkWrite[]) => TransactItem[]; linkIdKey?: string } = {},
  ) {
    this.outbox = options.outbox ?? (() => []);
    this.linkIdKey = options.linkIdKey;
  }

  idFor(a: RecordRef, b: RecordRef): string {
    if (!this.linkIdKey) throw new Error('function configuration incomplete: LINK_ID_KEY');
    return linkIdFor(a, b, this.linkIdKey);
  }

  async get(linkId: string): Promise<Link | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: linkKey(linkId), ConsistentRead: true }),
    );
    return (result.Item?.link as Link | undefined) ?? undefined;
  }

  async listByRecord(ref: RecordRef): Promise<Link[]> {
    const ids: string[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': filePk(ref), ':prefix': 'LINK#' },
          ConsistentRead: true,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      for (const item of result.Items ?? []) ids.push((item.sk as string).slice('LINK#'.length));
      exclusiveStartKey = result.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return this.getMany(ids);
  }

  private async getMany(ids: string[]): Promise<Link[]> {
    const items = await batchGetItems(this.client, this.tableName, ids.map(linkKey), {
      ConsistentRead: true,
    });
    return items.map((item) => item.link as Link).sort((a, b) => (a.linkId < b.linkId ? -1 : 1));
  }

  async listYellowByAuthority(
    authority: string,
    page: { limit: number; cursor?: string },
  ): Promise<YellowPage> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :queue',
        ExpressionAttributeValues: { ':queue': queueKey(authority) },
        Limit: page.limit,
        ExclusiveStartKey: page.cursor
          ? decodePageCursor(page.cursor, {
              partition: { gsi1pk: queueKey(authority) },
              keys: ['pk', 'sk', 'gsi1sk'],
            })
          : undefined,
      }),
    );
    return {
      links: (result.Items ?? []).map((item) => item.link as Link),
      nextCursor: result.LastEvaluatedKey ? encodePageCursor(result.LastEvaluatedKey) : undefined,
    };
  }

  async write(writes: readonly LinkWrite[]): Promise<void> {
    if (!writes.length) return;
    const deleted = await this.getMany(writes.filter((w) => w.kind === 'delete').map((w) => w.linkId));
    const recordsOf = new Map(deleted.map((link) => [link.linkId, link.records]));
    const items = [...writes.flatMap((write) => this.itemsFor(write, recordsOf)), ...this.outbox(writes)];
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`a link change of ${items.length} items exceeds one transaction`);
    }
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
      const write = writes[Math.max(0, failedWriteIndex(writes, failed))]!;
      const linkId = write.kind === 'put' ? write.link.linkId : write.linkId;
      throw new VersionConflict(linkId, write.expectedVersion, (await this.get(linkId))?.version);
    }
  }

  private itemsFor(write: LinkWrite, recordsOf: Map<string, Link['records']>): TransactItem[] {
    const condition =
      write.expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': write.expectedVersion },
          };
    if (write.kind === 'delete') {
      return [
        { Delete: { TableName: this.tableName, Key: linkKey(write.linkId), ...condition } },
        ...(recordsOf.get(write.linkId) ?? []).map((ref) => this.membershipDelete(ref, write.linkId)),
      ];
    }
    const { link } = write;
    const yellow = link.colour === 'yellow';
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...linkKey(link.linkId),
            version: link.version,
            link,
            ...(yellow
              ? {
                  gsi1pk: queueKey(link.responsibleAuthority),
                  gsi1sk: `${link.yellowSince ?? link.updatedAt}#${link.linkId}`,
                }
              : {}),
          },
          ...condition,
        },
      },
    ];
    if (write.expectedVersion === 0) {
      for (const ref of link.records) {
        items.push({
          Put: { TableName: this.tableName, Item: { pk: filePk(ref), sk: `LINK#${link.linkId}` } },
        });
      }
    }
    return items;
  }

  private membershipDelete(ref: RecordRef, linkId: string): TransactItem {
    return { Delete: { TableName: this.tableName, Key: { pk: filePk(ref), sk: `LINK#${linkId}` } } };
  }
}

const queueKey = (authority: string) => `QUEUE#${authority}#yellow`;

/** Maps the index of the failed transaction item back to the write it came from. */
function failedWriteIndex(writes: readonly LinkWrite[], itemIndex: number): number {
  let offset = 0;
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const size = write.expectedVersion === 0 || write.kind === 'delete' ? 3 : 1;
    if (itemIndex < offset + size) return i;
    offset += size;
  }
  return 0;
}
