import {
  CreateTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QUEUES, TABLES, type TableDefinition } from '../lib/resources';

/** Physical names the local platform gives the shared definitions (the CDK app lets CloudFormation name them). */
export const localTableName = (table: TableDefinition, prefix: string) => `${prefix}-${table.name}`;

/** Creates every table of lib/resources.ts that does not exist yet (a second start keeps the data). */
export async function provisionTables(
  client: DynamoDBClient,
  prefix: string,
): Promise<Record<string, string>> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const env: Record<string, string> = {};
  for (const table of TABLES) {
    const name = localTableName(table, prefix);
    env[table.envVar] = name;
    if (existing.has(name)) continue;
    const attributes = new Set([table.partitionKey, table.sortKey]);
    for (const gsi of table.gsis) {
      attributes.add(gsi.partitionKey);
      attributes.add(gsi.sortKey);
    }
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((attribute) => ({
          AttributeName: attribute,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        // DynamoDB refuses an empty index list: leave it out for a table without GSIs.
        GlobalSecondaryIndexes: table.gsis.length
          ? table.gsis.map((gsi) => ({
              IndexName: gsi.indexName,
              KeySchema: [
                { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
                { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: gsi.projection },
            }))
          : undefined,
      }),
    );
    if (table.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      );
    }
  }
  return env;
}

/** Creates every queue with its DLQ and redrive policy, as the stateful stack does. */
export async function provisionQueues(client: SQSClient, prefix: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const queue of QUEUES) {
    const dlq = await client.send(new CreateQueueCommand({ QueueName: `${prefix}-${queue.name}-dlq` }));
    const dlqArn = (
      await client.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      )
    ).Attributes?.QueueArn;
    const main = await client.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${queue.name}`,
        Attributes: {
          VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqArn,
            maxReceiveCount: queue.maxReceiveCount,
          }),
        },
      }),
    );
    env[queue.envVar] = main.QueueUrl!;
    env[`${queue.envVar.replace(/_URL$/, '')}_DLQ_URL`] = dlq.QueueUrl!;
  }
  return env;
}
