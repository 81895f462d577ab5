import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RecordRef } from '../mid/domain/types';
import type { AcceptedTemplate, FileWrite, IndividualFile } from './domain/individual-file';
import type { CheckState } from './domain/mid-result';
import { type CirStore, type DeleteOutcome, StaleVersion, type WriteOutcome } from './domain/ports';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Items written in the same transaction as a change of a file (`after` undefined: its deletion),
 * so that what they count is exactly what was committed (the data-quality counters).
 */
export type FileChangeItems = (
  ref: RecordRef,
  after: IndividualFile | undefined,
  at: string,
) => Promise<TransactItem[]>;

export const PENDING_CHECK_PARTITION = 'MIDCHECK#PENDING';
/** Deleted files whose links are still to be removed (the unlink outbox, sparse gsi3). */
export const PENDING_UNLINK_PARTITION = 'UNLINK#PENDING';
const UNLINK_SK = 'UNLINK';
/** Tombstones stay long enough for every shard snapshot to have caught up past them. */
const TOMBSTONE_TTL_SECONDS = 14 * 86_400;
const MAX_WRITE_ATTEMPTS = 10;

export const filePk = (ref: RecordRef) => `FILE#${ref.system}#${ref.recordId}`;

/** The sBMS shard a file's templates live in: the feed partition (gsi2) its template changes are read from. */
export type ShardOf = (ref: RecordRef) => string;

/**
 * The CIR over DynamoDB. One item per file, one holding its templates (`BIO`, fed to its sBMS shard),
 * one per lookup key; each write is one
 * transaction conditioned on the version read, so a stale update never overwrites a newer one.
 * The file item carries the MID outbox marker (sparse gsi3) until its check completes.
 */
export class DynamoCirStore implements CirStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly shardOf: ShardOf,
    private readonly changeItems?: FileChangeItems,
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
          new TransactWriteCommand({
            TransactItems: [
              ...this.writeItems(file, templates, indexKeys, previous),
              ...((await this.changeItems?.(file, file, file.updatedAt)) ?? []),
            ],
          }),
        );
        return { outcome: previous ? 'updated' : 'created' };
      } catch (error) {
        // Another writer got in between the read and the write: read again and decide again, after a
        // random pause so that many writers of one record (or of one document's quality item) spread out.
        if (!(error instanceof TransactionCanceledException) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
        await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 5));
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
    const hadTemplates = ((previous?.templateModalities as string[] | undefined) ?? []).length > 0;
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
      ...(templates.length
        ? [this.biometricsPut(file, templates)]
        : hadTemplates
          ? [this.tombstonePut(file, file.updatedAt)]
          : []),
      ...keys.filter((key) => !previousKeys.has(key)).map((key) => this.keyPut(file, key)),
      ...[...previousKeys]
        .filter((key) => !keys.includes(key))
        .map((key) => ({ Delete: { TableName: this.tableName, Key: { pk, sk: `KEY#${key}` } } })),
    ];
    return items;
  }

  private biometricsPut(file: IndividualFile, templates: AcceptedTemplate[]) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: filePk(file),
          sk: 'BIO',
          system: file.system,
          recordId: file.recordId,
          templates: templates.map((template) => ({
            modality: template.modality,
            quality: template.quality,
            vector: new Uint8Array(
              template.vector.buffer,
              template.vector.byteOffset,
              template.vector.byteLength,
            ),
          })),
          gsi2pk: `SHARD#${this.shardOf(file)}`,
          gsi2sk: `${file.updatedAt}#${filePk(file)}`,
        },
      },
    };
  }

  /** A deleted template set stays as a tombstone until every shard has caught up past it (TTL). */
  private tombstonePut(ref: RecordRef, at: string) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: filePk(ref),
          sk: 'BIO',
          system: ref.system,
          recordId: ref.recordId,
          deleted: true,
          gsi2pk: `SHARD#${this.shardOf(ref)}`,
          gsi2sk: `${at}#${filePk(ref)}`,
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
    const biometrics = items.find((item) => item.sk === 'BIO' && !item.deleted);
    const templateCount = ((biometrics?.templates as unknown[] | undefined) ?? []).length;
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
            ...(biometrics ? [this.tombstonePut(ref, at)] : []),
            // The links' removal is owed from the commit on: a failure before it is done leaves this item.
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: filePk(ref),
                  sk: UNLINK_SK,
                  gsi3pk: PENDING_UNLINK_PARTITION,
                  gsi3sk: `${at}#${filePk(ref)}`,
                },
              },
            },
            ...keys.map((item) => ({
              Delete: { TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } },
            })),
            ...((await this.changeItems?.(ref, undefined, at)) ?? []),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) return this.delete(ref);
      throw error;
    }
    return { templates: templateCount, indexKeys: keys.length };
  }

  /** Clears the unlink outbox item of a deleted file once its links are removed. */
  async completeUnlink(ref: RecordRef): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: filePk(ref), sk: UNLINK_SK } }),
    );
  }

  /** Deleted files whose links were not removed since before `olderThan`, for the outbox sweeper. */
  async pendingUnlinks(olderThan: string, limit: number): Promise<RecordRef[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pending AND gsi3sk < :before',
        ExpressionAttributeValues: { ':pending': PENDING_UNLINK_PARTITION, ':before': olderThan },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => parseFilePk(item.pk as string));
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

  /** The version whose MID check is still to run (the outbox marker); undefined once it ran, or without a file. */
  async pendingCheck(ref: RecordRef): Promise<number | undefined> {
    return (await this.getRaw(ref))?.pendingCheckVersion as number | undefined;
  }

  /** The file's version and whether its MID check is still to run (the outbox marker); undefined without a file. */
  async checkState(ref: RecordRef): Promise<CheckState | undefined> {
    const item = await this.getRaw(ref);
    return item && { version: item.version as number, pending: item.pendingCheckVersion !== undefined };
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
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: filePk(ref), sk: 'BIO' },
        ConsistentRead: true,
      }),
    );
    return result.Item && !result.Item.deleted ? templatesOfItem(result.Item) : [];
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

/** The templates of a `BIO` item, as unit vectors (copied out of the SDK's buffers). */
export function templatesOfItem(item: Record<string, unknown>): AcceptedTemplate[] {
  return ((item.templates as Record<string, unknown>[] | undefined) ?? []).map((template) => {
    const bytes = template.vector as Uint8Array;
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return {
      modality: template.modality as AcceptedTemplate['modality'],
      quality: template.quality as number,
      vector: new Float32Array(copy.buffer),
    };
  });
}

function toFile(item: Record<string, unknown>): IndividualFile {
  return {
    system: item.system as IndividualFile['system'],
    recordId: item.recordId as string,
    version: item.version as number,
    memberState: item.memberState as string | undefined,
    language: item.language as string | undefined,
    identity: item.identity as IndividualFile['identity'],
    travelDocuments: (item.travelDocuments as IndividualFile['travelDocuments']) ?? [],
    templateModalities: (item.templateModalities as string[]) ?? [],
    templateRefusals: (item.templateRefusals as IndividualFile['templateRefusals']) ?? [],
    contentHash: item.contentHash as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
