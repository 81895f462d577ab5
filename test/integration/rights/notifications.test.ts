import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { midQueueDrained } from '../../support/table-snapshot';
import { biometricsOf, type Identity, identityOf, linkedPair, midWorld } from '../mid/support';

const context = platformContext();
const world = midWorld(context);
const tag = Date.now().toString(36);

const identity = (surname: string, firstName: string, dateOfBirth: string, sex: 'M' | 'F' = 'F') =>
  identityOf(surname, firstName, dateOfBirth, sex);

/** An EES and a VIS file of one person's biometrics (synthetic person n), the VIS check linking them. */
const pair = (n: number, memberState: string, ees: Identity, vis: Identity) =>
  linkedPair(world, `it-ntf-${tag}-${n}`, n, memberState, ees, vis);

/** An officer of the authority the notifications go out through (`<system>:<Member State>`). */
const officer = (authority: string) =>
  caller(context, ['rights-officer'], {
    authority,
    memberState: authority.split(':')[1],
    userId: `rights-${authority}`,
  });

interface NotificationView {
  notificationId: string;
  linkId: string;
  colour: string;
  record: RecordRef;
  sin: string;
  status: string;
  verifyingAuthority: string;
  notifyingAuthority: string;
  portalUrl: string;
  rendered: { language: string; dir: string; subject: string; paragraphs: string[] };
}

async function notificationsOf(
  authority: string,
  linkId: string,
  status = 'to-send',
): Promise<NotificationView[]> {
  const reply = await (await officer(authority)).request(
    'GET',
    `/v1/notifications?status=${status}&limit=100`,
  );
  expect(reply.status).toBe(200);
  return reply.body.notifications.filter((n: NotificationView) => n.linkId === linkId);
}

