import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from './powertools';

/**
 * SDK clients created once per execution environment. Endpoints come from AWS_ENDPOINT_URL_*,
 * so the same code reaches AWS, LocalStack or the embedded emulators.
 */
export const dynamo = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
// The queue URL names the queue; requests go to the configured endpoint (the emulator's URLs use a
// `sqs.<region>.localhost` host that does not resolve everywhere; in AWS both agree).
export const sqs = tracer.captureAWSv3Client(new SQSClient({ useQueueUrlAsEndpoint: false }));
