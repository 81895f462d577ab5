import { describe, expect, it } from 'vitest';
import type { LinkWrite } from '../../../functions/mid/domain/link-repository';
import type { HistoryEntry, Link } from '../../../functions/mid/domain/links';
import {
  assertNotifiedThrough,
  notifiableChanges,
  notificationsFor,
  recordException,
} from '../../../functions/rights/domain/notifications';
import {
  LRI,
  PDI,
  RLM,
  renderNotification,
  TEMPLATES,
} from '../../../functions/rights/notifications/template';
import { linkNotifier } from '../../../functions/rights/notifier';
import { RIGHTS_LANGUAGES } from '../../../functions/shared/schemas/rights';

const ees = { system: 'EES' as const, recordId: 'rec-ees-1' };
const vis = { system: 'VIS' as const, recordId: 'rec-vis-1' };
const PORTAL = 'https://rights.example.eu/portal/';

const entry = (
  at: string,
  fromColour: Link['colour'] | null,
  toColour: Link['colour'],
  sin?: string,
): HistoryEntry => ({
  at,
  by: { kind: 'mid' },
  event: fromColour === null ? 'created' : 'verified',
  fromColour,
  toColour,
  responsibleAuthority: 'VIS:FR',
  sin,
});

function link(history: HistoryEntry[]): Link {
  const last = history[history.length - 1]!;
  return {
    linkId: 'lnk-0123456789abcdef0123456789abcdef',
    records: [ees, vis],
    colour: last.toColour,
    classifiedBy: 'mid',
    sin: last.sin,
    responsibleAuthority: 'VIS:FR',
    createdAt: history[0]!.at,
    updatedAt: last.at,
    version: history.length,
    evidence: {} as Link['evidence'],
    history,
  };
}

const put = (history: HistoryEntry[], expectedVersion: number): LinkWrite => ({
  kind: 'put',
  link: link(history),
  expectedVersion,
});

describe('which link changes are notified (Arts 32(4), 33(3))', () => {
  it('a link created white, and a link turned red or white, call for a notification', () => {
    const white = put([entry('2026-03-01T08:00:00Z', null, 'white', 'SIN-A')], 0);
    const red = put(
      [
        entry('2026-03-01T08:00:00Z', null, 'yellow'),
        entry('2026-03-02T08:00:00Z', 'yellow', 'red', 'SIN-B'),
      ],
      1,
    );
    expect(notifiableChanges([white, red]).map((c) => `${c.change.toColour}:${c.change.sin}`)).toEqual([
      'white:SIN-A',
      'red:SIN-B',
    ]);
  });

  it('yellow, green, an unchanged colour, older changes and deletions call for none', () => {
    const yellow = put([entry('2026-03-01T08:00:00Z', null, 'yellow')], 0);
    const green = put(
      [entry('2026-03-01T08:00:00Z', null, 'yellow'), entry('2026-03-02T08:00:00Z', 'yellow', 'green')],
      1,
    );
    // A white link whose SIN changed later: the white change is old, nothing new to tell.
    const sinChanged = put(
      [
        entry('2026-03-01T08:00:00Z', null, 'white', 'SIN-A'),
        entry('2026-03-05T08:00:00Z', 'white', 'white', 'SIN-B'),
      ],
      1,
    );
    const deleted: LinkWrite = { kind: 'delete', linkId: 'lnk-x', expectedVersion: 2 };
    expect(notifiableChanges([yellow, green, sinChanged, deleted])).toEqual([]);
  });

  it('one notification per linked file, through its origin system in its Member State, with a stable id', () => {
    const changes = notifiableChanges([put([entry('2026-03-01T08:00:00Z', null, 'white', 'SIN-A')], 0)]);
    const files = (ref: { system: string }) =>
      ref.system === 'EES' ? { memberState: 'DE' } : { language: 'fr' as const };
    const first = notificationsFor(changes, files, PORTAL, new Date('2026-03-01T09:00:00Z'));
    const again = notificationsFor(changes, files, PORTAL, new Date('2026-03-04T09:00:00Z'));
    expect(first.map((n) => [n.notifyingAuthority, n.rendered.language, n.verifyingAuthority])).toEqual([
      ['EES:DE', 'en', 'VIS:FR'],
      ['VIS:EU', 'fr', 'VIS:FR'],
    ]);
    expect(first.map((n) => n.notificationId)).toEqual(again.map((n) => n.notificationId));
    expect(new Set(first.map((n) => n.notificationId)).size).toBe(2);
    expect(first[0]!.notificationId).toMatch(/^ntf-[0-9a-f]{32}$/);
  });

  it('the notifier creates each notification once however often the same writes come (redelivery)', async () => {
    const created = new Map<string, unknown>();
    const store = {
      async createNotification(notification: { notificationId: string }) {
        if (created.has(notification.notificationId)) return false;
        created.set(notification.notificationId, notification);
        return true;
      },
    };
    const reader = { files: async () => [] };
    const outbox = { items: () => [], pending: async () => [], clear: async () => {} };
    const notifier = linkNotifier(store, reader, outbox, PORTAL);
    const writes = [put([entry('2026-03-01T08:00:00Z', null, 'white', 'SIN-A')], 0)];
    await notifier.linkWrites(writes);
    await notifier.linkWrites(writes);
    expect(created.size).toBe(2);
  });
});

