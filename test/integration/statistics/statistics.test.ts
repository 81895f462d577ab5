import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { type Counter, isAnonymousCounter, METRICS } from '../../../functions/statistics/domain/counters';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';
import { biometricsOf, midWorld } from '../mid/support';

const context = platformContext();
const world = midWorld(context);
// A Member State no other test file uses, so that the counts below are exactly this file's.
const MS = 'LU';
const tag = Date.now().toString(36);

const person = (surname: string, firstName: string, dateOfBirth: string) => ({
  surnames: [surname],
  firstNames: [firstName],
  dateOfBirth,
  sex: 'F' as const,
  nationalities: ['UKR'],
});
// Everything personal this test sends: none of it may appear anywhere in the statistics.
const people = {
  a: person('OKONKWO-BRANDT', 'IFEOMA', '1983-07-14'),
  b: person('LINDQVIST', 'SAGA', '1969-12-03'),
  c: person('HADZIC', 'AMRA', '1991-05-27'),
};
const refs: Record<string, RecordRef> = {
  a: { system: 'EES', recordId: `it-stats-${tag}-a` },
  b: { system: 'VIS', recordId: `it-stats-${tag}-b` },
  c: { system: 'EES', recordId: `it-stats-${tag}-c` },
  d: { system: 'VIS', recordId: `it-stats-${tag}-d` },
};
const userIds = [
  `stats-esp-${tag}`,
  `stats-police-${tag}`,
  `stats-da-${tag}`,
  `stats-va-${tag}`,
  `stats-user-${tag}`,
];
const caseReference = `CASE-${tag}-STATS`;

async function statistics(query = `memberState=${MS}`) {
  const user = await caller(context, ['statistics'], {
    authority: 'EU-LISA',
    userId: userIds[4],
    memberState: 'EU',
  });
  return user.request('GET', `/v1/statistics?${query}`);
}

function count(
  rows: { metric: string; dimensions: Record<string, string>; count: number | null }[],
  metric: string,
  dims: Record<string, string>,
) {
  return rows.filter(
    (row) => row.metric === metric && Object.entries(dims).every(([k, v]) => row.dimensions[k] === v),
  );
}

