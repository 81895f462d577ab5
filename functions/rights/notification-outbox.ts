import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { notifiableChanges } from './domain/notifications';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type NotifiableChange = ReturnType<typeof notifiableChanges>[number];

/** One partition of the Links table: the notifiable changes not notified yet, oldest first. */
const OUTBOX_PARTITION = 'NOTIFY-OUTBOX';
const outboxKey = ({ linkId, change }: NotifiableChange) => ({
  pk: OUTBOX_PARTITION,
  sk: `${change.at}#${linkId}#${change.toColour}`,
});

/**
 * The notifications' outbox (docs/rights.md): a link change that calls for notifications carries an
 * item per change in its own transaction, cleared once the notifications exist. An item left behind
 * (a failure after the commit) is notified by the sweep.
 */
export class NotificationOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly linksTable: string,
  ) {}

  /** The items to write in the link change's transaction. */
  items(changes: readonly NotifiableChange[]): TransactItem[] {
    return changes.map((change) => ({
      Put: { TableName: this.linksTable, Item: { ...outboxKey(change), change } },
    }));
  }

  /** Changes stored before `before` (ISO time of the change) and not notified yet. */
  async pending(before: string, limit: number): Promise<NotifiableChange[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.linksTable,
        KeyConditionExpression: 'pk = :pk AND sk < :before',
        ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ':before': before },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.change as NotifiableChange);
  }

  async clear(changes: readonly NotifiableChange[]): Promise<void> {
    await Promise.all(
      changes.map((change) =>
        this.client.send(new DeleteCommand({ TableName: this.linksTable, Key: outboxKey(change) })),
      ),
    );
  }
}
