import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { type Platform, startPlatform } from '../../../local/platform';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { freePort } from '../../support/free-port';
import { type ApiReply, caller, eventually, type PlatformContext } from '../../support/platform-context';

/**
 * Art 22 and Art 20 over HTTP. This file runs its own platform so that the workflow's durations can
 * be seconds (decision timeout and grant validity 3 s): the configuration is read at start.
 */
const DECISION_SECONDS = 3;
const GRANT_SECONDS = 3;
let platform: Platform;
let context: PlatformContext;
let keyDir: string;

beforeAll(async () => {
  Object.assign(process.env, {
    CONSULTATION_DECISION_TIMEOUT_SECONDS: String(DECISION_SECONDS),
    CONSULTATION_GRANT_VALIDITY_SECONDS: String(GRANT_SECONDS),
    CONSULTATION_URGENT_VERIFICATION_SECONDS: '60',
  });
  keyDir = mkdtempSync(join(tmpdir(), 'interop-consultation-keys-'));
  await localTokenIssuer(keyDir);
  platform = await startPlatform({
    port: 0,
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    keyDir,
    prefix: 'itc',
    workers: false,
  });
  context = { url: platform.url, keyDir, env: platform.env };
  await seed();
});

afterAll(async () => {
  await platform?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

const generator = createBiometricGenerator(0x22c0);
const capture = (n: number, session = 0) =>
  generator.biometrics(generator.person(950_000 + n), { session, quality: 90, fingers: [1] });

const PERSON = {
  identity: {
    surnames: ['KARIMOVA'],
    firstNames: ['ZARINA'],
    dateOfBirth: '1991-04-17',
    nationalities: ['UZB'],
    sex: 'F',
  },
  travelDocuments: [{ number: 'FA7788123', issuingCountry: 'UZB' }],
};
const RECORD_IDS = ['it-c-vis-1', 'it-c-ees-1', 'it-c-sis-1'];

const system = (name: 'EES' | 'VIS' | 'SIS') =>
  caller(context, ['origin-system'], {
    system: name,
    authority: `${name}:IT`,
    userId: `${name.toLowerCase()}-c-it`,
  });
const sofia = () =>
  caller(context, ['designated-authority'], {
    userId: 'ct-sofia',
    authority: 'IT-DCSA',
    memberState: 'IT',
    profile: 'designated-authority',
  });
const mario = () =>
  caller(context, ['designated-authority'], { userId: 'ct-mario', authority: 'IT-DCSA', memberState: 'IT' });
const paolo = () =>
  caller(context, ['verifying-authority'], { userId: 'cap-paolo', authority: 'IT-CAP', memberState: 'IT' });
const hans = () =>
  caller(context, ['verifying-authority'], { userId: 'cap-hans', authority: 'DE-CAP', memberState: 'DE' });
const police = (userId = 'police-marek') =>
  caller(context, ['police'], {
    userId,
    authority: 'PL-POLICE',
    memberState: 'PL',
    profile: 'police-identity-check',
  });
const dpo = () =>
  caller(context, ['data-protection-officer'], { userId: 'dpo-c-it', authority: 'EDPS', memberState: 'EU' });

async function seed() {
  for (const [name, recordId, biometrics] of [
    ['VIS', RECORD_IDS[0], capture(1)],
    ['EES', RECORD_IDS[1], undefined],
    ['SIS', RECORD_IDS[2], undefined],
  ] as const) {
    const reply = await (await system(name)).request('PUT', `/v1/systems/${name}/records/${recordId}`, {
      ...PERSON,
      ...(biometrics ? { biometrics } : {}),
      version: 1,
    });
    expect(reply.status).toBe(201);
  }
}

let caseNo = 0;
const consultationBody = (overrides: object = {}) => ({
  caseReference: `IT/DCSA/2026/${String(++caseNo).padStart(3, '0')}`,
  offence: 'terrorism:financing',
  justification: 'Financing of a terrorist group: the person paid the group in March 2026',
  identity: PERSON.identity,
  ...overrides,
});

async function consult(overrides: object = {}) {
  const reply = await (await sofia()).request('POST', '/v1/consultations', consultationBody(overrides));
  expect(reply.status).toBe(201);
  return reply.body as {
    id: string;
    caseReference: string;
    flags: Record<string, string>;
    followUpRequired: string[];
  };
}

async function requestAccess(consultationId: string, system: string, urgent = false) {
  const reply = await (await sofia()).request('POST', `/v1/consultations/${consultationId}/access-requests`, {
    system,
    justification: 'The file is needed to trace the payments to the group',
    urgent,
  });
  expect(reply.status).toBe(202);
  return reply.body.id as string;
}

async function statusOf(requestId: string) {
  return (await (await sofia()).request('GET', `/v1/access-requests/${requestId}`)).body;
}

const until = (requestId: string, status: string, timeoutMs = 20_000) =>
  eventually(
    async () => {
      const request = await statusOf(requestId);
      return request.status === status && (status !== 'pending' || request.decideBy) ? request : undefined;
    },
    timeoutMs,
    `request ${requestId} ${status}`,
  );

const decide = async (
  who: Promise<Awaited<ReturnType<typeof paolo>>>,
  requestId: string,
  decision: 'approve' | 'refuse',
) =>
  (await who).request('POST', `/v1/access-requests/${requestId}/decision`, {
    decision,
    reason: 'necessary and proportionate',
  });

const data = async (requestId: string, who = sofia()) =>
  (await who).request('GET', `/v1/access-requests/${requestId}/data`);

function fields(reply: ApiReply) {
  return reply.body.error.details.issues.map((issue: { field: string }) => issue.field);
}

describe('Art 22 step 1: flags only', () => {
  it('flags EES and VIS for the person, and leaks no record id, name, score or other system', async () => {
    const reply = await (await sofia()).request('POST', '/v1/consultations', consultationBody());
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body).sort()).toEqual(['caseReference', 'flags', 'followUpRequired', 'id']);
    expect(reply.body.flags).toEqual({ EES: 'hit', VIS: 'hit', ETIAS: 'no-hit', EURODAC: 'no-hit' });
    const text = JSON.stringify(reply.body);
    for (const leak of [...RECORD_IDS, 'KARIMOVA', 'ZARINA', 'FA7788123', 'score', 'SIS', 'recordId']) {
      expect(text).not.toContain(leak);
    }
  });

  it('flags by live biometrics too, and no-hit everywhere for a stranger', async () => {
    const byFace = await eventually(
      async () => {
        const c = await consult({ identity: undefined, biometrics: capture(1, 1) });
        return c.flags.VIS === 'hit' ? c : undefined;
      },
      20_000,
      'a biometric VIS hit',
    );
    expect(byFace.flags).toEqual({ EES: 'no-hit', VIS: 'hit', ETIAS: 'no-hit', EURODAC: 'no-hit' });
    const stranger = await consult({
      identity: { surnames: ['NOBODY'], firstNames: ['ELSE'], dateOfBirth: '1950-01-01' },
    });
    expect(Object.values(stranger.flags)).toEqual(['no-hit', 'no-hit', 'no-hit', 'no-hit']);
  });

  it('refuses a consultation without case reference, justification, offence from the list or person data, naming the field', async () => {
    const s = await sofia();
    const { caseReference: _c, ...noCase } = consultationBody();
    expect(fields(await s.request('POST', '/v1/consultations', noCase))).toContain('body.caseReference');
    expect(
      fields(await s.request('POST', '/v1/consultations', consultationBody({ justification: 'short' }))),
    ).toContain('body.justification');
    expect(
      fields(await s.request('POST', '/v1/consultations', consultationBody({ offence: 'shoplifting' }))),
    ).toContain('body.offence');
    expect(
      fields(await s.request('POST', '/v1/consultations', consultationBody({ identity: undefined }))),
    ).toContain('body.identity');
    expect((await (await police()).request('POST', '/v1/consultations', consultationBody())).status).toBe(
      403,
    );
  });
});