describe('exceptions to notifying', () => {
  const [notification] = notificationsFor(
    notifiableChanges([put([entry('2026-03-01T08:00:00Z', null, 'white', 'SIN-A')], 0)]),
    () => ({ memberState: 'DE' }),
    PORTAL,
    new Date('2026-03-01T09:00:00Z'),
  );
  const officer = { userId: 'u-1', authority: 'EES:DE', memberState: 'DE' };
  const now = new Date('2026-03-02T09:00:00Z');

  it('withholds with a ground, a reason and a review date within a year, once', () => {
    const withheld = recordException(
      notification!,
      { ground: 'security', reason: 'threat to public security', reviewBy: '2026-06-01' },
      officer,
      now,
    );
    expect(withheld).toMatchObject({ status: 'withheld', exception: { ground: 'security', by: officer } });
    expect(() =>
      recordException(
        withheld,
        { ground: 'security', reason: 'again and again', reviewBy: '2026-06-01' },
        officer,
        now,
      ),
    ).toThrow('already recorded');
    for (const reviewBy of ['2026-03-02', '2027-03-10']) {
      expect(() =>
        recordException(
          notification!,
          { ground: 'investigation', reason: 'an investigation', reviewBy },
          officer,
          now,
        ),
      ).toThrow('body.reviewBy');
    }
  });

  it('is handled only by the authority it goes out through', () => {
    expect(assertNotifiedThrough(notification, officer)).toBe(notification);
    expect(() => assertNotifiedThrough(notification, { ...officer, authority: 'VIS:DE' })).toThrow(
      'not found',
    );
  });
});

describe('notification templates', () => {
  const values = { authority: 'SIRENE:DE', sin: 'SIN-20260301T080000000Z-0a1b2c3d4e5f', portal: PORTAL };

  it('exist in every language of the portal, for red and white links, with every value filled in', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...RIGHTS_LANGUAGES].sort());
    for (const language of RIGHTS_LANGUAGES) {
      for (const colour of ['red', 'white'] as const) {
        const rendered = renderNotification(language, colour, values);
        const text = [rendered.subject, ...rendered.paragraphs].join('\n');
        expect(text, `${language} ${colour}`).not.toMatch(/[{}]/);
        for (const value of Object.values(values)) expect(text, `${language} ${colour}`).toContain(value);
      }
      // Red and white say different things.
      expect(renderNotification(language, 'red', values).paragraphs[0]).not.toBe(
        renderNotification(language, 'white', values).paragraphs[0],
      );
    }
  });

  it('marks Arabic right-to-left: a right-to-left mark opens each paragraph, values are left-to-right isolates', () => {
    const rendered = renderNotification('ar', 'red', values);
    expect(rendered.dir).toBe('rtl');
    for (const paragraph of [rendered.subject, ...rendered.paragraphs])
      expect(paragraph.startsWith(RLM)).toBe(true);
    expect(rendered.paragraphs.join('')).toContain(`${LRI}${values.sin}${PDI}`);
    expect(rendered.paragraphs.join('')).toContain(`${LRI}${values.portal}${PDI}`);
  });

  it('adds no direction marks to left-to-right languages', () => {
    for (const language of RIGHTS_LANGUAGES.filter((l) => l !== 'ar')) {
      const rendered = renderNotification(language, 'white', values);
      expect(rendered.dir).toBe('ltr');
      expect([rendered.subject, ...rendered.paragraphs].join('')).not.toMatch(/[\u200F\u2066\u2069]/);
    }
  });
});
