import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB's limit of keys per BatchGetItem request. */
const BATCH_GET_LIMIT = 100;
const MAX_BACKOFF_MS = 1000;

export interface BatchGetOptions {
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ConsistentRead?: boolean;
}

/**
 * Reads items of one table by key with BatchGetItem: requests of at most 100 keys, sent together,
 * each repeating its unprocessed keys (with a growing pause, as AWS advises) until all are read.
 * Keys without an item are absent from the result; the order of the items is not the keys' order.
 * A key given twice is read once (DynamoDB refuses a request that names a key twice).
 */
export async function batchGetItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> {
  const unique = [
    ...new Map(keys.map((key) => [JSON.stringify(key, Object.keys(key).sort()), key])).values(),
  ];
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) chunks.push(unique.slice(i, i + BATCH_GET_LIMIT));
  const pages = await Promise.all(
    chunks.map(async (chunk) => {
      const items: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] | undefined = chunk;
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await sleep(Math.min(MAX_BACKOFF_MS, 25 * 2 ** attempt));
        const result: {
          Responses?: Record<string, Record<string, unknown>[]>;
          UnprocessedKeys?: Record<string, { Keys?: Record<string, unknown>[] }>;
        } = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { ...options, Keys: pending } } }),
        );
        items.push(...(result.Responses?.[tableName] ?? []));
        pending = result.UnprocessedKeys?.[tableName]?.Keys;
      }
      return items;
    }),
  );
  return pages.flat();
}