describe('Art 22 step 2: access requests, four eyes, grants', () => {
  it('approve by another official of the same Member State; data before, during and after the grant', async () => {
    const c = await consult();
    const id = await requestAccess(c.id, 'VIS');
    await until(id, 'pending');
    expect((await data(id)).status).toBe(403);

    const queue = await (await paolo()).request('GET', '/v1/access-requests?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.requests.map((r: { id: string }) => r.id)).toContain(id);
    expect(JSON.stringify(queue.body)).not.toContain('taskToken');
    const otherQueue = await (await hans()).request('GET', '/v1/access-requests?status=pending');
    expect(otherQueue.body.requests.map((r: { id: string }) => r.id)).not.toContain(id);

    // Four eyes: the requester (even holding the verifying role), another unit's colleague, another Member State.
    const sofiaAsVerifier = caller(context, ['designated-authority', 'verifying-authority'], {
      userId: 'ct-sofia',
      authority: 'IT-DCSA',
      memberState: 'IT',
    });
    expect((await decide(sofiaAsVerifier, id, 'approve')).body.error.code).toBe('FOUR_EYES');
    expect((await decide(sofia() as never, id, 'approve')).status).toBe(403);
    const germanDecision = await decide(hans(), id, 'approve');
    expect(germanDecision.status).toBe(403);
    expect(germanDecision.body.error.code).toBe('OTHER_MEMBER_STATE');

    const approved = await decide(paolo(), id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toMatchObject({ decision: 'approve', by: { userId: 'cap-paolo' } });
    const second = await decide(paolo(), id, 'refuse');
    expect(second.status).toBe(409);

    const granted = await until(id, 'granted');
    const during = await data(id);
    expect(during.status).toBe(200);
    expect(during.body.system).toBe('VIS');
    expect(during.body.files).toEqual([
      expect.objectContaining({
        recordId: 'it-c-vis-1',
        identity: expect.objectContaining({ surnames: ['KARIMOVA'] }),
      }),
    ]);
    expect((await data(id, mario())).status).toBe(403);
    // The requester's user id on a token of another authority or Member State opens nothing.
    const impostors = [
      { authority: 'FR-DGSI', memberState: 'FR' },
      { authority: 'IT-DCSA', memberState: 'FR' },
      { authority: 'IT-OTHER', memberState: 'IT' },
    ].map((claims) => caller(context, ['designated-authority'], { userId: 'ct-sofia', ...claims }));
    const impostorReplies = await Promise.all(impostors.map((impostor) => data(id, impostor)));
    expect(impostorReplies.map((reply) => [reply.status, reply.body.error?.code])).toEqual(
      impostors.map(() => [403, 'NO_VALID_GRANT']),
    );
    expect((await (await impostors[0]!).request('GET', `/v1/access-requests/${id}`)).status).toBe(403);

    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(granted.grant.validUntil) - Date.now()) + 200),
    );
    const after = await data(id);
    expect(after.status).toBe(403);
    expect(after.body.error.message).toMatch(/expired/);
    await until(id, 'grant-expired');
  });

  it('refuse: recorded, no access', async () => {
    const c = await consult();
    const id = await requestAccess(c.id, 'EES');
    await until(id, 'pending');
    expect((await decide(paolo(), id, 'refuse')).status).toBe(200);
    await until(id, 'refused');
    expect((await data(id)).status).toBe(403);
  });

  it('expiry: no decision within the timeout; a late decision is a conflict', async () => {
    const c = await consult();
    const id = await requestAccess(c.id, 'VIS');
    await until(id, 'pending');
    await until(id, 'expired', (DECISION_SECONDS + 10) * 1000);
    expect((await decide(paolo(), id, 'approve')).status).toBe(409);
    expect((await data(id)).status).toBe(403);
  });

  it('urgent: access at once; a later refusal revokes it and flags it for the supervisory authority', async () => {
    const c = await consult();
    const id = await requestAccess(c.id, 'VIS', true);
    await until(id, 'urgent-granted');
    expect((await data(id)).status).toBe(200);
    expect((await decide(paolo(), id, 'refuse')).status).toBe(200);
    const revoked = await until(id, 'revoked');
    expect(revoked.supervisoryFlag.reason).toBe('urgent-access-refused');
    expect((await data(id)).status).toBe(403);
  });

  it('Art 22(4): a hit is followed by a request or a recorded reason; no request for a no-hit system', async () => {
    const c = await consult();
    expect(c.followUpRequired).toEqual(['EES', 'VIS']);
    const s = await sofia();
    const reason = await s.request('POST', `/v1/consultations/${c.id}/no-access-reason`, {
      system: 'EES',
      reason: 'entry and exit dates already known from the case file',
    });
    expect(reason.status).toBe(200);
    expect(reason.body.followUpRequired).toEqual(['VIS']);
    expect(
      (
        await s.request('POST', `/v1/consultations/${c.id}/access-requests`, {
          system: 'EES',
          justification: 'changed my mind about it after all',
        })
      ).status,
    ).toBe(409);
    const noHit = await s.request('POST', `/v1/consultations/${c.id}/access-requests`, {
      system: 'ETIAS',
      justification: 'no hit there but asking anyway',
    });
    expect(noHit.status).toBe(422);
    expect(
      (
        await (
          await mario()
        ).request('POST', `/v1/consultations/${c.id}/access-requests`, {
          system: 'VIS',
          justification: 'a colleague asks for access',
        })
      ).status,
    ).toBe(403);
    expect(
      fields(
        await s.request('POST', `/v1/consultations/${c.id}/access-requests`, {
          system: 'SIS',
          justification: 'x',
        }),
      ),
    ).toEqual(expect.arrayContaining(['body.system', 'body.justification']));
    expect((await s.request('GET', '/v1/consultations/not-a-uuid')).status).toBe(400);
  });

  it('logs every step with the case reference and the officials, and no personal data', async () => {
    const c = await consult();
    const id = await requestAccess(c.id, 'VIS');
    await until(id, 'pending');
    await decide(paolo(), id, 'approve');
    await until(id, 'granted');
    expect((await data(id)).status).toBe(200);
    await until(id, 'grant-expired');
    const reader = await dpo();
    const entries = [];
    for (const userId of ['ct-sofia', 'cap-paolo', 'system:consultation-workflow']) {
      const log = await reader.request('GET', `/v1/audit?userId=${encodeURIComponent(userId)}&limit=500`);
      expect(log.status).toBe(200);
      entries.push(
        ...log.body.entries.filter((e: { caseReference?: string }) => e.caseReference === c.caseReference),
      );
    }
    const steps = entries
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
      .map((e) => `${e.userId}:${e.action}`);
    for (const step of [
      'ct-sofia:createConsultation',
      'ct-sofia:createAccessRequest',
      'system:consultation-workflow:accessRequestRecorded',
      'system:consultation-workflow:accessRequestQueued',
      'cap-paolo:decideAccessRequest',
      'system:consultation-workflow:accessGranted',
      'ct-sofia:getAccessRequestData',
      'system:consultation-workflow:grantExpired',
    ]) {
      expect(steps).toContain(step);
    }
    const granted = entries.find((e) => e.action === 'accessGranted');
    expect(granted.details).toMatchObject({
      requester: 'ct-sofia',
      decidedBy: 'cap-paolo',
      requesterAuthority: 'IT-DCSA',
      deciderAuthority: 'IT-CAP',
    });
    const text = JSON.stringify(entries);
    for (const personal of ['KARIMOVA', 'ZARINA', '1991-04-17', 'FA7788123'])
      expect(text).not.toContain(personal);
  });
});

