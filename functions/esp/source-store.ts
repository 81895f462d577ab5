import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { MAX_BLOCK_SIZE } from '../mid/domain/candidate-index';
import { batchGetItems } from '../shared/batch-get';
import type { EspSource } from '../shared/systems';
import { recordKeys } from './domain/blocking-keys';
import type { SourceDataStore } from './domain/source-data-store';
import { parseSourceRecord, type SearchableRecord } from './domain/source-records';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The systems kept in the CentralSystems table: every ESP source but the CIR (which has its own). */
export type CentralSystem = Exclude<EspSource, 'CIR'>;

const systemPk = (system: EspSource) => `SYSTEM#${system}`;
const recordSk = (recordId: string) => `RECORD#${recordId}`;
const keySk = (key: string, recordId: string) => `KEY#${key}#${recordId}`;
const indexKey = (system: EspSource, key: string) => `${system}|${key}`;

/**
 * The reference central systems' records over DynamoDB (lib/resources.ts CENTRAL_SYSTEMS_TABLE):
 * one item collection per system, a record item and one key item per lookup key (gsi1, keys only),
 * so that a search is one Query per key and one BatchGetItem. Templates are not stored here: they
 * are enrolled in the sBMS, which the biometric search asks, restricted to the system.
 */
export class DynamoSourceDataStore implements SourceDataStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly maxBlockSize = MAX_BLOCK_SIZE,
  ) {}

  async findByKeys(system: EspSource, keys: readonly string[]): Promise<SearchableRecord[]> {
    const blocks = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const result = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :key',
            ExpressionAttributeValues: { ':key': indexKey(system, key) },
            Limit: this.maxBlockSize + 1,
          }),
        );
        const items = result.Items ?? [];
        // A block larger than the cap no longer discriminates (as in the MID): skipped.
        return items.length > this.maxBlockSize ? [] : items.map((item) => item.gsi1sk as string);
      }),
    );
    return this.getByIds(system, [...new Set(blocks.flat())]);
  }

  async getByIds(system: EspSource, recordIds: readonly string[]): Promise<SearchableRecord[]> {
    const unique = [...new Set(recordIds)];
    const items = await batchGetItems(
      this.client,
      this.tableName,
      unique.map((recordId) => ({ pk: systemPk(system), sk: recordSk(recordId) })),
      { ProjectionExpression: '#r', ExpressionAttributeNames: { '#r': 'record' } },
    );
    const records = items.map((item) => item.record as SearchableRecord);
    const order = new Map(unique.map((id, index) => [id, index]));
    return records.sort((a, b) => order.get(a.recordId)! - order.get(b.recordId)!);
  }

  /**
   * Writes one record of a reference system (validated against the system's record shape; the
   * seed and the tests write through here). Its templates are dropped: they belong to the sBMS.
   */
  async put(system: CentralSystem, raw: unknown): Promise<void> {
    const { biometrics: _templates, ...record } = parseSourceRecord(system, raw) as SearchableRecord;
    const keys = recordKeys(record as SearchableRecord);
    const previous = await this.storedKeys(system, record.recordId);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: systemPk(system), sk: recordSk(record.recordId), keys, record },
        },
      },
      ...keys
        .filter((key) => !previous.includes(key))
        .map((key) => ({
          Put: {
            TableName: this.tableName,
            Item: {
              pk: systemPk(system),
              sk: keySk(key, record.recordId),
              gsi1pk: indexKey(system, key),
              gsi1sk: record.recordId,
            },
          },
        })),
      ...previous
        .filter((key) => !keys.includes(key))
        .map((key) => ({
          Delete: {
            TableName: this.tableName,
            Key: { pk: systemPk(system), sk: keySk(key, record.recordId) },
          },
        })),
    ];
    await this.client.send(new TransactWriteCommand({ TransactItems: items }));
  }

  /** Removes a record and its key items; false when there was none. */
  async delete(system: CentralSystem, recordId: string): Promise<boolean> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: systemPk(system), sk: recordSk(recordId) } }),
    );
    if (!result.Item) return false;
    const keys = (result.Item.keys as string[] | undefined) ?? [];
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: { pk: systemPk(system), sk: recordSk(recordId) } } },
          ...keys.map((key) => ({
            Delete: { TableName: this.tableName, Key: { pk: systemPk(system), sk: keySk(key, recordId) } },
          })),
        ],
      }),
    );
    return true;
  }

  private async storedKeys(system: EspSource, recordId: string): Promise<string[]> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: systemPk(system), sk: recordSk(recordId) },
        ProjectionExpression: '#k',
        ExpressionAttributeNames: { '#k': 'keys' },
      }),
    );
    return (result.Item?.keys as string[] | undefined) ?? [];
  }
}
