import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction's put of `item` that holds only while the stored item's `version` is `expectedVersion`. */
export function versionedPut(tableName: string, item: Record<string, unknown>, expectedVersion: number) {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': expectedVersion },
    },
  } satisfies TransactItem;
}

/**
 * Replaces an item read at `expectedVersion`; when another writer got there first, throws the store's
 * 409 made by `stale` and writes nothing.
 */
export async function putVersioned(
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  expectedVersion: number,
  stale: () => Error,
): Promise<void> {
  try {
    await client.send(new PutCommand(versionedPut(tableName, item, expectedVersion).Put));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw stale();
    throw error;
  }
}

/**
 * A transaction holding a versioned put (and other conditional items): when it is cancelled, throws
 * the store's 409 made by `stale`; nothing of it is written.
 */
export async function transactVersioned(
  client: DynamoDBDocumentClient,
  items: TransactItem[],
  stale: () => Error,
): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw stale();
    throw error;
  }
}
