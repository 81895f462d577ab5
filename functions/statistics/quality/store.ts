import { createHash, createHmac } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IndividualFile } from '../../cir/domain/individual-file';
import { type FileChangeItems, filePk, type TransactItem } from '../../cir/store';
import type { RecordRef } from '../../mid/domain/types';
import { dynamo } from '../../shared/clients';
import { loadConfig } from '../../shared/config';
import { queryAll } from '../../shared/query-all';
import { ORIGIN_SYSTEMS, type OriginSystem } from '../../shared/systems';
import {
  type Counts,
  contributionOf,
  duplicateHolders,
  MEASURES,
  type Measure,
  type QualityContribution,
} from './indicators';
import type { QualityCounterItem, QualityReader } from './report';

/** Counter items per system, Member State and month: concurrent writes rarely touch the same one. */
export const COUNTER_SHARDS = 8;
const QUALITY_SK = 'QUALITY';

/**
 * Data-quality counting (Art 37) inside the CIR's write transaction (`FileChangeItems`): the
 * contribution of the file's previous version (read from its `QUALITY` item in the CIR table) is
 * subtracted and the new one added, in the same transaction as the file itself. A retried or
 * duplicated write never reaches the transaction (the CIR answers it as unchanged or stale), and a
 * write that loses a race is re-read and recomputed: each version is counted exactly once.
 *
 * Items (none holds a record id, name or document number in clear):
 * - STATISTICS_TABLE `DQ#{system}` / `{memberState}#{month}#{shard}`: net changes of every measure
 *   in that month (UpdateItem ADD, like every other counter: writers cannot read or delete there);
 * - CIR_TABLE `FILE#{system}#{recordId}` / `QUALITY`: the file's contribution as counted;
 * - CIR_TABLE `DQDOC#{system}#{hmac}` / `DOC`: how many files of the system hold one document, per
 *   Member State (`holders`), read and rewritten conditioned on its revision; the HMAC key is
 *   DATA_QUALITY_KEY, so the item cannot be linked to a document number without it.
 */
export class DynamoQualityCounting {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly cirTable: string,
    private readonly statisticsTable: string,
    private readonly documentKey: string,
  ) {}

  readonly changeItems: FileChangeItems = async (ref, after, at) => {
    const previous = await this.storedContribution(ref);
    const next = after ? this.contribution(after, at) : undefined;
    if (!previous && !next) return [];
    const deltas = new Deltas();
    if (previous) deltas.add(previous.memberState, previous.counts, -1);
    if (next) deltas.add(next.memberState, next.counts, 1);
    const documentItems = await this.documentChanges(ref.system, previous, next, deltas);
    const month = at.slice(0, 7);
    const shard = shardOf(ref.recordId);
    return [
      next
        ? {
            Put: {
              TableName: this.cirTable,
              Item: { pk: filePk(ref), sk: QUALITY_SK, ...next },
            },
          }
        : { Delete: { TableName: this.cirTable, Key: { pk: filePk(ref), sk: QUALITY_SK } } },
      ...documentItems,
      ...deltas
        .entries()
        .map(([memberState, counts]) => this.counterUpdate(ref.system, memberState, month, shard, counts)),
    ];
  };

  private contribution(file: IndividualFile, at: string): QualityContribution {
    const contribution = contributionOf(file, at);
    return {
      ...contribution,
      documents: contribution.documents.map((document) =>
        createHmac('sha256', this.documentKey).update(`${file.system}|${document}`).digest('base64url'),
      ),
    };
  }

  /** What the CIR keeps beside a file: its contribution as counted, documents as keyed hashes. */
  private async storedContribution(ref: RecordRef): Promise<QualityContribution | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.cirTable,
        Key: { pk: filePk(ref), sk: QUALITY_SK },
        ConsistentRead: true,
      }),
    );
    return Item as QualityContribution | undefined;
  }

  /**
   * The document items whose holders change, each conditioned on the revision read; the change of
   * `duplicateDocuments` per Member State goes into `deltas`.
   */
  private async documentChanges(
    system: OriginSystem,
    previous: QualityContribution | undefined,
    next: QualityContribution | undefined,
    deltas: Deltas,
  ): Promise<TransactItem[]> {
    const documents = [...new Set([...(previous?.documents ?? []), ...(next?.documents ?? [])])];
    const items = await Promise.all(
      documents.map(async (document): Promise<TransactItem | undefined> => {
        const key = { pk: `DQDOC#${system}#${document}`, sk: 'DOC' };
        const { Item } = await this.client.send(
          new GetCommand({ TableName: this.cirTable, Key: key, ConsistentRead: true }),
        );
        const before = (Item?.holders as Record<string, number> | undefined) ?? {};
        const after = { ...before };
        if (previous?.documents.includes(document))
          after[previous.memberState] = (after[previous.memberState] ?? 1) - 1;
        if (next?.documents.includes(document)) after[next.memberState] = (after[next.memberState] ?? 0) + 1;
        for (const [memberState, n] of Object.entries(after)) if (n <= 0) delete after[memberState];
        if (sameCounts(before, after)) return undefined;
        for (const [memberState, n] of Object.entries(duplicateHolders(before))) {
          deltas.add(memberState, { duplicateDocuments: n }, -1);
        }
        for (const [memberState, n] of Object.entries(duplicateHolders(after))) {
          deltas.add(memberState, { duplicateDocuments: n }, 1);
        }
        const revision = Item?.revision as number | undefined;
        const condition =
          revision === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'revision = :revision',
                ExpressionAttributeValues: { ':revision': revision },
              };
        if (Object.keys(after).length === 0) {
          return { Delete: { TableName: this.cirTable, Key: key, ...condition } };
        }
        return {
          Put: {
            TableName: this.cirTable,
            Item: { ...key, holders: after, revision: (revision ?? 0) + 1 },
            ...condition,
          },
        };
      }),
    );
    return items.filter((item): item is TransactItem => item !== undefined);
  }

  private counterUpdate(
    system: OriginSystem,
    memberState: string,
    month: string,
    shard: number,
    counts: Counts,
  ): TransactItem {
    const measures = Object.keys(counts) as Measure[];
    return {
      Update: {
        TableName: this.statisticsTable,
        Key: { pk: `DQ#${system}`, sk: `${memberState}#${month}#${shard}` },
        UpdateExpression: `SET memberState = :ms, #month = :month ADD ${measures.map((_, i) => `#m${i} :m${i}`).join(', ')}`,
        ExpressionAttributeNames: {
          '#month': 'month',
          ...Object.fromEntries(measures.map((measure, i) => [`#m${i}`, measure])),
        },
        ExpressionAttributeValues: {
          ':ms': memberState,
          ':month': month,
          ...Object.fromEntries(measures.map((measure, i) => [`:m${i}`, counts[measure]])),
        },
      },
    };
  }
}

