import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { AUDIT_PARTITIONS, AUDIT_RETENTION_DAYS } from '../../lib/resources';
import { decodePageCursorWhere, encodePageCursor, matchesKeySchema } from '../shared/page-cursor';
import { queryAll } from '../shared/query-all';
import type { AuditQuery, DayRange } from '../shared/schemas/audit';
import { type AnchoredFacts, type AnchoredHead, contradictedAnchor } from './domain/anchor';
import { type ChainHead, type ChainProblem, chainEntry, genesisHash, verifyChain } from './domain/chain';
import type { AuditEntryInput, ChainedAuditEntry } from './domain/entry';
import type { LogHold } from './domain/hold';
import type { AuditLog, AuditReader } from './domain/ports';

const DAY_MS = 86_400_000;
const MAX_APPEND_ATTEMPTS = 20;
const CHAIN_REGISTRY = 'CHAINS';
const HOLDS = 'HOLDS';

/** Audit log over DynamoDB: append-only hash chains, one per day and partition. */
export class DynamoAuditLog implements AuditLog, AuditReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(input: AuditEntryInput): Promise<void> {
    await this.appendEntry(input);
  }

  /**
   * Appends the entry unless an entry was appended under `key` before (then returns false): one entry
   * for an event that may be handled more than once at the same time, such as a MID check whose
   * message two consumers received. The key is written in the entry's transaction, so of two
   * concurrent appends exactly one commits, and no chain gets an entry it must not have.
   */
  async appendOnce(key: string, input: AuditEntryInput): Promise<boolean> {
    return this.appendEntry(input, key);
  }

  private async appendEntry(input: AuditEntryInput, onceKey?: string): Promise<boolean> {
    const day = input.timestamp.slice(0, 10);
    const expiresAt = retentionEnd(day);
    for (let attempt = 1; ; attempt++) {
      // A conflict means another request appended to the same chain: retry on another one.
      const chain = `${day}#${chainIndex(input.requestId, attempt)}`;
      const head = await this.head(chain);
      const entry = chainEntry(input, chain, head.seq + 1, head.hash);
      try {
        await this.client.send(
          new TransactWriteCommand({ TransactItems: this.appendItems(entry, head, expiresAt, onceKey) }),
        );
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // The key item is the transaction's first item: its condition failed when the key exists.
        if (onceKey && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
        if (attempt >= MAX_APPEND_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  private appendItems(entry: ChainedAuditEntry, head: ChainHead, expiresAt: number, onceKey?: string) {
    const pk = `CHAIN#${entry.chain}`;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      ...(onceKey
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: `ONCE#${onceKey}`, sk: 'ONCE', chain: entry.chain, seq: entry.seq, expiresAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : []),
      {
        Put: {
          TableName: this.tableName,
          Item: {
            pk,
            sk: `E#${String(entry.seq).padStart(12, '0')}`,
            gsi1pk: `DAY#${entry.timestamp.slice(0, 10)}`,
            gsi1sk: `${entry.timestamp}#${entry.requestId}`,
            gsi2pk: `USER#${entry.userId}`,
            gsi2sk: `${entry.timestamp}#${entry.requestId}`,
            expiresAt,
            entry,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { pk, sk: 'HEAD', seq: entry.seq, hash: entry.hash, expiresAt },
          ConditionExpression: head.seq === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq',
          ExpressionAttributeValues: head.seq === 0 ? undefined : { ':seq': head.seq },
        },
      },
    ];
    if (head.seq === 0) {
      items.push({
        Put: { TableName: this.tableName, Item: { pk: CHAIN_REGISTRY, sk: entry.chain, expiresAt } },
      });
    }
    return items;
  }

  private async head(chain: string): Promise<ChainHead> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `CHAIN#${chain}`, sk: 'HEAD' },
        ConsistentRead: true,
      }),
    );
    const item = result.Item as { seq: number; hash: string } | undefined;
    return item ? { seq: item.seq, hash: item.hash } : { seq: 0, hash: genesisHash(chain) };
  }

  async list(
    query: AuditQuery,
    remit: { memberState?: string } = {},
  ): Promise<{ entries: ChainedAuditEntry[]; cursor?: string }> {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString().slice(0, 10);
    const filterExpressions: string[] = [];
    const filterValues: Record<string, string> = {};
    if (query.authority) {
      filterExpressions.push('#entry.#authority = :authority');
      filterValues[':authority'] = query.authority;
    }
    if (query.action) {
      filterExpressions.push('#entry.#action = :action');
      filterValues[':action'] = query.action;
    }
    if (remit.memberState) {
      filterExpressions.push('#entry.#memberState = :memberState');
      filterValues[':memberState'] = remit.memberState;
    }
    const entries: ChainedAuditEntry[] = [];
    const partitions: ListPartition[] = query.userId
      ? [{ index: 'gsi2', key: 'gsi2pk', value: `USER#${query.userId}`, sortKey: 'gsi2sk' }]
      : daysDescending(from, to).map((d) => ({
          index: 'gsi1',
          key: 'gsi1pk',
          value: `DAY#${d}`,
          sortKey: 'gsi1sk',
        }));
    const sortKeyRange = { from, to: `${to}\uffff` };
    const position = query.cursor
      ? decodePageCursorWhere<Cursor>(query.cursor, (cursor) =>
          isPositionIn(cursor, partitions, sortKeyRange),
        )
      : undefined;
    const startAt = position ? partitions.findIndex((p) => p.value === position.partition) : 0;
    for (let i = startAt; i < partitions.length; i++) {
      const partition = partitions[i]!;
      let exclusiveStartKey = i === startAt ? position?.lastKey : undefined;
      do {
        const result = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: partition.index,
            KeyConditionExpression: `#pk = :pk AND #sk BETWEEN :from AND :to`,
            FilterExpression: filterExpressions.length ? filterExpressions.join(' AND ') : undefined,
            ExpressionAttributeNames: {
              '#pk': partition.key,
              '#sk': partition.sortKey,
              // action and others are reserved words in DynamoDB expressions: always go through names
              ...(filterExpressions.length ? { '#entry': 'entry' } : {}),
              ...(query.authority ? { '#authority': 'authority' } : {}),
              ...(query.action ? { '#action': 'action' } : {}),
              ...(remit.memberState ? { '#memberState': 'memberState' } : {}),
            },
            ExpressionAttributeValues: {
              ':pk': partition.value,
              ':from': sortKeyRange.from,
              ':to': sortKeyRange.to,
              ...filterValues,
            },
            ScanIndexForward: false,
            Limit: query.limit - entries.length,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        for (const item of result.Items ?? []) entries.push((item as { entry: ChainedAuditEntry }).entry);
        exclusiveStartKey = result.LastEvaluatedKey;
        if (entries.length >= query.limit) {
          const next = exclusiveStartKey
            ? { partition: partition.value, lastKey: exclusiveStartKey }
            : partitions[i + 1]
              ? { partition: partitions[i + 1]!.value }
              : undefined;
          return { entries, cursor: next ? encodePageCursor(next) : undefined };
        }
      } while (exclusiveStartKey);
    }
    return { entries };
  }

  async placeHold(hold: LogHold): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: HOLDS, sk: hold.holdId, hold },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async holds(): Promise<LogHold[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': HOLDS },
      ConsistentRead: true,
    });
    return items.map((item) => item.hold as LogHold);
  }

  /**
   * Moves the expiry (TTL) of every item of the held days' chains, and of their registry items, to
   * the end of the hold where it is earlier; only `expiresAt` changes, so the chains still verify.
   * Resumable: items already extended are skipped. Stops once `deadline` (epoch ms) has passed.
   */
  async applyHolds(
    now: Date,
    deadline = Number.POSITIVE_INFINITY,
  ): Promise<{ extended: number; done: boolean }> {
    let extended = 0;
    const today = now.toISOString().slice(0, 10);
    for (const hold of await this.holds()) {
      if (hold.until <= today) continue;
      const keepUntil = Math.floor(Date.parse(hold.until) / 1000) + DAY_MS / 1000;
      for (const registry of await this.registry({ from: hold.from, to: hold.to })) {
        const items = [registry, ...(await this.queryAll({ pk: `CHAIN#${registry.sk as string}` }))].filter(
          (item) => typeof item.expiresAt === 'number' && (item.expiresAt as number) < keepUntil,
        );
        for (const item of items) {
          if (Date.now() > deadline) return { extended, done: false };
          await this.client
            .send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: { pk: item.pk, sk: item.sk },
                UpdateExpression: 'SET expiresAt = :until',
                ConditionExpression: 'attribute_exists(pk) AND expiresAt < :until',
                ExpressionAttributeValues: { ':until': keepUntil },
              }),
            )
            .catch((error: unknown) => {
              if (!(error instanceof ConditionalCheckFailedException)) throw error;
            });
          extended++;
        }
      }
    }
    return { extended, done: true };
  }

  /** The head of every chain the registry holds for `day`, read consistently (what the signer anchors). */
  async chainHeads(day: string): Promise<AnchoredHead[]> {
    const registry = await this.registry({ from: day, to: day });
    return Promise.all(
      registry.map(async (item) => {
        const chain = item.sk as string;
        const head = await this.head(chain);
        return { chain, seq: head.seq, hash: head.hash };
      }),
    );
  }

  /** The names of every chain in the registry. */
  async registeredChains(): Promise<string[]> {
    return (await this.registry()).map((item) => item.sk as string);
  }

  private registry(days?: DayRange): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: days ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': CHAIN_REGISTRY,
        ...(days ? { ':from': `${days.from}#`, ':to': `${days.to}#~` } : {}),
      },
      ConsistentRead: true,
    });
  }

  /**
   * Every chain of `days` (all days when absent) against its head and, given the anchored heads, against
   * those: the registry and the anchors together name the chains, so a registry item deleted, or its
   * expiry moved before the chain's retention end, is found as well as an entry removed or rewritten.
   */
  async verifyAll(onProgress?: (chainsDone: number) => void, days?: DayRange, anchored?: AnchoredFacts) {
    const registered = new Map(
      (await this.registry(days)).map((item) => [item.sk as string, item.expiresAt as number | undefined]),
    );
    const anchoredChains = [...(anchored?.heads.keys() ?? [])].filter(
      (chain) => !days || (chain.slice(0, 10) >= days.from && chain.slice(0, 10) <= days.to),
    );
    const chains = [...new Set([...registered.keys(), ...anchoredChains])].sort();
    const problems: ChainProblem[] = [];
    let entryCount = 0;
    const nowSeconds = Date.now() / 1000;
    let done = 0;
    for (const chain of chains) {
      const retainedUntil = retentionEnd(chain.slice(0, 10));
      const registeredUntil = registered.get(chain);
      if (!registered.has(chain) && retainedUntil > nowSeconds) {
        problems.push({ chain, seq: 0, problem: 'registry-missing' });
      }
      if (registeredUntil !== undefined && registeredUntil < retainedUntil) {
        problems.push({ chain, seq: 0, problem: 'registry-expiry-altered' });
      }
      // A chain past its retention (and any hold) is being removed by TTL, entry by entry: not tampering.
      const keptUntil = registered.has(chain)
        ? Math.max(retainedUntil, registeredUntil ?? Number.POSITIVE_INFINITY)
        : retainedUntil;
      if (keptUntil <= nowSeconds) continue;
      const items = await this.queryAll({ pk: `CHAIN#${chain}` });
      const head = items.find((item) => item.sk === 'HEAD') as { seq: number; hash: string } | undefined;
      const entries = items
        .filter((item) => String(item.sk).startsWith('E#'))
        .map((item) => item.entry as ChainedAuditEntry);
      entryCount += entries.length;
      problems.push(...verifyChain(chain, entries, head ?? { seq: 0, hash: genesisHash(chain) }));
      const contradicted = contradictedAnchor(
        anchored?.heads.get(chain) ?? [],
        new Map(entries.map((entry) => [entry.seq, entry.hash])),
      );
      if (contradicted) problems.push({ chain, seq: contradicted.seq, problem: 'anchor-mismatch' });
      onProgress?.(++done);
    }
    return { chains: chains.length, entries: entryCount, problems };
  }

  private queryAll(key: { pk: string }): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': key.pk },
      ConsistentRead: true,
    });
  }
}

