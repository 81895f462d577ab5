import type { SqsHandler } from '../../local/queue-poller';

/**
 * Fault injection for `startPlatform({ wrapConsumer })`: every batch is handed to the consumer a
 * second time, with the same message ids and receipt handles, once the first delivery is handled and
 * before the poller deletes the messages, as SQS does when a delete is lost or a copy of a message
 * was on a server that was down (at-least-once delivery). A message either delivery reports as failed
 * stays on the queue. `deliveries` counts the deliveries of each message id (always even).
 */
export function deliveringTwice() {
  const deliveries = new Map<string, number>();
  const wrap =
    (consumer: SqsHandler): SqsHandler =>
    async (event, context) => {
      const failures = [];
      for (let copy = 0; copy < 2; copy++) {
        for (const record of event.Records)
          deliveries.set(record.messageId, (deliveries.get(record.messageId) ?? 0) + 1);
        try {
          failures.push(...((await consumer(event, context))?.batchItemFailures ?? []));
        } catch {
          // A whole batch failed (the consumer throws when every record failed): SQS sends the copy anyway.
          failures.push(...event.Records.map((record) => ({ itemIdentifier: record.messageId })));
        }
      }
      return { batchItemFailures: failures };
    };
  return { wrap, deliveries };
}
