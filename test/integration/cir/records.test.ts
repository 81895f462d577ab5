import { describe, expect, it } from 'vitest';
import { caller, eventually, platformContext } from '../../support/platform-context';

const context = platformContext();
const ees = () =>
  caller(context, ['origin-system'], { system: 'EES', authority: 'EES:DE', userId: 'ees-system' });
const dpo = () => caller(context, ['data-protection-officer'], { authority: 'EDPS', userId: 'dpo' });

const body = (version: number, surname = 'HADDAD') => ({
  identity: {
    surnames: [surname],
    firstNames: ['LINA'],
    dateOfBirth: '1985-07-00',
    nationalities: ['LBN'],
    sex: 'F',
  },
  travelDocuments: [{ number: 'LB1234567', issuingCountry: 'LBN' }],
  version,
});

describe('CIR ingestion', () => {
  it('creates, reads, updates and deletes an individual file, each step in the audit log', async () => {
    const system = await ees();
    const path = '/v1/systems/EES/records/it-cir-1';
    expect((await system.request('PUT', path, body(1))).status).toBe(201);
    const read = await system.request('GET', path);
    expect(read.status).toBe(200);
    expect(read.body.identity.surnames).toEqual(['HADDAD']);
    expect(read.body.version).toBe(1);

    const updated = await system.request('PUT', path, body(2, 'HADAD'));
    expect(updated.status).toBe(200);
    expect(updated.body.outcome).toBe('updated');
    expect((await system.request('GET', path)).body.identity.surnames).toEqual(['HADAD']);

    const removed = await system.request('DELETE', path);
    expect(removed.status).toBe(200);
    expect(removed.body.removed.file).toBe(1);
    expect((await system.request('GET', path)).status).toBe(404);

    const log = await (await dpo()).request('GET', '/v1/audit?userId=ees-system&limit=100');
    const actions = log.body.entries
      .filter((entry: { records: { recordId: string }[] }) =>
        entry.records.some((r) => r.recordId === 'it-cir-1'),
      )
      .map((entry: { action: string; httpStatus: number }) => `${entry.action}:${entry.httpStatus}`)
      .reverse();
    expect(actions).toEqual([
      'putRecord:201',
      'getRecord:200',
      'putRecord:200',
      'getRecord:200',
      'deleteRecord:200',
      'getRecord:404',
    ]);
  });

  it('refuses a stale update and answers a resent identical version as unchanged', async () => {
    const system = await ees();
    const path = '/v1/systems/EES/records/it-cir-2';
    expect((await system.request('PUT', path, body(3))).status).toBe(201);
    expect((await system.request('PUT', path, body(3))).body.outcome).toBe('unchanged');
    const stale = await system.request('PUT', path, body(2, 'OTHER'));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.storedVersion).toBe(3);
    const conflicting = await system.request('PUT', path, body(3, 'OTHER'));
    expect(conflicting.status).toBe(409);
    expect((await system.request('GET', path)).body.identity.surnames).toEqual(['HADDAD']);
  });

  it('names the invalid field and writes nothing', async () => {
    const system = await ees();
    const path = '/v1/systems/EES/records/it-cir-3';
    const reply = await system.request('PUT', path, {
      ...body(1),
      identity: { surnames: ['X'], dateOfBirth: '1985-13-01' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.issues.map((issue: { field: string }) => issue.field)).toContain(
      'body.identity.dateOfBirth',
    );
    expect((await system.request('GET', path)).status).toBe(404);
  });

  it('lets an origin system touch only its own records, and nobody without a valid token', async () => {
    const system = await ees();
    expect((await system.request('PUT', '/v1/systems/VIS/records/it-cir-4', body(1))).status).toBe(403);
    const police = await caller(context, ['police'], { profile: 'police-identity-check' });
    expect((await police.request('GET', '/v1/systems/EES/records/it-cir-4')).status).toBe(403);
    const anonymous = await fetch(`${context.url}/v1/systems/EES/records/it-cir-4`);
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${context.url}/v1/systems/EES/records/it-cir-4`, {
      headers: { authorization: `Bearer ${system.token.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
  });

  it('completes exactly one MID check per accepted write (the outbox marker is cleared)', async () => {
    const system = await ees();
    const path = '/v1/systems/EES/records/it-cir-5';
    expect((await system.request('PUT', path, body(1))).status).toBe(201);
    const checks = await eventually(
      async () => {
        const log = await (await dpo()).request('GET', '/v1/audit?userId=system:mid&limit=500');
        const mine = log.body.entries.filter((entry: { records: { recordId: string }[] }) =>
          entry.records.some((r) => r.recordId === 'it-cir-5'),
        );
        return mine.length ? mine : undefined;
      },
      30_000,
      'the MID check of it-cir-5',
    );
    expect(checks).toHaveLength(1);
    expect(checks[0].details.version).toBe(1);
  });
});

describe('the audit API filters', () => {
  it('filters by action and authority (reserved words in DynamoDB expressions)', async () => {
    const system = await ees();
    expect((await system.request('GET', '/v1/systems/EES/records/it-cir-filter')).status).toBe(404);
    const log = await (await dpo()).request('GET', '/v1/audit?action=getRecord&authority=EES:DE&limit=50');
    expect(log.status).toBe(200);
    expect(log.body.entries.length).toBeGreaterThan(0);
    for (const entry of log.body.entries) {
      expect(entry.action).toBe('getRecord');
      expect(entry.authority).toBe('EES:DE');
    }
  });
});