/** When the items of a day's chains expire (TTL, epoch seconds): a year after the day, plus the day itself. */
export function retentionEnd(day: string): number {
  return Math.floor((Date.parse(day) + (AUDIT_RETENTION_DAYS + 1) * DAY_MS) / 1000);
}

function chainIndex(requestId: string, attempt: number): number {
  const digest = createHash('sha1').update(`${requestId}#${attempt}`).digest('hex');
  return Number.parseInt(digest.slice(0, 8), 16) % AUDIT_PARTITIONS;
}

function daysDescending(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(to); t >= Date.parse(from) && days.length <= 400; t -= DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

interface Cursor {
  partition: string;
  lastKey?: Record<string, unknown>;
}

interface ListPartition {
  index: string;
  key: string;
  value: string;
  sortKey: string;
}

/** A cursor of this listing: one of the query's partitions, and a key of that index within the date range. */
function isPositionIn(
  cursor: Record<string, unknown>,
  partitions: readonly ListPartition[],
  range: { from: string; to: string },
): boolean {
  const partition = partitions.find((p) => p.value === cursor.partition);
  const extra = Object.keys(cursor).filter((name) => name !== 'partition' && name !== 'lastKey');
  if (!partition || extra.length) return false;
  if (cursor.lastKey === undefined) return true;
  const lastKey = cursor.lastKey;
  return (
    typeof lastKey === 'object' &&
    lastKey !== null &&
    !Array.isArray(lastKey) &&
    matchesKeySchema(lastKey as Record<string, unknown>, {
      partition: { [partition.key]: partition.value },
      keys: ['pk', 'sk', partition.sortKey],
      range: { attribute: partition.sortKey, ...range },
    })
  );
}
