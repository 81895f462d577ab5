import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RecordRef } from '../mid/domain/types';
import type { MidCheckQueue } from './domain/ports';

export interface MidCheckMessage extends RecordRef {
  version: number;
}

export class SqsMidCheckQueue implements MidCheckQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(ref: RecordRef, version: number): Promise<void> {
    const message: MidCheckMessage = { system: ref.system, recordId: ref.recordId, version };
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }),
    );
  }
}