/** The counter items, read per system with one Query (never a Scan). */
export class DynamoQualityReader implements QualityReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly statisticsTable: string,
  ) {}

  /** Counter items of the given systems (all if none) with a month up to `month`, optionally of one Member State. */
  async counters(filter: {
    month: string;
    system?: OriginSystem;
    memberState?: string;
  }): Promise<QualityCounterItem[]> {
    const systems = filter.system ? [filter.system] : ORIGIN_SYSTEMS;
    const perSystem = await Promise.all(systems.map((system) => this.countersOf(system, filter)));
    return perSystem.flat();
  }

  private async countersOf(
    system: OriginSystem,
    filter: { month: string; memberState?: string },
  ): Promise<QualityCounterItem[]> {
    const items = await queryAll(this.client, {
      TableName: this.statisticsTable,
      KeyConditionExpression: filter.memberState ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': `DQ#${system}`,
        ...(filter.memberState
          ? { ':from': `${filter.memberState}#`, ':to': `${filter.memberState}#${filter.month}#~` }
          : {}),
      },
    });
    return items
      .filter((item) => (item.month as string) <= filter.month)
      .map((item) => {
        const counts: Counts = {};
        for (const measure of MEASURES)
          if (typeof item[measure] === 'number') counts[measure] = item[measure];
        return { system, memberState: item.memberState as string, month: item.month as string, counts };
      });
  }
}

/** Net changes per Member State; measures that cancel out are dropped. */
class Deltas {
  private readonly byMemberState = new Map<string, Counts>();

  add(memberState: string, counts: Counts, sign: 1 | -1): void {
    const target = this.byMemberState.get(memberState) ?? {};
    for (const [measure, n] of Object.entries(counts) as [Measure, number][]) {
      target[measure] = (target[measure] ?? 0) + sign * n;
    }
    this.byMemberState.set(memberState, target);
  }

  entries(): [string, Counts][] {
    return [...this.byMemberState.entries()]
      .map(([memberState, counts]): [string, Counts] => [
        memberState,
        Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0)),
      ])
      .filter(([, counts]) => Object.keys(counts).length > 0);
  }
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, n]) => b[k] === n);

/** The counter shard of a file (any shard would do: reports sum them all). */
function shardOf(recordId: string): number {
  return createHash('sha256').update(recordId).digest()[0]! % COUNTER_SHARDS;
}

let counting: DynamoQualityCounting | undefined;
/** The CIR's data-quality hook; undefined (nothing counted) without STATISTICS_TABLE and DATA_QUALITY_KEY. */
export function qualityCountingFromEnv(): DynamoQualityCounting | undefined {
  const config = loadConfig();
  if (!config.STATISTICS_TABLE || !config.DATA_QUALITY_KEY) return undefined;
  counting ??= new DynamoQualityCounting(
    dynamo,
    config.CIR_TABLE,
    config.STATISTICS_TABLE,
    config.DATA_QUALITY_KEY,
  );
  return counting;
}
