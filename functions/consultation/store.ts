import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodePageCursor, encodePageCursor } from '../shared/page-cursor';
import { putVersioned, transactVersioned, versionedPut } from '../shared/versioned-put';
import { type AccessRequest, awaitsDecision, TERMINAL_STATUSES } from './domain/access-request';
import type { Consultation } from './domain/consultation';
import { conflict } from './domain/errors';
import type { ConsultationStore } from './domain/ports';

const DAY_SECONDS = 86_400;
/**
 * Consultations and ended requests are kept this long, then expire by TTL. The log (Art 24) keeps
 * the record of every step; these items only serve the workflow and the authorities' reading.
 */
export const CONSULTATION_RETENTION_DAYS = 2 * 365;

const consultationKey = (id: string) => ({ pk: `CONSULTATION#${id}`, sk: 'CONSULTATION' });
const requestKey = (id: string) => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' });
export const pendingPartition = (memberState: string) => `PENDING#${memberState}`;

/** The Consultations table (access patterns in lib/resources.ts): one item per consultation and per request. */
export class DynamoConsultationStore implements ConsultationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createConsultation(consultation: Consultation): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: this.consultationItem(consultation),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getConsultation(id: string): Promise<Consultation | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: consultationKey(id), ConsistentRead: true }),
    );
    return result.Item ? (result.Item.consultation as Consultation) : undefined;
  }

  async saveConsultation(next: Consultation, expectedVersion: number): Promise<void> {
    await putVersioned(this.client, this.tableName, this.consultationItem(next), expectedVersion, () =>
      staleWrite('consultation'),
    );
  }

  async createRequest(
    request: AccessRequest,
    consultation: Consultation,
    expectedVersion: number,
  ): Promise<void> {
    await transactVersioned(
      this.client,
      [
        {
          Put: {
            TableName: this.tableName,
            Item: this.requestItem(request),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        versionedPut(this.tableName, this.consultationItem(consultation), expectedVersion),
      ],
      () => staleWrite('consultation'),
    );
  }

  async getRequest(id: string): Promise<AccessRequest | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: requestKey(id), ConsistentRead: true }),
    );
    return result.Item ? (result.Item.request as AccessRequest) : undefined;
  }

  async saveRequest(next: AccessRequest, expectedVersion: number): Promise<void> {
    await putVersioned(this.client, this.tableName, this.requestItem(next), expectedVersion, () =>
      staleWrite('access request'),
    );
  }

  async listPending(
    memberState: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ requests: AccessRequest[]; cursor?: string }> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pendingPartition(memberState) },
        ScanIndexForward: true,
        Limit: page.limit,
        ExclusiveStartKey: page.cursor
          ? decodePageCursor(page.cursor, {
              partition: { gsi1pk: pendingPartition(memberState) },
              keys: ['pk', 'sk', 'gsi1sk'],
            })
          : undefined,
      }),
    );
    return {
      requests: (result.Items ?? []).map((item) => item.request as AccessRequest),
      cursor: result.LastEvaluatedKey ? encodePageCursor(result.LastEvaluatedKey) : undefined,
    };
  }

  private consultationItem(consultation: Consultation) {
    return {
      ...consultationKey(consultation.id),
      version: consultation.version,
      consultation,
      expiresAt:
        Math.floor(Date.parse(consultation.createdAt) / 1000) + CONSULTATION_RETENTION_DAYS * DAY_SECONDS,
    };
  }

  private requestItem(request: AccessRequest) {
    const queued = awaitsDecision(request);
    const ended = TERMINAL_STATUSES.includes(request.status);
    return {
      ...requestKey(request.id),
      version: request.version,
      request,
      // Sparse queue index: only requests that await the verifying authority's decision.
      ...(queued
        ? {
            gsi1pk: pendingPartition(request.requester.memberState),
            gsi1sk: `${request.createdAt}#${request.id}`,
          }
        : {}),
      ...(ended
        ? { expiresAt: Math.floor(Date.now() / 1000) + CONSULTATION_RETENTION_DAYS * DAY_SECONDS }
        : {}),
    };
  }
}

function staleWrite(what: string) {
  return conflict('CONCURRENT_UPDATE', `the ${what} was changed concurrently; read it again`);
}
