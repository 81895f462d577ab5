import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { CIR_TABLE, LINKS_TABLE } from '../../../lib/resources';
import { caller, platformContext } from '../../support/platform-context';
import { tableDigest } from '../../support/table-snapshot';
import { biometricsOf, type Identity, identityOf, linkedPair, midWorld } from '../mid/support';
import { type PublicReply, publicRequest, requestForm } from './support';

const context = platformContext();
const world = midWorld(context);
const tag = Date.now().toString(36);
const DAY_MS = 86_400_000;

const identity = (surname: string, firstName: string, dateOfBirth: string) =>
  identityOf(surname, firstName, dateOfBirth);

/** One person with an EES and a VIS file (same biometrics), linked white by the VIS file's check. */
async function person(n: number, memberState: string, ees: Identity, vis: Identity = ees) {
  const pair = await linkedPair(world, `it-dsr-${tag}-${n}`, n, memberState, ees, vis);
  expect(pair.link.colour).toBe('white');
  return pair;
}

const officer = (memberState: string) =>
  caller(context, ['rights-officer'], {
    authority: `${memberState}-RIGHTS`,
    memberState,
    userId: `rights-officer-${memberState}-${tag}`,
  });

const subjectOf = (who: Identity) => ({
  surname: who.surnames[0],
  givenNames: who.firstNames[0],
  dateOfBirth: who.dateOfBirth,
  nationality: who.nationalities[0],
});

async function submit(type: string, lodgedWith: string, subject: object): Promise<PublicReply> {
  const reply = await publicRequest(
    context,
    'POST',
    '/v1/data-subject-requests',
    requestForm({ type, lodgedWith, language: 'fr' }, { ...subject }),
  );
  expect(reply.status).toBe(202);
  return reply;
}

const statusOf = (reply: PublicReply) =>
  publicRequest(context, 'GET', `/v1/data-subject-requests/${reply.body.reference}`, undefined, {
    'x-access-code': reply.body.accessCode,
  });

const proof = { method: 'travel-document-in-person', note: 'passport checked at the counter, valid' };

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

