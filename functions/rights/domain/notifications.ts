import { createHash } from 'node:crypto';
import type { LinkWrite } from '../../mid/domain/link-repository';
import { type HistoryEntry, recordKey } from '../../mid/domain/links';
import type { RecordRef } from '../../mid/domain/types';
import { Conflict, NotFound, ValidationFailed } from '../../shared/errors';
import type { RightsLanguage } from '../../shared/schemas/rights';
import { newHistory } from '../../statistics/domain/events';
import {
  type NotifiedColour,
  type RenderedNotification,
  renderNotification,
} from '../notifications/template';
import type { Officer } from './request';

/** An exception to informing the person (Arts 32(4), 33(3)): kept, logged and reviewed by a date. */
export interface NotificationException {
  ground: 'security' | 'investigation';
  reason: string;
  reviewBy: string;
  at: string;
  by: Officer;
}

/**
 * A notification to the person of one individual file, after a link turned red or white. It goes
 * out through the authority of the file's origin system in the file's Member State.
 */
export interface Notification {
  notificationId: string;
  linkId: string;
  colour: NotifiedColour;
  /** When the link changed colour (the history entry the notification is about). */
  changedAt: string;
  record: RecordRef;
  /** Through whom the person is informed: `<system>:<Member State>` of the record. */
  notifyingAuthority: string;
  /** The authority responsible for the verification (Art 29), named in the text. */
  verifyingAuthority: string;
  sin: string;
  portalUrl: string;
  rendered: RenderedNotification;
  status: 'to-send' | 'withheld';
  exception?: NotificationException;
  createdAt: string;
  version: number;
}

/** What the notifier needs to know about a linked file: its Member State and the person's language. */
export interface NotifiedFile {
  memberState?: string;
  language?: RightsLanguage;
}

/**
 * The colour changes in a batch of link writes that call for notifications: a link created white
 * (automatically, Art 33(1)), or a link turned red or white (manual verification). A link that was
 * already of that colour, a green or yellow link, or a link without SIN calls for none.
 */
export function notifiableChanges(writes: readonly LinkWrite[]): {
  linkId: string;
  records: readonly [RecordRef, RecordRef];
  change: HistoryEntry & { toColour: NotifiedColour };
}[] {
  const found = [];
  for (const write of writes) {
    if (write.kind !== 'put') continue;
    for (const change of newHistory(write.link, write.expectedVersion === 0)) {
      if (change.toColour !== 'red' && change.toColour !== 'white') continue;
      if (change.fromColour === change.toColour || !change.sin) continue;
      found.push({
        linkId: write.link.linkId,
        records: write.link.records,
        change: change as HistoryEntry & { toColour: NotifiedColour },
      });
    }
  }
  return found;
}

/**
 * Derived from the link, the change and the file: the same change seen twice (a redelivered MID
 * check, a retried write) yields the same id, and the store creates it only once.
 */
export function notificationIdFor(
  linkId: string,
  changedAt: string,
  colour: NotifiedColour,
  record: RecordRef,
) {
  const digest = createHash('sha256')
    .update(`${linkId}|${changedAt}|${colour}|${recordKey(record)}`)
    .digest('hex');
  return `ntf-${digest.slice(0, 32)}`;
}

export function notificationsFor(
  changes: ReturnType<typeof notifiableChanges>,
  files: (ref: RecordRef) => NotifiedFile,
  portalUrl: string,
  now: Date,
): Notification[] {
  return changes.flatMap(({ linkId, records, change }) =>
    records.map((record): Notification => {
      const file = files(record);
      const sin = change.sin!;
      return {
        notificationId: notificationIdFor(linkId, change.at, change.toColour, record),
        linkId,
        colour: change.toColour,
        changedAt: change.at,
        record,
        notifyingAuthority: `${record.system}:${file.memberState ?? 'EU'}`,
        verifyingAuthority: change.responsibleAuthority,
        sin,
        portalUrl,
        rendered: renderNotification(file.language ?? 'en', change.toColour, {
          authority: change.responsibleAuthority,
          sin,
          portal: portalUrl,
        }),
        status: 'to-send',
        createdAt: now.toISOString(),
        version: 1,
      };
    }),
  );
}

/** The authority records why the person is not informed (security, investigation), to be reviewed by a date. */
export function recordException(
  notification: Notification,
  exception: Omit<NotificationException, 'at' | 'by'>,
  officer: Officer,
  now: Date,
): Notification {
  if (notification.status === 'withheld') {
    throw new Conflict('an exception is already recorded for this notification');
  }
  const today = now.toISOString().slice(0, 10);
  const inAYear = new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  if (exception.reviewBy <= today || exception.reviewBy > inAYear) {
    throw new ValidationFailed([
      { field: 'body.reviewBy', message: 'a review date after today and within a year' },
    ]);
  }
  return {
    ...notification,
    status: 'withheld',
    exception: { ...exception, at: now.toISOString(), by: officer },
    version: notification.version + 1,
  };
}

/** A notification is seen and handled only by the authority it goes out through; others get a 404. */
export function assertNotifiedThrough(
  notification: Notification | undefined,
  officer: Officer,
): Notification {
  if (!notification || notification.notifyingAuthority !== officer.authority)
    throw new NotFound('notification');
  return notification;
}
