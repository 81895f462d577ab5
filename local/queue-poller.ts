import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './api-server';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface QueuePoller {
  stop(): Promise<void>;
}

/**
 * Feeds queue batches to a consumer as the Lambda event source mapping does: messages the consumer
 * reports in batchItemFailures stay on the queue and come back after the visibility timeout (and go to
 * the DLQ after maxReceiveCount); the rest are deleted. Like the mapping, which runs several batches
 * at once, `concurrency` pollers receive and process batches independently.
 */
export function startQueuePoller(options: {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  concurrency: number;
  handler: () => Promise<SqsHandler>;
  onError?: (error: unknown) => void;
}): QueuePoller {
  let running = true;
  const abort = new AbortController();
  const poll = async () => {
    while (running) {
      try {
        const received = await options.client.send(
          new ReceiveMessageCommand({
            QueueUrl: options.queueUrl,
            MaxNumberOfMessages: options.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        const messages = received.Messages ?? [];
        if (!messages.length) continue;
        const records: SQSRecord[] = messages.map((message) => ({
          messageId: message.MessageId!,
          receiptHandle: message.ReceiptHandle!,
          body: message.Body ?? '',
          attributes: (message.Attributes ?? {}) as unknown as SQSRecord['attributes'],
          messageAttributes: {},
          md5OfBody: message.MD5OfBody ?? '',
          eventSource: 'aws:sqs',
          eventSourceARN: options.queueArn,
          awsRegion: 'eu-central-1',
        }));
        const handler = await options.handler();
        let failed = new Set<string>(records.map((record) => record.messageId));
        try {
          const result = await handler(
            { Records: records },
            lambdaContext('mid-check', records[0]!.messageId),
          );
          failed = new Set((result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
        } catch (error) {
          options.onError?.(error);
        }
        const done = records.filter((record) => !failed.has(record.messageId));
        if (done.length) {
          await options.client.send(
            new DeleteMessageBatchCommand({
              QueueUrl: options.queueUrl,
              Entries: done.map((record, i) => ({ Id: String(i), ReceiptHandle: record.receiptHandle })),
            }),
          );
        }
      } catch (error) {
        if (!running) break;
        options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const loops = Promise.all(Array.from({ length: options.concurrency }, poll));
  return {
    stop: async () => {
      running = false;
      abort.abort();
      await loops;
    },
  };
}
