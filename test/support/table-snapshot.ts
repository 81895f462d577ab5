import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { PlatformContext } from './platform-context';

/** A digest of every item of a table (test-only Scan), to prove that a run of requests changed nothing. */
export async function tableDigest(
  context: PlatformContext,
  tableEnvVar: string,
): Promise<{ items: number; digest: string }> {
  const client = dynamoClient(context);
  const lines: string[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: context.env[tableEnvVar],
        ExclusiveStartKey: exclusiveStartKey as never,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) lines.push(JSON.stringify(item, Object.keys(item).sort()));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  client.destroy();
  lines.sort();
  return { items: lines.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

/** Whether the MID check queue holds no message, visible or in flight. */
export async function midQueueDrained(context: PlatformContext): Promise<boolean> {
  return (await queueDepth(context.env.AWS_ENDPOINT_URL_SQS!, context.env.MID_CHECK_QUEUE_URL!)) === 0;
}

/** The messages of a queue of the SQS emulator at `endpoint`, visible or in flight. */
export async function queueDepth(endpoint: string, queueUrl: string): Promise<number> {
  const client = new SQSClient({
    region: 'eu-central-1',
    endpoint,
    useQueueUrlAsEndpoint: false,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  client.destroy();
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

export function dynamoClient(context: PlatformContext): DynamoDBClient {
  return new DynamoDBClient({
    region: context.env.AWS_REGION,
    endpoint: context.env.AWS_ENDPOINT_URL_DYNAMODB,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
