import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { midQueueDrained } from '../../support/table-snapshot';
import { type Identity, identityOf, linkedPair, midWorld } from './support';

const context = platformContext();
const world = midWorld(context);

const _ees = (recordId: string): RecordRef => ({ system: 'EES', recordId });
const _vis = (recordId: string): RecordRef => ({ system: 'VIS', recordId });

const identity = (surname: string, firstName: string, dateOfBirth: string, sex: 'M' | 'F' = 'F') =>
  identityOf(surname, firstName, dateOfBirth, sex);

const pair = (n: number, memberState: string, eesIdentity: Identity, visIdentity: Identity) =>
  linkedPair(world, `it-mid-${n}`, n, memberState, eesIdentity, visIdentity);

describe('MID links through the API', () => {
  it('links two files of one person with the same biometrics and similar identity white', async () => {
    const { a, b, link } = await pair(
      1,
      'LU',
      identity('OKONKWO-BERG', 'ADAEZE', '1983-04-17'),
      identity('OKONKWO BERG', 'ADAZE', '1983-04-17'),
    );
    expect(link.colour).toBe('white');
    expect(link.classifiedBy).toBe('mid');
    expect(link.sin).toBeDefined();
    // A border guard's profile covers EES and VIS: the white link and its records (Art 26(3)), no data.
    const guard = await caller(context, ['border-guard'], {
      profile: 'border-guard',
      authority: 'LU-POLICE',
    });
    const seen = await guard.request('GET', `/v1/mid/links/${link.linkId}`);
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body).sort()).toEqual(['colour', 'linkId', 'records', 'sin']);
    // The responsible verifier gets the identity confirmation file, both files side by side (Art 34).
    const file = await (await world.verifier(link.responsibleAuthority)).request(
      'GET',
      `/v1/mid/links/${link.linkId}`,
    );
    expect(file.status).toBe(200);
    expect(file.body.colour).toBe('white');
    expect(file.body.files.map((f: { ref: RecordRef }) => f.ref)).toEqual(expect.arrayContaining([a, b]));
    const byRef = Object.fromEntries(
      file.body.files.map((f: { ref: RecordRef; file: { identity: Identity } }) => [f.ref.recordId, f.file]),
    );
    expect(byRef[a.recordId].identity.firstNames).toEqual(['ADAEZE']);
    expect(byRef[b.recordId].identity.firstNames).toEqual(['ADAZE']);
    expect(file.body.evidence).toBeDefined();
    // Police with the CIR only do not see a white link (Art 26: both systems needed): 404, not 403.
    const police = await caller(context, ['police'], {
      profile: 'police-identity-check',
      authority: 'PL-POLICE',
    });
    expect((await police.request('GET', `/v1/mid/links/${link.linkId}`)).status).toBe(404);
  });

  it('routes a yellow link (same biometrics, different identity) to the authority of the triggering file only', async () => {
    const { link } = await pair(
      2,
      'MT',
      identity('VASQUEZ-ORTIGA', 'MARISOL', '1975-02-09'),
      identity('NAKAGAWA', 'HIROKO', '1991-11-30'),
    );
    expect(link.colour).toBe('yellow');
    expect(link.responsibleAuthority).toBe('VIS:MT');
    const responsible = await world.verifier('VIS:MT');
    const queue = await responsible.request('GET', '/v1/mid/links?colour=yellow');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { linkId: string }) => i.linkId === link.linkId);
    expect(item).toMatchObject({ version: link.version, yellowSince: link.yellowSince });
    expect(item.ageSeconds).toBeGreaterThanOrEqual(0);
    const file = await responsible.request('GET', `/v1/mid/links/${link.linkId}`);
    expect(file.status).toBe(200);
    expect(file.body.files.every((f: { file: unknown }) => f.file !== null)).toBe(true);

    for (const other of ['EES:MT', 'VIS:CY', 'SIRENE:MT']) {
      const verifier = await world.verifier(other);
      const theirs = await verifier.request('GET', '/v1/mid/links');
      expect(theirs.body.items.map((i: { linkId: string }) => i.linkId)).not.toContain(link.linkId);
      expect((await verifier.request('GET', `/v1/mid/links/${link.linkId}`)).status).toBe(404);
    }
  });

  it('pages the queue oldest first with a cursor', async () => {
    await pair(
      3,
      'SI',
      identity('FAIRWEATHER', 'OPHELIA', '1960-06-06'),
      identity('ZABOLOTNY', 'TARAS', '1999-12-12', 'M'),
    );
    await pair(
      4,
      'SI',
      identity('KRISHNAMURTHY', 'LAKSHMI', '1970-07-07'),
      identity('OYELOWO', 'TUNDE', '1988-08-08', 'M'),
    );
    const verifier = await world.verifier('VIS:SI');
    const first = await verifier.request('GET', '/v1/mid/links?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeDefined();
    const second = await verifier.request(
      'GET',
      `/v1/mid/links?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].linkId).not.toBe(first.body.items[0].linkId);
    expect(first.body.items[0].yellowSince <= second.body.items[0].yellowSince).toBe(true);
    const bad = await verifier.request('GET', '/v1/mid/links?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.cursor');
  });

  it('verifies a link with optimistic locking, refuses contradictions, and keeps every change in history and log', async () => {
    const { link } = await pair(
      5,
      'EE',
      identity('ABERNATHY-QUILL', 'PERPETUA', '1966-03-21'),
      identity('SZCZEPANIAK', 'BOGUMIL', '1987-10-02', 'M'),
    );
    expect(link.colour).toBe('yellow');
    const verifier = await world.verifier('VIS:EE', 'verifier-mid-it-5');
    const path = `/v1/mid/links/${link.linkId}/verification`;
    const green = await verifier.request('POST', path, {
      colour: 'green',
      justification: 'different persons, checked documents',
      expectedVersion: link.version,
    });
    expect(green.status).toBe(200);
    expect(green.body).toMatchObject({ colour: 'green', classifiedBy: 'manual', version: link.version + 1 });
    const stale = await verifier.request('POST', path, {
      colour: 'red',
      justification: 'again',
      expectedVersion: link.version,
    });
    expect(stale.status).toBe(409);
    const same = await verifier.request('POST', path, {
      colour: 'green',
      justification: 'again',
      expectedVersion: link.version + 1,
    });
    expect(same.status).toBe(422);
    const red = await verifier.request('POST', path, {
      colour: 'red',
      justification: 'fraud',
      expectedVersion: link.version + 1,
    });
    expect(red.status).toBe(200);
    const white = await verifier.request('POST', path, {
      colour: 'white',
      justification: 'same person after all',
      expectedVersion: link.version + 2,
    });
    expect(white.status).toBe(200);
    expect(white.body.sin).toBeDefined();
    const history = white.body.history.filter((h: { event: string }) => h.event === 'verified');
    expect(
      history.map((h: { fromColour: string; toColour: string }) => `${h.fromColour}>${h.toColour}`),
    ).toEqual(['yellow>green', 'green>red', 'red>white']);
    expect(history[0].by).toMatchObject({ userId: 'verifier-mid-it-5', authority: 'VIS:EE' });
    // not in the queue any more
    const queue = await verifier.request('GET', '/v1/mid/links');
    expect(queue.body.items.map((i: { linkId: string }) => i.linkId)).not.toContain(link.linkId);

    const log = await (await world.dpo()).request('GET', '/v1/audit?userId=verifier-mid-it-5&limit=20');
    expect(
      log.body.entries
        .filter((e: { action: string }) => e.action === 'verifyLink')
        .map(
          (e: { httpStatus: number; details: { toColour?: string } }) =>
            `${e.httpStatus}:${e.details.toColour ?? '-'}`,
        )
        .reverse(),
    ).toEqual(['200:green', '409:-', '422:-', '200:red', '200:white']);
    expect(JSON.stringify(log.body.entries)).not.toMatch(/ABERNATHY|SZCZEPANIAK|fraud/);

    // another authority may not verify a link it cannot see
    const other = await world.verifier('EES:EE');
    expect(
      (
        await other.request('POST', path, {
          colour: 'red',
          justification: 'x',
          expectedVersion: link.version + 3,
        })
      ).status,
    ).toBe(404);
  });

  it('names the invalid field of a malformed request and admits only verifiers to the queue', async () => {
    const verifier = await world.verifier('VIS:EE');
    const badId = await verifier.request('GET', '/v1/mid/links/not-a-link');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.issues[0].field).toBe('path.linkId');
    const linkId = `lnk-${'0'.repeat(32)}`;
    expect((await verifier.request('GET', `/v1/mid/links/${linkId}`)).status).toBe(404);
    const yellow = await verifier.request('POST', `/v1/mid/links/${linkId}/verification`, {
      colour: 'yellow',
      justification: 'x',
      expectedVersion: 1,
    });
    expect(yellow.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('body.colour');
    const noVersion = await verifier.request('POST', `/v1/mid/links/${linkId}/verification`, {
      colour: 'red',
      justification: 'x',
    });
    expect(noVersion.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(
      'body.expectedVersion',
    );
    expect((await verifier.request('GET', '/v1/mid/links?limit=0')).status).toBe(400);
    const guard = await caller(context, ['border-guard'], { profile: 'border-guard' });
    expect((await guard.request('GET', '/v1/mid/links')).status).toBe(403);
  });

  it('creates nothing twice when the queue delivers the same check again', async () => {
    const { a, b, link } = await pair(
      6,
      'LV',
      identity('TRZECIAKOWSKA', 'ZUZANNA', '1958-09-14'),
      identity('TRZECIAKOWSKA', 'ZUZANA', '1958-09-14'),
    );
    const before = await world.links.listByRecord(b);
    const checksBefore = (await world.checksOf(b)).length;
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    const message = {
      MessageBody: JSON.stringify({ ...b, version: 1 }),
      QueueUrl: context.env.MID_CHECK_QUEUE_URL,
    };
    await sqs.send(new SendMessageCommand(message));
    await sqs.send(new SendMessageCommand(message));
    await eventually(
      async () => ((await midQueueDrained(context)) ? true : undefined),
      20_000,
      'both redeliveries consumed',
    );
    sqs.destroy();
    // The check of that version ran already: the copies are not checked or logged again.
    expect(await world.checksOf(b)).toHaveLength(checksBefore);
    const after = await world.links.listByRecord(b);
    expect(after.map((l) => [l.linkId, l.version, l.history.length])).toEqual(
      before.map((l) => [l.linkId, l.version, l.history.length]),
    );
    expect((await world.linkBetween(a, b))?.version).toBe(link.version);
  });

  it('removes the links of a deleted record', async () => {
    const { a, b, link } = await pair(
      7,
      'LT',
      identity('MWANGANGI', 'WANJIRU', '1994-05-25'),
      identity('MWANGANGI', 'WANJIRU', '1994-05-25'),
    );
    expect(link.colour).toBe('white');
    const removed = await world.remove(a);
    expect(removed.status).toBe(200);
    expect(removed.body.removed.links).toBe(1);
    expect(await world.links.listByRecord(b)).toEqual([]);
    expect(await world.links.get(link.linkId)).toBeUndefined();
    const guard = await caller(context, ['border-guard'], { profile: 'border-guard' });
    expect((await guard.request('GET', `/v1/mid/links/${link.linkId}`)).status).toBe(404);
  });
});
