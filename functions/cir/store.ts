import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RecordRef } from '../mid/domain/types';
import type { AcceptedTemplate, FileWrite, IndividualFile } from './domain/individual-file';
import { type CirStore, type DeleteOutcome, StaleVersion, type WriteOutcome } from './domain/ports';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const PENDING_CHECK_PARTITION = 'MIDCHECK#PENDING';
/** Tombstones stay long enough for every shard snapshot to have caught up past them. */
const TOMBSTONE_TTL_SECONDS = 14 * 86_400;
const MAX_WRITE_ATTEMPTS = 5;

export const filePk = (ref: RecordRef) => `FILE#${ref.system}#${ref.recordId}`;

/** Where a template lives in the sBMS: the shard feed partition its changes are read from. */
export type ShardOf = (ref: RecordRef, modality: string) => string;

/**
 * The CIR over DynamoDB. One item per file, one per template, one per lookup key; each write is one
 * transaction conditioned on the version read, so a stale update never overwrites a newer one.
 * The file item carries the MID outbox marker (sparse gsi3) until its check completes.
 */
export class DynamoCirStore implements CirStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly shardOf: ShardOf,
  ) {}

  async get(ref: RecordRef): Promise<IndividualFile | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: filePk(ref), sk: 'FILE' },
        ConsistentRead: true,
      }),
    );
    return result.Item ? toFile(result.Item) : undefined;
  }

  async write({ file, templates, indexKeys }: FileWrite): Promise<WriteOutcome> {
    for (let attempt = 1; ; attempt++) {
      const previous = await this.getRaw(file);
      if (previous && (previous.version as number) >= file.version) {
        throw new StaleVersion(previous.version as number);
      }
      try {
        await this.client.send(
          new TransactWriteCommand({ TransactItems: this.writeItems(file, templates, indexKeys, previous) }),
        );
        return { outcome: previous ? 'updated' : 'created' };
      } catch (error) {
        // Another writer got in between the read and the write: read again and decide again.
        if (!(error instanceof TransactionCanceledException) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private writeItems(
    file: IndividualFile,
    templates: AcceptedTemplate[],
    indexKeys: string[],
    previous: Record<string, unknown> | undefined,
  ): TransactItem[] {
    const pk = filePk(file);
    const keys = [...new Set(indexKeys)];
    const previousKeys = new Set((previous?.indexKeys as string[] | undefined) ?? []);
    const previousModalities = (previous?.templateModalities as string[] | undefined) ?? [];
    const current = new Set<string>(templates.map((template) => template.modality));
    const createdAt = (previous?.createdAt as string | undefined) ?? file.createdAt;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...file,
            createdAt,
            pk,
            sk: 'FILE',
            indexKeys: keys,
            gsi3pk: PENDING_CHECK_PARTITION,
            gsi3sk: `${file.updatedAt}#${pk}`,
            pendingCheckVersion: file.version,
          },
          ConditionExpression: previous ? 'version = :previous' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: previous ? { ':previous': previous.version } : undefined,
        },
      },
      ...templates.map((template) => this.templatePut(file, template)),
      ...previousModalities
        .filter((modality) => !current.has(modality))
        .map((modality) => this.tombstonePut(file, modality, file.updatedAt)),
      ...keys.filter((key) => !previousKeys.has(key)).map((key) => this.keyPut(file, key)),
      ...[...previousKeys]
        .filter((key) => !keys.includes(key))
        .map((key) => ({ Delete: { TableName: this.tableName, Key: { pk, sk: `KEY#${key}` } } })),
    ];
    return items;
  }

  private templatePut(ref: RecordRef & { updatedAt: string; version: number }, template: AcceptedTemplate) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: filePk(ref),
          sk: `TPL#${template.modality}`,
          system: ref.system,
          recordId: ref.recordId,
          modality: template.modality,
          quality: template.quality,
          vector: new Uint8Array(
            template.vector.buffer,
            template.vector.byteOffset,
            template.vector.byteLength,
          ),
          gsi2pk: this.shardOf(ref, template.modality),
          gsi2sk: `${ref.updatedAt}#${filePk(ref)}#${template.modality}`,
        },
      },
    };
  }

  private tombstonePut(ref: RecordRef, modality: string, at: string) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: filePk(ref),
          sk: `TPL#${modality}`,
          system: ref.system,
          recordId: ref.recordId,
          modality,
          deleted: true,
          gsi2pk: this.shardOf(ref, modality),
          gsi2sk: `${at}#${filePk(ref)}#${modality}`,
          expiresAt: Math.floor(Date.parse(at) / 1000) + TOMBSTONE_TTL_SECONDS,
        },
      },
    };
  }

  private keyPut(ref: RecordRef, key: string) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { pk: filePk(ref), sk: `KEY#${key}`, gsi1pk: key, gsi1sk: filePk(ref) },
      },
    };
  }

  async delete(ref: RecordRef): Promise<DeleteOutcome | undefined> {
    const items = await this.itemsOf(ref);
    const file = items.find((item) => item.sk === 'FILE');
    if (!file) return undefined;
    const at = new Date().toISOString();
    const templates = items.filter((item) => String(item.sk).startsWith('TPL#') && !item.deleted);
    const keys = items.filter((item) => String(item.sk).startsWith('KEY#'));
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: { pk: filePk(ref), sk: 'FILE' },
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': file.version },
              },
            },
            ...templates.map((item) => this.tombstonePut(ref, item.modality as string, at)),
            ...keys.map((item) => ({
              Delete: { TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } },
            })),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) return this.delete(ref);
      throw error;
    }
    return { templates: templates.length, indexKeys: keys.length };
  }

  /** Clears the outbox marker once the MID check of that version (or a newer one) is done. */
  async completeCheck(ref: RecordRef, version: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: filePk(ref), sk: 'FILE' },
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk, pendingCheckVersion',
          ConditionExpression: 'pendingCheckVersion <= :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** Files whose MID check has not completed since before `olderThan`, for the outbox sweeper. */
  async pendingChecks(olderThan: string, limit: number): Promise<(RecordRef & { version: number })[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pending AND gsi3sk < :before',
        ExpressionAttributeValues: { ':pending': PENDING_CHECK_PARTITION, ':before': olderThan },
        Limit: limit,
      }),
    );
    const refs = (result.Items ?? []).map((item) => parseFilePk(item.pk as string));
    const files = await Promise.all(refs.map((ref) => this.getRaw(ref)));
    return files
      .filter((item): item is Record<string, unknown> => item?.pendingCheckVersion !== undefined)
      .map((item) => ({
        system: item.system as RecordRef['system'],
        recordId: item.recordId as string,
        version: item.pendingCheckVersion as number,
      }));
  }

  async templatesOf(ref: RecordRef): Promise<AcceptedTemplate[]> {
    const items = await this.itemsOf(ref, 'TPL#');
    return items.filter((item) => !item.deleted).map(toTemplate);
  }

  private async getRaw(ref: RecordRef) {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: filePk(ref), sk: 'FILE' },
        ConsistentRead: true,
      }),
    );
    return result.Item;
  }

  private async itemsOf(ref: RecordRef, skPrefix?: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
          ExpressionAttributeValues: { ':pk': filePk(ref), ...(skPrefix ? { ':prefix': skPrefix } : {}) },
          ConsistentRead: true,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      items.push(...(result.Items ?? []));
      exclusiveStartKey = result.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return items;
  }
}

export function parseFilePk(pk: string): RecordRef {
  const [, system, ...rest] = pk.split('#');
  return { system: system as RecordRef['system'], recordId: rest.join('#') };
}

export function toTemplate(item: Record<string, unknown>): AcceptedTemplate {
  const bytes = item.vector as Uint8Array;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return {
    modality: item.modality as AcceptedTemplate['modality'],
    quality: item.quality as number,
    vector: new Float32Array(copy.buffer),
  };
}

function toFile(item: Record<string, unknown>): IndividualFile {
  return {
    system: item.system as IndividualFile['system'],
    recordId: item.recordId as string,
    version: item.version as number,
    memberState: item.memberState as string | undefined,
    identity: item.identity as IndividualFile['identity'],
    travelDocuments: (item.travelDocuments as IndividualFile['travelDocuments']) ?? [],
    templateModalities: (item.templateModalities as string[]) ?? [],
    templateRefusals: (item.templateRefusals as IndividualFile['templateRefusals']) ?? [],
    contentHash: item.contentHash as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
