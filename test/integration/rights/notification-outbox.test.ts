import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CirReader } from '../../../functions/mid/cir-reader';
import type { LinkWrite } from '../../../functions/mid/domain/link-repository';
import type { Link } from '../../../functions/mid/domain/links';
import { DynamoLinkRepository } from '../../../functions/mid/link-store';
import { notifiableChanges, notificationIdFor } from '../../../functions/rights/domain/notifications';
import { NotificationOutbox } from '../../../functions/rights/notification-outbox';
import { linkNotifier, notifyingLinkWrites } from '../../../functions/rights/notifier';
import { DynamoRightsStore } from '../../../functions/rights/store';
import { platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';

const context = platformContext();
const client = DynamoDBDocumentClient.from(dynamoClient(context), {
  marshallOptions: { removeUndefinedValues: true },
});
const PORTAL = 'https://rights.example.eu/portal/';
const outbox = new NotificationOutbox(client, context.env.LINKS_TABLE!);
const rights = new DynamoRightsStore(client, context.env.RIGHTS_TABLE!);
const reader = new CirReader(client, context.env.CIR_TABLE!);
/** Past the sweep's grace period, so that the sweep takes the change. */
const later = () => new Date(Date.now() + 120_000);

/** A white link created automatically (Art 33(1)) between two files: it calls for two notifications. */
function whiteLinkCreated(): LinkWrite & { kind: 'put' } {
  const run = randomUUID();
  const at = new Date().toISOString();
  const link: Link = {
    linkId: `lnk-outbox-${run}`,
    records: [
      { system: 'EES', recordId: `outbox-ees-${run}` },
      { system: 'VIS', recordId: `outbox-vis-${run}` },
    ],
    colour: 'white',
    classifiedBy: 'mid',
    sin: `SIN-${run}`,
    responsibleAuthority: 'VIS:FR',
    createdAt: at,
    updatedAt: at,
    version: 1,
    evidence: {} as Link['evidence'],
    history: [
      {
        at,
        by: { kind: 'mid' },
        event: 'created',
        fromColour: null,
        toColour: 'white',
        responsibleAuthority: 'VIS:FR',
        sin: `SIN-${run}`,
      },
    ],
  };
  return { kind: 'put', link, expectedVersion: 0 };
}

const notificationIds = ({ link }: LinkWrite & { kind: 'put' }) =>
  link.records.map((record) => notificationIdFor(link.linkId, link.createdAt, 'white', record));

async function stillInOutbox(write: LinkWrite & { kind: 'put' }) {
  const pending = await outbox.pending(later().toISOString(), 1000);
  return pending.some((change) => change.linkId === write.link.linkId);
}

describe('notifications outbox (Arts 32(4), 33(3))', () => {
  it('keeps the notifications of a link change whose notifying fails after the commit, and the sweep creates them', async () => {
    const write = whiteLinkCreated();
    // The Rights table fails between the link change and its notifications.
    const failing = linkNotifier(
      {
        async createNotification() {
          throw new Error('injected: Rights table unreachable');
        },
      },
      reader,
      outbox,
      PORTAL,
    );
    const links = notifyingLinkWrites(
      new DynamoLinkRepository(client, context.env.LINKS_TABLE!, { outbox: failing.outboxItems }),
      () => failing,
    );
    await links.write([write]);

    expect((await links.get(write.link.linkId))?.colour).toBe('white');
    for (const id of notificationIds(write)) expect(await rights.getNotification(id)).toBeUndefined();
    expect(await stillInOutbox(write)).toBe(true);

    const working = linkNotifier(rights, reader, outbox, PORTAL);
    expect(await working.sweep(60_000, later())).toBeGreaterThanOrEqual(1);
    for (const id of notificationIds(write)) {
      expect(await rights.getNotification(id)).toMatchObject({
        linkId: write.link.linkId,
        colour: 'white',
        status: 'to-send',
      });
    }
    expect(await stillInOutbox(write)).toBe(false);
  });

  it('notifies at once and clears the outbox item when nothing fails', async () => {
    const write = whiteLinkCreated();
    const notifier = linkNotifier(rights, reader, outbox, PORTAL);
    const links = notifyingLinkWrites(
      new DynamoLinkRepository(client, context.env.LINKS_TABLE!, { outbox: notifier.outboxItems }),
      () => notifier,
    );
    await links.write([write]);
    for (const id of notificationIds(write)) expect(await rights.getNotification(id)).toBeDefined();
    expect(await stillInOutbox(write)).toBe(false);
  });

  it('writes no outbox item for a link change that is refused', async () => {
    const write = whiteLinkCreated();
    const notifier = linkNotifier(rights, reader, outbox, PORTAL);
    const links = new DynamoLinkRepository(client, context.env.LINKS_TABLE!, {
      outbox: notifier.outboxItems,
    });
    expect(notifiableChanges([write])).toHaveLength(1);
    // A stale version: the link does not exist at version 3.
    await expect(links.write([{ ...write, expectedVersion: 3 }])).rejects.toThrow();
    expect(await links.get(write.link.linkId)).toBeUndefined();
    expect(await stillInOutbox(write)).toBe(false);
  });
});