describe('data-subject requests end to end (Arts 47-48)', () => {
  it('an access request: nothing leaks before the identity step, then forwarded, extended once and answered with the MID data', async () => {
    const known = identity('HALVORSEN-ILIESCU', 'ZINAIDA', '1968-09-17');
    const { a, b, link } = await person(7201, 'FR', known);
    const unknown = identity('HALVORSEN-ILIESCU', 'ZINAIDA', '1968-09-18');

    // Requests about a known and an unknown person look the same, and read or write no CIR or MID data.
    const cirBefore = await tableDigest(context, CIR_TABLE.envVar);
    const linksBefore = await tableDigest(context, LINKS_TABLE.envVar);
    const knownReplies: PublicReply[] = [];
    const unknownReplies: PublicReply[] = [];
    for (let i = 0; i < 8; i++) {
      // Alternating which goes first, so that neither always follows the other.
      const order = i % 2 === 0 ? [known, unknown] : [unknown, known];
      for (const who of order) {
        (who === known ? knownReplies : unknownReplies).push(await submit('access', 'DE', subjectOf(who)));
      }
    }
    expect(await tableDigest(context, CIR_TABLE.envVar)).toEqual(cirBefore);
    expect(await tableDigest(context, LINKS_TABLE.envVar)).toEqual(linksBefore);
    const shape = (reply: PublicReply) => ({
      status: reply.status,
      keys: Object.keys(reply.body).sort(),
      requestStatus: reply.body.status,
      codeLength: reply.body.accessCode.length,
      referenceLength: reply.body.reference.length,
    });
    expect(knownReplies.map(shape)).toEqual(unknownReplies.map(shape));
    const knownMs = median(knownReplies.map((reply) => reply.ms));
    const unknownMs = median(unknownReplies.map((reply) => reply.ms));
    console.log(`POST median: known person ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`);
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(Math.max(50, 0.5 * Math.max(knownMs, unknownMs)));
    const [knownRequest, unknownRequest] = [knownReplies[0]!, unknownReplies[0]!];
    const [knownStatus, unknownStatus] = [await statusOf(knownRequest), await statusOf(unknownRequest)];
    const comparable = (reply: PublicReply) => {
      const { reference: _r, receivedAt: _at, deadline: _d, ...rest } = reply.body;
      return { status: reply.status, ...rest };
    };
    expect(comparable(knownStatus)).toEqual(comparable(unknownStatus));
    // In the authority's queue too, nothing tells the two apart before the identity step.
    const de = await officer('DE');
    const queued = (await de.request('GET', '/v1/data-subject-requests?limit=100')).body.requests as {
      reference: string;
    }[];
    const inQueue = (reference: string) =>
      queued.find((r) => r.reference === reference) as Record<string, unknown>;
    expect(Object.keys(inQueue(knownRequest.body.reference)).sort()).toEqual(
      Object.keys(inQueue(unknownRequest.body.reference)).sort(),
    );
    expect(inQueue(knownRequest.body.reference).person).toBeUndefined();

    // Not answerable before the identity step.
    const reference = knownRequest.body.reference;
    const early = await de.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
      text: 'Here are your data.',
    });
    expect(early.status).toBe(409);

    // The identity step: the person is found (both files) and the request goes to FR, whose
    // authorities are responsible for the link (Art 29) and the records.
    const verified = await de.request(
      'POST',
      `/v1/data-subject-requests/${reference}/identity-verification`,
      proof,
    );
    expect(verified.status).toBe(200);
    expect(verified.body.forwarded).toBe(true);
    expect(verified.body.request).toMatchObject({
      status: 'in-progress',
      memberState: 'FR',
      lodgedWith: 'DE',
      identityVerification: { method: 'travel-document-in-person', by: { memberState: 'DE' } },
      person: { records: [a, b], sins: [link.sin] },
    });
    expect(verified.body.request.history.map((h: { event: string }) => h.event)).toEqual([
      'received',
      'identity-verified',
      'forwarded',
    ]);
    expect(verified.body.request.accessCodeDigest).toBeUndefined();
    expect(
      (await de.request('POST', `/v1/data-subject-requests/${reference}/identity-verification`, proof))
        .status,
    ).toBe(404);
    // The unknown person's request stays where it was lodged, with nothing found.
    const none = await de.request(
      'POST',
      `/v1/data-subject-requests/${unknownRequest.body.reference}/identity-verification`,
      proof,
    );
    expect(none.status).toBe(200);
    expect(none.body.request).toMatchObject({ memberState: 'DE', person: { records: [], sins: [] } });
    expect(
      (
        await de.request(
          'POST',
          `/v1/data-subject-requests/${unknownRequest.body.reference}/identity-verification`,
          proof,
        )
      ).status,
    ).toBe(409);

    // FR: the deadline is 45 days from receipt, extended once by 15 with a reason.
    const fr = await officer('FR');
    const frQueue = (await fr.request('GET', '/v1/data-subject-requests?limit=100')).body.requests as {
      reference: string;
      deadline: string;
      daysLeft: number;
    }[];
    const mine = frQueue.find((r) => r.reference === reference)!;
    expect(Date.parse(mine.deadline) - Date.parse(knownRequest.body.receivedAt)).toBe(45 * DAY_MS);
    expect(mine.daysLeft).toBe(45);
    const deadlines = frQueue.map((r) => r.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const shortReason = await fr.request('POST', `/v1/data-subject-requests/${reference}/extension`, {
      reason: 'busy',
    });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.error.details.issues[0].field).toBe('body.reason');
    const extended = await fr.request('POST', `/v1/data-subject-requests/${reference}/extension`, {
      reason: 'records held by two systems need checking with the VIS authority',
    });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.request.deadline) - Date.parse(knownRequest.body.receivedAt)).toBe(
      60 * DAY_MS,
    );
    expect(
      (
        await fr.request('POST', `/v1/data-subject-requests/${reference}/extension`, {
          reason: 'a second extension is not allowed',
        })
      ).status,
    ).toBe(409);
    expect((await statusOf(knownRequest)).body).toMatchObject({ extended: true, status: 'in-progress' });

    // The written answer: an access request gets the data, not a decision.
    const withDecision = await fr.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
      decision: 'granted',
      text: 'Vos données figurent ci-dessous.',
    });
    expect(withDecision.status).toBe(422);
    const answered = await fr.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
      text: 'Vos données figurent ci-dessous.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.instructions).toEqual([]);
    const publicAnswer = (await statusOf(knownRequest)).body;
    expect(publicAnswer).toMatchObject({
      status: 'answered',
      answer: { text: 'Vos données figurent ci-dessous.' },
    });
    expect(publicAnswer.answer.data.files.map((f: RecordRef) => `${f.system}/${f.recordId}`).sort()).toEqual(
      [a, b].map((r) => `${r.system}/${r.recordId}`),
    );
    expect(publicAnswer.answer.data.files[0].identity.surnames).toEqual(['HALVORSEN-ILIESCU']);
    expect(publicAnswer.answer.data.links).toEqual([
      expect.objectContaining({ linkId: link.linkId, colour: 'white', sin: link.sin }),
    ]);
    // The officials' justifications and user ids are not in it.
    expect(JSON.stringify(publicAnswer.answer.data)).not.toContain('verifier');
    expect(
      (await fr.request('POST', `/v1/data-subject-requests/${reference}/answer`, { text: 'again, twice' }))
        .status,
    ).toBe(409);
    const after = (await fr.request('GET', '/v1/data-subject-requests?limit=100')).body.requests as {
      reference: string;
    }[];
    expect(after.some((r) => r.reference === reference)).toBe(false);

    // Each step is in the log, with the request's reference and without the requester's data.
    const dpo = await world.dpo();
    const actions = [];
    for (const [userId, action] of [
      ['anonymous', 'submitDataSubjectRequest'],
      ['anonymous', 'getDataSubjectRequestStatus'],
      [`rights-officer-DE-${tag}`, 'verifyRequesterIdentity'],
      [`rights-officer-FR-${tag}`, 'extendRequestDeadline'],
      [`rights-officer-FR-${tag}`, 'answerDataSubjectRequest'],
    ] as const) {
      const log = await dpo.request('GET', `/v1/audit?userId=${userId}&action=${action}&limit=500`);
      const entries = log.body.entries.filter(
        (e: { caseReference?: string }) => e.caseReference === reference,
      );
      expect(entries.length, action).toBeGreaterThan(0);
      expect(JSON.stringify(entries)).not.toContain('HALVORSEN');
      expect(JSON.stringify(entries)).not.toContain('person@example.org');
      actions.push(action);
    }
    expect(actions).toHaveLength(5);
  });

  it('a granted rectification is instructed to the origin systems and flows back through the CIR and the MID', async () => {
    // EES holds the date of birth with day and month swapped: still similar, so the link is white.
    const right = identity('ACHTERBERG-MOLNAR', 'ROZALIA', '1980-05-06');
    const { a, b, link } = await person(7202, 'DE', { ...right, dateOfBirth: '1980-06-05' }, right);
    const request = await submit('rectification', 'DE', subjectOf(right));
    const de = await officer('DE');
    const reference = request.body.reference;
    const verified = await de.request(
      'POST',
      `/v1/data-subject-requests/${reference}/identity-verification`,
      proof,
    );
    expect(verified.body).toMatchObject({
      forwarded: false,
      request: { memberState: 'DE', person: { records: [a, b] } },
    });
    expect(
      (
        await de.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
          decision: 'granted',
          text: 'Votre date de naissance sera rectifiée.',
        })
      ).status,
    ).toBe(422);
    const answered = await de.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
      decision: 'granted',
      text: 'Votre date de naissance sera rectifiée.',
      rectification: 'date of birth: 6 May 1980 (day and month were swapped)',
    });
    expect(answered.status).toBe(200);
    expect(
      answered.body.instructions.map((i: { system: string; action: string }) => `${i.system}:${i.action}`),
    ).toEqual(['EES:rectify', 'VIS:rectify']);

    // The EES reads its instructions (own system only) and applies the correction through the ingestion API.
    const eesSystem = await caller(context, ['origin-system'], {
      system: 'EES',
      authority: 'EES:SYS',
      userId: 'ees-dsr-it',
    });
    const instructions = await eesSystem.request('GET', '/v1/systems/EES/rights-instructions?limit=100');
    expect(instructions.status).toBe(200);
    expect(instructions.body.instructions).toContainEqual(
      expect.objectContaining({ reference, system: 'EES', recordId: a.recordId, action: 'rectify' }),
    );
    expect((await eesSystem.request('GET', '/v1/systems/VIS/rights-instructions')).status).toBe(403);
    await world.put(a, { identity: right, biometrics: biometricsOf(7202, 0), memberState: 'DE' }, 2);

    const file = await eesSystem.request('GET', `/v1/systems/EES/records/${a.recordId}`);
    expect(file.body.identity.dateOfBirth).toBe('1980-05-06');
    const rechecked = (await world.linkBetween(a, b))!;
    expect(rechecked.colour).toBe('white');
    expect(rechecked.version).toBeGreaterThan(link.version);
    expect(rechecked.evidence.identity.categories.dateOfBirth).toBe('same');
    expect(link.evidence.identity.categories.dateOfBirth).toBe('similar');
    // The identity confirmation file keeps its history: the creation, then the re-check.
    expect(rechecked.history.slice(0, link.history.length)).toEqual(link.history);
    expect(rechecked.history.at(-1)).toMatchObject({ event: 'evidence-updated', toColour: 'white' });
    expect((await statusOf(request)).body).toMatchObject({
      status: 'answered',
      answer: { decision: 'granted' },
    });
  });

  it('a granted erasure is instructed, and the origin deletion removes the file and its link from the CIR and MID', async () => {
    const who = identity('VANTONGEREN-SZABO', 'EULALIA', '1975-12-03');
    const { a, b, link } = await person(7203, 'DE', who);
    const request = await submit('erasure', 'DE', subjectOf(who));
    const de = await officer('DE');
    const reference = request.body.reference;
    await de.request('POST', `/v1/data-subject-requests/${reference}/identity-verification`, proof);
    const answered = await de.request('POST', `/v1/data-subject-requests/${reference}/answer`, {
      decision: 'granted',
      text: 'Les données seront effacées du système EES.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.request.deadline).toBe(
      new Date(Date.parse(request.body.receivedAt) + 45 * DAY_MS).toISOString(),
    );
    expect(answered.body.instructions).toContainEqual(
      expect.objectContaining({ system: 'EES', recordId: a.recordId, action: 'erase' }),
    );
    const removed = await world.remove(a);
    expect(removed.status).toBe(200);
    expect(await world.linkBetween(b, a)).toBeUndefined();
    expect(await world.links.get(link.linkId)).toBeUndefined();
    const visSystem = await caller(context, ['origin-system'], {
      system: 'VIS',
      authority: 'VIS:SYS',
      userId: 'vis-dsr-it',
    });
    expect((await visSystem.request('GET', `/v1/systems/VIS/records/${b.recordId}`)).status).toBe(200);
    // A refused erasure instructs nothing.
    const refusedRequest = await submit('erasure', 'DE', subjectOf(who));
    await de.request(
      'POST',
      `/v1/data-subject-requests/${refusedRequest.body.reference}/identity-verification`,
      proof,
    );
    const refused = await de.request(
      'POST',
      `/v1/data-subject-requests/${refusedRequest.body.reference}/answer`,
      {
        decision: 'refused',
        text: 'Les données sont exactes et conservées légalement.',
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.instructions).toEqual([]);
  });
});