describe('Art 20 police identity checks', () => {
  const reasons = [
    'no-credible-document',
    'doubtful-identity-data',
    'doubtful-document-authenticity',
    'doubtful-document-holder',
    'unable-or-unwilling-to-cooperate',
  ];

  it.each(reasons)(
    'identifies by live biometrics for reason %s and returns the CIR identity data',
    async (reason) => {
      const reply = await eventually(
        async () => {
          const r = await (await police()).request('POST', '/v1/cir/identity-checks', {
            reason,
            age: 34,
            biometrics: capture(1, 2),
          });
          return r.body.hit ? r : undefined;
        },
        20_000,
        'a biometric hit',
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ reason, method: 'biometrics', hit: true });
      expect(reply.body.files[0]).toMatchObject({
        system: 'VIS',
        recordId: 'it-c-vis-1',
        identity: { surnames: ['KARIMOVA'] },
      });
    },
  );

  it('falls back to identity data and the travel document when the biometrics cannot be used', async () => {
    const p = await police();
    const lowQuality = { face: { ...capture(1, 3).face, quality: 5 } };
    const reply = await p.request('POST', '/v1/cir/identity-checks', {
      reason: 'unable-or-unwilling-to-cooperate',
      age: 34,
      biometrics: lowQuality,
      identity: PERSON.identity,
      travelDocuments: PERSON.travelDocuments,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ method: 'identity-data', fallback: 'biometrics-unusable', hit: true });
    expect(reply.body.files.map((f: { recordId: string }) => f.recordId).sort()).toEqual(
      [...RECORD_IDS].sort(),
    );
    const byDocument = await p.request('POST', '/v1/cir/identity-checks', {
      reason: 'no-credible-document',
      age: 34,
      travelDocuments: PERSON.travelDocuments,
    });
    expect(byDocument.body).toMatchObject({
      method: 'identity-data',
      fallback: 'biometrics-missing',
      hit: true,
    });
  });

  it('refuses a child under 12 unless in the best interests of the child', async () => {
    const p = await police();
    const child = { reason: 'no-credible-document', age: 9, identity: PERSON.identity };
    const refused = await p.request('POST', '/v1/cir/identity-checks', child);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CHILD_UNDER_12');
    const allowed = await p.request('POST', '/v1/cir/identity-checks', {
      ...child,
      bestInterestOfChild: { justification: 'a lost child found alone at the railway station' },
    });
    expect(allowed.status).toBe(200);
  });

  it('refuses other reasons, a missing age and nothing to search, naming the field; other roles get 403', async () => {
    const p = await police();
    expect(
      fields(
        await p.request('POST', '/v1/cir/identity-checks', {
          reason: 'curiosity',
          age: 30,
          identity: PERSON.identity,
        }),
      ),
    ).toContain('body.reason');
    expect(
      fields(
        await p.request('POST', '/v1/cir/identity-checks', {
          reason: 'no-credible-document',
          identity: PERSON.identity,
        }),
      ),
    ).toContain('body.age');
    const nothing = await p.request('POST', '/v1/cir/identity-checks', {
      reason: 'no-credible-document',
      age: 30,
    });
    expect(nothing.status).toBe(422);
    expect(
      (
        await (
          await sofia()
        ).request('POST', '/v1/cir/identity-checks', {
          reason: 'no-credible-document',
          age: 30,
          identity: PERSON.identity,
        })
      ).status,
    ).toBe(403);
  });

  it('logs the check with its reason and method', async () => {
    await (await police('police-log-it')).request('POST', '/v1/cir/identity-checks', {
      reason: 'doubtful-identity-data',
      age: 40,
      identity: PERSON.identity,
    });
    const log = await (await dpo()).request('GET', '/v1/audit?userId=police-log-it&limit=10');
    const entry = log.body.entries.find((e: { action: string }) => e.action === 'identityCheck');
    expect(entry.details).toMatchObject({
      reason: 'doubtful-identity-data',
      method: 'identity-data',
      hit: true,
    });
    expect(entry.purpose).toMatch(/Art 20/);
    expect(JSON.stringify(entry)).not.toContain('KARIMOVA');
  });
});
