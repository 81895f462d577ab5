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
import { DynamoRightsStore } from './store';

export interface LinkNotifier {
  linkWrites(writes: readonly LinkWrite[]): Promise<void>;
}

/**
 * Creates the notifications a batch of link writes calls for (Arts 32(4), 33(3)), after the batch
 * was stored. Idempotent: a notification's id derives from the link's change, and the store creates
 * each id once, so a redelivered MID check or a retried write adds nothing. A failure here is logged
 * and counted (`notificationsFailed`), never undoes the link change (docs/rights.md: open points).
 */
export function linkNotifier(
  store: Pick<RightsStore, 'createNotification'>,
  reader: Pick<CirReader, 'files'>,
  portalUrl: string,
  now: () => Date = () => new Date(),
): LinkNotifier {
  return {
    async linkWrites(writes) {
      const changes = notifiableChanges(writes);
      if (changes.length === 0) return;
      try {
        const files = await reader.files(changes.flatMap((change) => [...change.records]));
        const byKey = new Map(files.map((file) => [recordKey(file.ref), file]));
        const notifications = notificationsFor(
          changes,
          (ref) => {
            const file = byKey.get(recordKey(ref));
            return { memberState: file?.memberState, language: rightsLanguageOr(file?.language, 'en') };
          },
          portalUrl,
          now(),
        );
        const created = await Promise.all(notifications.map((n) => store.createNotification(n)));
        metrics.addMetric('notificationsCreated', MetricUnit.Count, created.filter(Boolean).length);
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
          config.RIGHTS_PORTAL_URL,
        )
      : null;
  }
  return fromEnv ?? undefined;
}

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
