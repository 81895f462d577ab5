import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { CirReader } from '../mid/cir-reader';
import type { LinkRepository, LinkWrite } from '../mid/domain/link-repository';
import { recordKey } from '../mid/domain/links';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger, metrics } from '../shared/powertools';
import { rightsLanguageOr } from '../shared/schemas/rights';
import { notifiableChanges, notificationsFor } from './domain/notifications';
import type { RightsStore } from './domain/ports';
import { type NotifiableChange, NotificationOutbox, type TransactItem } from './notification-outbox';
import { DynamoRightsStore } from './store';

const OUTBOX_BATCH = 100;

export interface LinkNotifier {
  /** The outbox items of a batch's notifiable changes, written in the batch's own transaction. */
  outboxItems(writes: readonly LinkWrite[]): TransactItem[];
  /** After the batch committed: creates its notifications, then clears its outbox items. */
  linkWrites(writes: readonly LinkWrite[]): Promise<void>;
  /** Notifies the changes left in the outbox longer than `graceMs` (not notified after their commit); how many. */
  sweep(graceMs: number, now?: Date): Promise<number>;
}

/**
 * Creates the notifications a batch of link writes calls for (Arts 32(4), 33(3)). The batch's
 * transaction holds an outbox item per notifiable change; after the commit the notifications are
 * created and the items cleared. Idempotent: a notification's id derives from the link's change, and
 * the store creates each id once, so a redelivered MID check, a retried write or a sweep of a change
 * already notified adds nothing. A failure after the commit is logged and counted
 * (`notificationsFailed`), never undoes the link change, and leaves the items for the sweep.
 */
export function linkNotifier(
  store: Pick<RightsStore, 'createNotification'>,
  reader: Pick<CirReader, 'files'>,
  outbox: Pick<NotificationOutbox, 'items' | 'pending' | 'clear'>,
  portalUrl: string,
  now: () => Date = () => new Date(),
): LinkNotifier {
  async function notify(changes: readonly NotifiableChange[]) {
    const files = await reader.files(changes.flatMap((change) => [...change.records]));
    const byKey = new Map(files.map((file) => [recordKey(file.ref), file]));
    const notifications = notificationsFor(
      [...changes],
      (ref) => {
        const file = byKey.get(recordKey(ref));
        return { memberState: file?.memberState, language: rightsLanguageOr(file?.language, 'en') };
      },
      portalUrl,
      now(),
    );
    const created = await Promise.all(notifications.map((n) => store.createNotification(n)));
    await outbox.clear(changes);
    metrics.addMetric('notificationsCreated', MetricUnit.Count, created.filter(Boolean).length);
  }

  return {
    outboxItems: (writes) => outbox.items(notifiableChanges(writes)),
    async sweep(graceMs, at = now()) {
      const pending = await outbox.pending(new Date(at.getTime() - graceMs).toISOString(), OUTBOX_BATCH);
      if (pending.length) await notify(pending);
      return pending.length;
    },
    async linkWrites(writes) {
      const changes = notifiableChanges(writes);
      if (changes.length === 0) return;
      try {
        await notify(changes);
      } catch (error) {
        metrics.addMetric('notificationsFailed', MetricUnit.Count, changes.length);
        logger.error('link notifications not created', {
          links: changes.map((change) => change.linkId).join(','),
          error: (error as Error).name,
        });
      }
    },
  };
}

let fromEnv: LinkNotifier | null | undefined;
/** The notifier over RIGHTS_TABLE; none where the table is not configured. */
export function linkNotifierFromEnv(): LinkNotifier | undefined {
  if (fromEnv === undefined) {
    const config = loadConfig();
    fromEnv = config.RIGHTS_TABLE
      ? linkNotifier(
          new DynamoRightsStore(dynamo, config.RIGHTS_TABLE),
          new CirReader(dynamo, config.CIR_TABLE),
          new NotificationOutbox(dynamo, config.LINKS_TABLE),
          config.RIGHTS_PORTAL_URL,
        )
      : null;
  }
  return fromEnv ?? undefined;
}

/** The outbox items of a batch of link writes, for the link store's transaction (none without a notifier). */
export const notificationOutboxItems = (writes: readonly LinkWrite[]): TransactItem[] =>
  linkNotifierFromEnv()?.outboxItems(writes) ?? [];

/** The outbox sweeper's part: notifies what a failure after a link change left in the outbox. */
export const sweepNotificationOutbox = async (graceMs: number): Promise<number> =>
  (await linkNotifierFromEnv()?.sweep(graceMs)) ?? 0;

/** The MID's hook: a link store that notifies after each stored batch of writes. */
export function notifyingLinkWrites<T extends LinkRepository>(
  links: T,
  notifier: () => LinkNotifier | undefined = linkNotifierFromEnv,
): T {
  const write = links.write.bind(links);
  return Object.assign(links, {
    async write(writes: readonly LinkWrite[]) {
      await write(writes);
      await notifier()?.linkWrites(writes);
    },
  });
}
