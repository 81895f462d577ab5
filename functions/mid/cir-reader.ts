import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { IndividualFile as CirIndividualFile } from '../cir/domain/individual-file';
import { filePk, parseFilePk } from '../cir/store';
import type { CandidateIndex } from './domain/candidate-index';
import { MAX_BLOCK_SIZE } from './domain/candidate-index';
import type { IndividualFile } from './domain/check';
import type { RecordRef } from './domain/types';

/**
 * Reads the CIR for the MID: candidates by blocking key (a Query on gsi1 per key, capped like the
 * in-memory index: a block larger than the cap no longer discriminates and is skipped), and
 * individual files by reference (BatchGetItem). Index maintenance happens in the CIR write itself.
 */
export class CirReader implements Pick<CandidateIndex, 'candidates'> {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly maxBlockSize = MAX_BLOCK_SIZE,
  ) {}

  async candidates(keys: readonly string[]): Promise<RecordRef[]> {
    const blocks = await Promise.all(
      keys.map(async (key) => {
        const result = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :key',
            ExpressionAttributeValues: { ':key': key },
            Limit: this.maxBlockSize + 1,
          }),
        );
        const items = result.Items ?? [];
        return items.length > this.maxBlockSize ? [] : items.map((item) => item.gsi1sk as string);
      }),
    );
    return [...new Set(blocks.flat())].map(parseFilePk);
  }

  async files(refs: readonly RecordRef[]): Promise<IndividualFile[]> {
    const files: IndividualFile[] = [];
    for (let i = 0; i < refs.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = refs
        .slice(i, i + 100)
        .map((ref) => ({ pk: filePk(ref), sk: 'FILE' }));
      while (keys?.length) {
        const result: {
          Responses?: Record<string, Record<string, unknown>[]>;
          UnprocessedKeys?: Record<string, { Keys?: Record<string, unknown>[] }>;
        } = await this.client.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: keys,
                // identity and others are reserved words in DynamoDB expressions
                ProjectionExpression: '#s, #r, #m, #i, #t, #b',
                ExpressionAttributeNames: {
                  '#s': 'system',
                  '#r': 'recordId',
                  '#m': 'memberState',
                  '#i': 'identity',
                  '#t': 'travelDocuments',
                  '#b': 'templateModalities',
                },
              },
            },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? [])
          files.push(toMidFile(item as CirFileFields));
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return files;
  }

  async file(ref: RecordRef): Promise<IndividualFile | undefined> {
    return (await this.files([ref]))[0];
  }
}

/** The fields of a CIR file item the MID compares (a stored item or the CIR store's file). */
export type CirFileFields = Pick<
  CirIndividualFile,
  'system' | 'recordId' | 'memberState' | 'identity' | 'travelDocuments' | 'templateModalities'
>;

export function toMidFile(file: CirFileFields): IndividualFile {
  return {
    ref: { system: file.system, recordId: file.recordId },
    memberState: file.memberState,
    identity: file.identity,
    travelDocuments: file.travelDocuments ?? [],
    hasBiometrics: (file.templateModalities ?? []).length > 0,
  };
}
