import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { IndividualFile as CirIndividualFile } from '../cir/domain/individual-file';
import { filePk, parseFilePk } from '../cir/store';
import { batchGetItems } from '../shared/batch-get';
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
    return distinctRefs(await Promise.all(keys.map((key) => this.block(key))));
  }

  /** The file keys (`FILE#...`) of one block; none when it holds more than the cap. */
  async block(key: string): Promise<string[]> {
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
  }

  async files(refs: readonly RecordRef[]): Promise<IndividualFile[]> {
    const items = await batchGetItems(
      this.client,
      this.tableName,
      refs.map((ref) => ({ pk: filePk(ref), sk: 'FILE' })),
      {
        // identity and others are reserved words in DynamoDB expressions
        ProjectionExpression: '#s, #r, #m, #l, #i, #t, #b',
        ExpressionAttributeNames: {
          '#s': 'system',
          '#r': 'recordId',
          '#m': 'memberState',
          '#l': 'language',
          '#i': 'identity',
          '#t': 'travelDocuments',
          '#b': 'templateModalities',
        },
      },
    );
    return items.map((item) => toMidFile(item as CirFileFields));
  }

  async file(ref: RecordRef): Promise<IndividualFile | undefined> {
    return (await this.files([ref]))[0];
  }
}

/**
 * The reader as one MID check sees it: each block is queried and each file read at most once, so the
 * searches of a check share their reads (the identity and document searches both look up the `dc|`
 * keys, and the biometric hits are mostly among the identity candidates). Concurrent callers share
 * a read in flight. One instance per check: it does not see writes made after its reads.
 */
export class CheckScopedCirReader {
  private readonly blocks = new Map<string, Promise<string[]>>();
  private readonly filesByPk = new Map<string, Promise<IndividualFile | undefined>>();

  constructor(private readonly reader: CirReader) {}

  async candidates(keys: readonly string[]): Promise<RecordRef[]> {
    return distinctRefs(await Promise.all(keys.map((key) => this.blockOf(key))));
  }

  async files(refs: readonly RecordRef[]): Promise<IndividualFile[]> {
    const missing = [...new Map(refs.map((ref) => [filePk(ref), ref])).values()].filter(
      (ref) => !this.filesByPk.has(filePk(ref)),
    );
    if (missing.length) {
      const read = this.reader.files(missing);
      for (const ref of missing) {
        this.filesByPk.set(
          filePk(ref),
          read.then((files) => files.find((file) => filePk(file.ref) === filePk(ref))),
        );
      }
    }
    const files = await Promise.all(refs.map((ref) => this.filesByPk.get(filePk(ref))));
    return files.filter((file): file is IndividualFile => file !== undefined);
  }

  async file(ref: RecordRef): Promise<IndividualFile | undefined> {
    return (await this.files([ref]))[0];
  }

  private blockOf(key: string): Promise<string[]> {
    let block = this.blocks.get(key);
    if (!block) {
      block = this.reader.block(key);
      this.blocks.set(key, block);
    }
    return block;
  }
}

const distinctRefs = (blocks: readonly string[][]): RecordRef[] =>
  [...new Set(blocks.flat())].map(parseFilePk);

/** The fields of a CIR file item the MID compares (a stored item or the CIR store's file). */
export type CirFileFields = Pick<
  CirIndividualFile,
  'system' | 'recordId' | 'memberState' | 'language' | 'identity' | 'travelDocuments' | 'templateModalities'
>;

export function toMidFile(file: CirFileFields): IndividualFile {
  return {
    ref: { system: file.system, recordId: file.recordId },
    memberState: file.memberState,
    language: file.language,
    identity: file.identity,
    travelDocuments: file.travelDocuments ?? [],
    hasBiometrics: (file.templateModalities ?? []).length > 0,
  };
}