describe('notifications of red and white links (Arts 32(4), 33(3))', () => {
  it("writes each person's notification in the language their origin system recorded (English otherwise)", async () => {
    const a: RecordRef = { system: 'EES', recordId: `it-ntf-${tag}-lang-a` };
    const b: RecordRef = { system: 'VIS', recordId: `it-ntf-${tag}-lang-b` };
    const who = identity('QASSEMI-ROUDAKI', 'LEILA', '1986-02-27');
    await world.put(a, {
      identity: who,
      biometrics: biometricsOf(7150, 0),
      memberState: 'LT',
      language: 'ar',
    });
    await world.put(b, {
      identity: who,
      biometrics: biometricsOf(7150, 1),
      memberState: 'LT',
      language: 'es',
    });
    const link = await eventually(() => world.linkBetween(a, b), 10_000, 'the link');
    expect(link.colour).toBe('white');
    const [viaEes] = await eventually(async () => {
      const found = await notificationsOf('EES:LT', link.linkId);
      return found.length ? found : undefined;
    });
    expect(viaEes!.rendered).toMatchObject({ language: 'ar', dir: 'rtl' });
    expect(viaEes!.rendered.paragraphs.join('\n')).toContain(link.sin!);
    // No template in Spanish: English.
    const [viaVis] = await notificationsOf('VIS:LT', link.linkId);
    expect(viaVis!.rendered).toMatchObject({ language: 'en', dir: 'ltr' });
  });

  it('notifies both persons concerned through their origin systems when a white link is created automatically', async () => {
    const { a, b, link } = await pair(
      7101,
      'LT',
      identity('WRZESNIEWSKA-ODRA', 'MILENA', '1979-08-14'),
      identity('WRZESNIEWSKA ODRA', 'MILENA', '1979-08-14'),
    );
    expect(link.colour).toBe('white');
    const [viaEes] = await eventually(async () => {
      const found = await notificationsOf('EES:LT', link.linkId);
      return found.length ? found : undefined;
    });
    const viaVis = await notificationsOf('VIS:LT', link.linkId);
    expect(viaVis).toHaveLength(1);
    expect(viaEes).toMatchObject({
      colour: 'white',
      record: a,
      sin: link.sin,
      status: 'to-send',
      notifyingAuthority: 'EES:LT',
      verifyingAuthority: link.responsibleAuthority,
      portalUrl: 'http://localhost:3000/portal/',
      rendered: { language: 'en', dir: 'ltr' },
    });
    expect(viaVis[0]!.record).toEqual(b);
    const text = viaEes!.rendered.paragraphs.join('\n');
    expect(text).toContain(link.sin!);
    expect(text).toContain(link.responsibleAuthority);
    expect(text).toContain('http://localhost:3000/portal/');
    // Another authority does not see them.
    expect(await notificationsOf('EES:LV', link.linkId)).toEqual([]);
  });

  it('a duplicated MID check delivery creates no second notification', async () => {
    const { b, link } = await pair(
      7102,
      'LT',
      identity('KOWALCZUK-BRZEG', 'ALEKSANDRA', '1983-02-27'),
      identity('KOWALCZUK-BRZEG', 'ALEKSANDRA', '1983-02-27'),
    );
    expect(link.colour).toBe('white');
    const before = await eventually(async () => {
      const found = await notificationsOf('EES:LT', link.linkId);
      return found.length ? found : undefined;
    });
    const sqs = new SQSClient({
      region: context.env.AWS_REGION,
      endpoint: context.env.AWS_ENDPOINT_URL_SQS,
      useQueueUrlAsEndpoint: false,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const message = JSON.stringify({ system: b.system, recordId: b.recordId, version: 1 });
    for (let i = 0; i < 2; i++) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: context.env.MID_CHECK_QUEUE_URL, MessageBody: message }),
      );
    }
    sqs.destroy();
    await eventually(async () => ((await midQueueDrained(context)) ? true : undefined), 30_000, 'the queue');
    expect(await notificationsOf('EES:LT', link.linkId)).toEqual(before);
    expect(await notificationsOf('VIS:LT', link.linkId)).toHaveLength(1);
  });

  it('notifies on a red link after manual verification, and keeps, logs and lists an exception', async () => {
    const { a, link } = await pair(
      7103,
      'SI',
      identity('OYELARAN-FENWICK', 'THEODORA', '1971-11-30'),
      identity('MAKAROVSKY', 'BORISLAV', '1990-04-04', 'M'),
    );
    expect(link.colour).toBe('yellow');
    expect(await notificationsOf('EES:SI', link.linkId)).toEqual([]);
    const verifier = await world.verifier(link.responsibleAuthority, `verifier-ntf-${tag}`);
    const red = await verifier.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
      colour: 'red',
      justification: 'one person under two identities',
      expectedVersion: link.version,
    });
    expect(red.status).toBe(200);
    const [notification] = await notificationsOf('EES:SI', link.linkId);
    expect(notification).toMatchObject({
      colour: 'red',
      record: a,
      sin: red.body.sin,
      verifyingAuthority: link.responsibleAuthority,
    });
    expect(notification!.rendered.subject).toContain('red link');

    const path = `/v1/notifications/${notification!.notificationId}/exception`;
    const reviewBy = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const body = {
      ground: 'investigation',
      reason: 'an ongoing criminal investigation, case 2026/114',
      reviewBy,
    };
    const ees = await officer('EES:SI');
    // Bad input: 400 naming the field, nothing changed.
    const badDate = await ees.request('POST', path, { ...body, reviewBy: '2020-01-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.reviewBy',
    ]);
    const noReason = await ees.request('POST', path, { ...body, reason: 'short' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.reason',
    ]);
    // Another authority cannot see or withhold it.
    expect((await (await officer('EES:HR')).request('POST', path, body)).status).toBe(404);

    const withheld = await ees.request('POST', path, body);
    expect(withheld.status).toBe(200);
    expect(withheld.body.notification).toMatchObject({
      status: 'withheld',
      exception: { ground: 'investigation', reviewBy, by: { authority: 'EES:SI' } },
    });
    expect((await ees.request('POST', path, body)).status).toBe(409);
    expect(await notificationsOf('EES:SI', link.linkId)).toEqual([]);
    const kept = await notificationsOf('EES:SI', link.linkId, 'withheld');
    expect(kept.map((n) => n.notificationId)).toEqual([notification!.notificationId]);
    // The VIS side is still to be sent: the exception is per notification.
    expect(await notificationsOf('VIS:SI', link.linkId)).toHaveLength(1);

    const log = await (await world.dpo()).request(
      'GET',
      `/v1/audit?userId=rights-EES:SI&action=recordNotificationException&limit=50`,
    );
    expect(log.status).toBe(200);
    const entries = log.body.entries.filter(
      (entry: { details?: { notificationId?: string } }) =>
        entry.details?.notificationId === notification!.notificationId,
    );
    // The refused review date (checked by the domain), the exception, the second attempt.
    expect(entries.map((e: { httpStatus: number }) => e.httpStatus).sort()).toEqual([200, 400, 409]);
    // Logged without the reason's text.
    expect(JSON.stringify(entries)).not.toContain('criminal investigation');
  });
});
