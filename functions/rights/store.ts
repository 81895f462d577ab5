import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { recordKey } from '../mid/domain/links';
import type { RecordRef } from '../mid/domain/types';
import { Conflict } from '../shared/errors';
import { type CursorKeySchema, decodePageCursor, encodePageCursor } from '../shared/page-cursor';
import { putVersioned, transactVersioned, versionedPut } from '../shared/versioned-put';
import type { Notification } from './domain/notifications';
import type { Page, RightsStore } from './domain/ports';
import type { DataSubjectRequest, OriginInstruction } from './domain/request';
import type { SinIndex } from './person-directory';

const DAY_SECONDS = 86_400;
/**
 * Answered requests and notifications are kept this long, then expire by TTL; the log keeps the
 * record of every step. Requests awaiting an answer never expire.
 */
export const RIGHTS_RETENTION_DAYS = 2 * 365;

const requestKey = (reference: string) => ({ pk: `DSR#${reference}`, sk: 'REQUEST' });
/** Beside the request item (or alone, for a reference never issued), so that a lock needs no request. */
const accessCodeFailureKey = (reference: string) => ({ pk: `DSR#${reference}`, sk: 'CODE_FAILURES' });
const notificationKey = (id: string) => ({ pk: `NTF#${id}`, sk: 'NOTIFICATION' });
const queuePartition = (memberState: string) => `DSRQUEUE#${memberState}`;
const notificationPartition = (authority: string, status: Notification['status']) =>
  `NOTIFY#${authority}#${status}`;
const sinPartition = (sin: string) => `SIN#${sin}`;
const instructionPartition = (system: string) => `INSTRUCTIONS#${system}`;
/** The key attributes of a gsi1 item besides the index's partition, as in its LastEvaluatedKey. */
const GSI_KEYS = ['pk', 'sk', 'gsi1sk'] as const;

/** The Rights table (access patterns in lib/resources.ts). */
export class DynamoRightsStore implements RightsStore, SinIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createRequest(request: DataSubjectRequest): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: requestItem(request),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getRequest(reference: string): Promise<DataSubjectRequest | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: requestKey(reference), ConsistentRead: true }),
    );
    return result.Item?.request as DataSubjectRequest | undefined;
  }

  async accessCodeFailures(reference: string): Promise<number> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: accessCodeFailureKey(reference),
        ConsistentRead: true,
      }),
    );
    return (result.Item?.failures as number | undefined) ?? 0;
  }

  async countAccessCodeFailure(reference: string, at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: accessCodeFailureKey(reference),
        UpdateExpression: 'ADD failures :one SET expiresAt = :expiresAt',
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiry(at.toISOString()) },
      }),
    );
  }

  async saveRequest(next: DataSubjectRequest, expectedVersion: number): Promise<void> {
    await putVersioned(this.client, this.tableName, requestItem(next), expectedVersion, () =>
      staleWrite('request'),
    );
  }

  async saveAnswer(
    next: DataSubjectRequest,
    expectedVersion: number,
    instructions: OriginInstruction[],
  ): Promise<void> {
    if (instructions.length > 99) throw new Error('more origin records than one transaction holds');
    await transactVersioned(
      this.client,
      [
        versionedPut(this.tableName, requestItem(next), expectedVersion),
        ...instructions.map((instruction) => ({
          Put: {
            TableName: this.tableName,
            Item: {
              pk: instructionPartition(instruction.system),
              sk: `${instruction.issuedAt}#${instruction.reference}#${instruction.recordId}`,
              instruction,
              expiresAt: expiry(instruction.issuedAt),
            },
          },
        })),
      ],
      () => staleWrite('request'),
    );
  }

  async listOpen(memberState: string, page: { limit: number; cursor?: string }) {
    return this.queryPage<DataSubjectRequest>('request', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': queuePartition(memberState) },
      cursorKey: { partition: { gsi1pk: queuePartition(memberState) }, keys: GSI_KEYS },
      ...page,
    });
  }

  async listInstructions(system: string, page: { limit: number; cursor?: string }) {
    return this.queryPage<OriginInstruction>('instruction', {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': instructionPartition(system) },
      cursorKey: { partition: { pk: instructionPartition(system) }, keys: ['sk'] },
      ...page,
    });
  }

  async createNotification(notification: Notification): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: notificationItem(notification),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getNotification(id: string): Promise<Notification | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: notificationKey(id), ConsistentRead: true }),
    );
    return result.Item?.notification as Notification | undefined;
  }

  async saveNotification(next: Notification, expectedVersion: number): Promise<void> {
    await putVersioned(this.client, this.tableName, notificationItem(next), expectedVersion, () =>
      staleWrite('notification'),
    );
  }

  async listNotifications(
    authority: string,
    filter: { status?: Notification['status']; limit: number; cursor?: string },
  ) {
    const partition = notificationPartition(authority, filter.status ?? 'to-send');
    return this.queryPage<Notification>('notification', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      cursorKey: { partition: { gsi1pk: partition }, keys: GSI_KEYS },
      limit: filter.limit,
      cursor: filter.cursor,
    });
  }

  async recordsOfSin(sin: string): Promise<RecordRef[]> {
    const records = new Map<string, RecordRef>();
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': sinPartition(sin) },
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      for (const item of result.Items ?? []) {
        const { record } = item.notification as Notification;
        records.set(recordKey(record), record);
      }
      exclusiveStartKey = result.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return [...records.values()];
  }

  private async queryPage<T>(
    attribute: string,
    query: {
      IndexName?: string;
      KeyConditionExpression: string;
      ExpressionAttributeValues: Record<string, unknown>;
      /** The key a cursor must be: a cursor of another queue, or not a key of this query, is refused. */
      cursorKey: CursorKeySchema;
      limit: number;
      cursor?: string;
    },
  ): Promise<Page<T>> {
    const { cursorKey, limit, cursor, ...input } = query;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...input,
        ScanIndexForward: true,
        Limit: limit,
        ExclusiveStartKey: cursor ? decodePageCursor(cursor, cursorKey) : undefined,
      }),
    );
    return {
      items: (result.Items ?? []).map((item) => item[attribute] as T),
      cursor: result.LastEvaluatedKey ? encodePageCursor(result.LastEvaluatedKey) : undefined,
    };
  }
}

function requestItem(request: DataSubjectRequest) {
  const open = request.status !== 'answered';
  return {
    ...requestKey(request.reference),
    version: request.version,
    request,
    // Sparse queue index: open requests only, earliest deadline first.
    ...(open
      ? { gsi1pk: queuePartition(request.memberState), gsi1sk: `${request.deadline}#${request.reference}` }
      : { expiresAt: expiry(request.answer?.at ?? request.receivedAt) }),
  };
}

function notificationItem(notification: Notification) {
  return {
    ...notificationKey(notification.notificationId),
    version: notification.version,
    notification,
    gsi1pk: notificationPartition(notification.notifyingAuthority, notification.status),
    gsi1sk: `${notification.createdAt}#${notification.notificationId}`,
    gsi2pk: sinPartition(notification.sin),
    gsi2sk: notification.notificationId,
    expiresAt: expiry(notification.createdAt),
  };
}

const expiry = (from: string) => Math.floor(Date.parse(from) / 1000) + RIGHTS_RETENTION_DAYS * DAY_SECONDS;

function staleWrite(what: string) {
  return new Conflict(`the ${what} was changed concurrently; read it again`);
}