describe('statistics (CRRS, Art 39)', () => {
  it('counts every kind of event as it happens, suppresses small counts, and stores nothing personal', async () => {
    // Other test files share this platform and may count into the same cells: compare with a baseline.
    const baseline = await scanStatistics();
    const stored = (items: typeof baseline, metric: string, dims: Record<string, string>) =>
      items
        .filter(
          (item) =>
            item.memberState === MS &&
            item.metric === metric &&
            Object.entries(dims).every(([k, v]) => item.dimensions[k] === v),
        )
        .reduce((sum, item) => sum + (item.count as number), 0);
    // Links: a yellow one (same biometrics, different identity), resolved by its verifier; a white one.
    await world.put(refs.a!, { identity: people.a, biometrics: biometricsOf(801, 0), memberState: MS });
    await world.put(refs.b!, { identity: people.b, biometrics: biometricsOf(801, 1), memberState: MS });
    const yellow = await eventually(() => world.linkBetween(refs.a!, refs.b!), 15_000, 'the yellow link');
    expect(yellow.colour).toBe('yellow');
    const verifier = await world.verifier(`VIS:${MS}`, userIds[4]);
    const verified = await verifier.request('POST', `/v1/mid/links/${yellow.linkId}/verification`, {
      colour: 'green',
      justification: 'different persons, checked against the documents',
      expectedVersion: yellow.version,
    });
    expect(verified.status).toBe(200);
    await world.put(refs.c!, { identity: people.c, biometrics: biometricsOf(802, 0), memberState: MS });
    await world.put(refs.d!, { identity: people.c, biometrics: biometricsOf(802, 1), memberState: MS });
    const white = await eventually(() => world.linkBetween(refs.c!, refs.d!), 15_000, 'the white link');
    expect(white.colour).toBe('white');

    // Five ESP searches under one profile (not suppressed), each finding the CIR file.
    const esp = await caller(context, ['sirene'], {
      profile: 'sirene-bureau',
      userId: userIds[0],
      authority: 'SIRENE:LU',
      memberState: MS,
    });
    for (let i = 0; i < 5; i++) {
      const reply = await esp.request('POST', '/v1/esp/search', {
        query: {
          identity: {
            surnames: people.c.surnames,
            firstNames: people.c.firstNames,
            dateOfBirth: people.c.dateOfBirth,
          },
        },
        purpose: 'sis-alert-follow-up',
      });
      expect(reply.status).toBe(200);
    }
    // Art 20 identity checks: with live biometrics (a hit) and with identity data only.
    const police = await caller(context, ['police'], {
      profile: 'police-identity-check',
      userId: userIds[1],
      authority: 'LU-POLICE',
      memberState: MS,
    });
    const withBio = await police.request('POST', '/v1/cir/identity-checks', {
      reason: 'no-credible-document',
      age: 40,
      biometrics: biometricsOf(802, 2),
    });
    expect(withBio.status, JSON.stringify(withBio.body)).toBe(200);
    const withoutBio = await police.request('POST', '/v1/cir/identity-checks', {
      reason: 'no-credible-document',
      age: 40,
      identity: people.a,
    });
    expect(withoutBio.status, JSON.stringify(withoutBio.body)).toBe(200);
    // Art 22: a consultation flagging EES, an access request, its refusal by the verifying authority.
    const designated = await caller(context, ['designated-authority'], {
      userId: userIds[2],
      authority: 'LU-CT',
      memberState: MS,
      profile: 'designated-authority',
    });
    const consultation = await designated.request('POST', '/v1/consultations', {
      caseReference,
      offence: 'terrorism:terrorist-offence',
      justification: 'suspected member of a terrorist group, see case file',
      identity: people.a,
    });
    expect(consultation.status, JSON.stringify(consultation.body)).toBe(201);
    const request = await designated.request(
      'POST',
      `/v1/consultations/${consultation.body.id}/access-requests`,
      {
        system: 'EES',
        justification: 'the entry records are needed to trace the travel route',
      },
    );
    expect(request.status, JSON.stringify(request.body)).toBe(202);
    const verifying = await caller(context, ['verifying-authority'], {
      userId: userIds[3],
      authority: 'LU-CAP',
      memberState: MS,
    });
    await eventually(
      async () => {
        const decided = await verifying.request('POST', `/v1/access-requests/${request.body.id}/decision`, {
          decision: 'refuse',
          reason: 'not proportionate',
        });
        return decided.status === 200 ? true : undefined;
      },
      20_000,
      'the decision',
    );

    const expected: [string, Record<string, string>, number][] = [
      ['linksCreated', { colour: 'yellow', systems: 'EES-VIS' }, 1],
      ['linksCreated', { colour: 'white', systems: 'EES-VIS' }, 1],
      ['linksChanged', { from: 'yellow', to: 'green', systems: 'EES-VIS' }, 1],
      ['yellowDuration', { bucket: 'lt1h', resolvedAs: 'green' }, 1],
      ['espSearches', { profile: 'sirene-bureau', result: 'success' }, 5],
      ['hits', { system: 'CIR', source: 'esp' }, 5],
      ['identityChecks', { biometrics: 'with', outcome: 'hit' }, 1],
      ['identityChecks', { biometrics: 'without', outcome: 'hit' }, 1],
      ['consultations', { outcome: 'flagged' }, 1],
      ['hits', { system: 'EES', source: 'consultation' }, 1],
      ['accessRequests', { outcome: 'submitted' }, 1],
      ['accessRequests', { outcome: 'refused' }, 1],
    ];
    // Counted in the store (exact counts, before suppression) ...
    const items = await scanStatistics();
    for (const [metric, dims, n] of expected) {
      expect(
        stored(items, metric, dims) - stored(baseline, metric, dims),
        `${metric} ${JSON.stringify(dims)}`,
      ).toBe(n);
    }
    // ... and in the API, where counts below 5 are suppressed.
    const reply = await statistics();
    expect(reply.status).toBe(200);
    for (const [metric, dims] of expected) {
      const total = stored(items, metric, dims);
      const rows = count(reply.body.rows, metric, dims);
      expect(
        rows.map((row) => row.count),
        `${metric} ${JSON.stringify(dims)}`,
      ).toEqual([total >= 5 ? total : null]);
    }
    expect(METRICS).toBeDefined();
    const csv = await (await caller(context, ['statistics'], { authority: 'EU-LISA' })).request(
      'GET',
      `/v1/statistics.csv?memberState=${MS}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toMatch(/^metric,day,memberState,/);
    expect(csv.body).toMatch(/\nespSearches,\d{4}-\d{2}-\d{2},LU,sirene-bureau,success,.*,5\n/);
    expect(csv.body).toMatch(/\nidentityChecks,.*,<5\n/);

    // No item of the store, and nothing the API returns, can identify a person.
    const personal = [
      ...Object.values(refs).map((ref) => ref.recordId),
      ...Object.values(people).flatMap((p) => [...p.surnames, ...p.firstNames, p.dateOfBirth]),
      ...userIds,
      caseReference,
      yellow.linkId,
      white.linkId,
      consultation.body.id,
      request.body.id,
    ];
    const allItems = await scanStatistics();
    expect(allItems.length).toBeGreaterThanOrEqual(expected.length);
    for (const item of allItems) {
      expect(Object.keys(item).sort()).toEqual([
        'count',
        'day',
        'dimensions',
        'memberState',
        'metric',
        'pk',
        'sk',
      ]);
      const counter: Counter = {
        metric: item.metric,
        day: item.day,
        memberState: item.memberState,
        dimensions: item.dimensions,
        increment: item.count,
      };
      expect(isAnonymousCounter(counter), JSON.stringify(item)).toBe(true);
    }
    const everything = JSON.stringify(allItems) + JSON.stringify((await statistics('')).body) + csv.body;
    for (const value of personal) expect(everything).not.toContain(value);
  });

  it('admits statistics users only, and validates the filters', async () => {
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS' });
    expect((await dpo.request('GET', '/v1/statistics')).status).toBe(403);
    expect((await statistics('from=2026-02-01&to=2026-01-01')).status).toBe(400);
    expect((await statistics('memberState=Luxembourg')).status).toBe(400);
    expect((await statistics('from=2024-01-01&to=2026-01-01')).status).toBe(400);
  });
});

async function scanStatistics() {
  const client = dynamoClient(context);
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: context.env.STATISTICS_TABLE, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  // The data-quality counters (`DQ#`) share the table; test/integration/data-quality checks them.
  return items.filter((item) => String(item.pk).startsWith('STAT#'));
}
