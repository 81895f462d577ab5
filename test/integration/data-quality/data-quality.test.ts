import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { IndividualFile } from '../../../functions/cir/domain/individual-file';
import { DynamoCirStore } from '../../../functions/cir/store';
import { dynamo } from '../../../functions/shared/clients';
import type { OriginSystem } from '../../../functions/shared/systems';
import { INDICATOR_NAMES } from '../../../functions/statistics/quality/indicators';
import { DynamoQualityCounting } from '../../../functions/statistics/quality/store';
import { createBiometricGenerator, type SyntheticBiometrics } from '../../../local/synthetic/biometrics';
import { caller, platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';

const context = platformContext();
// Member States no other test file writes records for; counts are still compared with a baseline.
const MS = 'MT';
const OTHER_MS = 'LI';
const tag = Date.now().toString(36).toUpperCase();
const month = new Date().toISOString().slice(0, 7);
const generator = createBiometricGenerator(0xd0a1);

interface Body {
  identity: Record<string, string | string[] | undefined>;
  travelDocuments: { type: string; number: string; issuingCountry: string; expiry?: string }[];
  biometrics?: SyntheticBiometrics;
  memberState: string;
  version: number;
}
const good = (n: number): Body => ({
  identity: {
    surnames: [`DQSURNAME${tag}N${n}`],
    firstNames: [`DQFIRST${tag}N${n}`],
    dateOfBirth: '1980-06-15',
    sex: 'M',
    nationalities: ['TUR'],
    placeOfBirth: `DQPLACE${tag}`,
  },
  travelDocuments: [{ type: 'P', number: `DQ${tag}D${n}`, issuingCountry: 'TUR', expiry: '2031-01-01' }],
  biometrics: generator.biometrics(generator.person(960_000 + n), { quality: 90, fingers: [1, 2] }),
  memberState: MS,
  version: 1,
});
const withIdentity = (n: number, identity: Body['identity']): Body => {
  const body = good(n);
  return { ...body, identity: { ...body.identity, ...identity } };
};
const sharedDocument = { type: 'P', number: `DQ${tag}SHARED`, issuingCountry: 'TUR', expiry: '2030-02-02' };

/**
 * One fault per file (as far as a fault allows), all in EES and MT. Impossible dates and unknown
 * country codes are refused at ingestion (test/integration/security/identity-validation.test.ts),
 * so their indicators stay at zero for data sent through the API.
 */
const seeded: Record<string, Body> = {
  good: good(0),
  noSexNoNationality: withIdentity(1, { sex: undefined, nationalities: [] }),
  future: withIdentity(2, { dateOfBirth: '2099-05-05' }),
  before1900: withIdentity(3, { dateOfBirth: '1850-06-01' }),
  placeholder: withIdentity(5, { dateOfBirth: '1990-01-01' }),
  partial: withIdentity(6, { dateOfBirth: '1990-05-00' }),
  lowQualityFace: (() => {
    const body = good(8);
    body.biometrics!.face!.quality = 5;
    return body;
  })(),
  invalidFinger: (() => {
    const body = good(9);
    body.biometrics!.fingerprints.push({ position: 3, vector: [0.1, 0.2, 0.3], quality: 80 });
    return body;
  })(),
  duplicateA: { ...good(10), travelDocuments: [sharedDocument] },
  duplicateB: { ...good(11), travelDocuments: [sharedDocument] },
  noDocument: { ...good(12), travelDocuments: [] },
  noExpiry: { ...good(13), travelDocuments: [{ type: 'P', number: `DQ${tag}D13`, issuingCountry: 'TUR' }] },
};
// The same document in another system is no duplicate within a system.
const sisHolder: Body = { ...good(14), biometrics: undefined, travelDocuments: [sharedDocument] };
const idOf = (name: string) => `dq-${tag}-${name}`;

async function originSystem(system: OriginSystem) {
  return caller(context, ['origin-system'], { system, authority: `${system}:${MS}`, memberState: MS });
}

async function quality(query: string) {
  const user = await caller(context, ['statistics'], { authority: 'EU-LISA', memberState: 'EU' });
  const reply = await user.request('GET', `/v1/data-quality?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as {
    rows: {
      system: string;
      memberState: string;
      totals: Record<string, number>;
      indicators: Record<string, { count: number; change: number; rate: number | null }>;
    }[];
  };
}

/** Totals and indicator counts of one system and Member State (zeros where there is no row). */
async function figures(system: OriginSystem, memberState: string): Promise<Record<string, number>> {
  const { rows } = await quality(`month=${month}&system=${system}&memberState=${memberState}`);
  expect(rows.length).toBeLessThanOrEqual(1);
  const row = rows[0];
  const out: Record<string, number> = {};
  for (const name of ['records', 'templates', 'travelDocuments']) out[name] = row?.totals[name] ?? 0;
  for (const name of INDICATOR_NAMES) out[name] = row?.indicators[name]?.count ?? 0;
  return out;
}

const difference = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.keys(after)
      .map((key) => [key, after[key]! - (before[key] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );

describe('data quality (Art 37)', () => {
  it('counts exactly the seeded faults, follows updates, deletions and duplicate deliveries, and stores nothing personal', async () => {
    const ees = await originSystem('EES');
    const sis = await originSystem('SIS');
    const baseline = {
      ees: await figures('EES', MS),
      sis: await figures('SIS', MS),
      other: await figures('EES', OTHER_MS),
    };

    for (const [name, body] of Object.entries(seeded)) {
      const reply = await ees.request('PUT', `/v1/systems/EES/records/${idOf(name)}`, body);
      expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBe(201);
    }
    expect(
      (await sis.request('PUT', `/v1/systems/SIS/records/${idOf('sis')}`, { ...sisHolder, version: 1 }))
        .status,
    ).toBe(201);

    const records = Object.keys(seeded).length;
    expect(difference(await figures('EES', MS), baseline.ees)).toEqual({
      records,
      // Three templates each; one more (the invalid finger) on one file.
      templates: 3 * records + 1,
      travelDocuments: records - 1,
      missingSex: 1,
      missingNationality: 1,
      dateOfBirthInFuture: 1,
      dateOfBirthBefore1900: 1,
      dateOfBirthPlaceholder: 1,
      dateOfBirthPartial: 1,
      lowQualityTemplates: 1,
      invalidTemplates: 1,
      duplicateDocuments: 2,
      missingTravelDocument: 1,
      missingDocumentExpiry: 1,
      // Every file above but good, placeholder, partial and the two duplicates.
      recordsWithFaults: 7,
    });
    expect(difference(await figures('SIS', MS), baseline.sis)).toEqual({ records: 1, travelDocuments: 1 });

    // Fixing faults removes them; moving a file to another Member State moves its contribution.
    const update = (name: string, body: Body) =>
      ees.request('PUT', `/v1/systems/EES/records/${idOf(name)}`, { ...body, version: 2 });
    expect((await update('noSexNoNationality', good(1))).status).toBe(200);
    expect((await update('noExpiry', { ...seeded.noExpiry!, memberState: OTHER_MS })).status).toBe(200);
    // A deletion removes the file's contribution; deleting one of two holders ends the duplicate.
    expect((await ees.request('DELETE', `/v1/systems/EES/records/${idOf('future')}`)).status).toBe(200);
    expect((await ees.request('DELETE', `/v1/systems/EES/records/${idOf('duplicateA')}`)).status).toBe(200);
    // Duplicate deliveries: a resent version, a resent deletion, and one new file sent twice at once.
    expect(
      (await ees.request('PUT', `/v1/systems/EES/records/${idOf('before1900')}`, seeded.before1900)).body
        .outcome,
    ).toBe('unchanged');
    expect((await ees.request('DELETE', `/v1/systems/EES/records/${idOf('future')}`)).status).toBe(404);
    const twice = withIdentity(15, { sex: undefined });
    const statuses = await Promise.all(
      [1, 2].map(
        async () => (await ees.request('PUT', `/v1/systems/EES/records/${idOf('twice')}`, twice)).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 201]);

    expect(difference(await figures('EES', MS), baseline.ees)).toEqual({
      // 12 seeded, one moved away, two deleted, one new.
      records: records - 2,
      templates: 3 * (records - 2) + 1,
      travelDocuments: records - 3,
      missingSex: 1,
      dateOfBirthBefore1900: 1,
      dateOfBirthPlaceholder: 1,
      dateOfBirthPartial: 1,
      lowQualityTemplates: 1,
      invalidTemplates: 1,
      missingTravelDocument: 1,
      // before1900, lowQualityFace, invalidFinger, noDocument, twice.
      recordsWithFaults: 5,
    });
    expect(difference(await figures('EES', OTHER_MS), baseline.other)).toEqual({
      records: 1,
      templates: 3,
      travelDocuments: 1,
      missingDocumentExpiry: 1,
      recordsWithFaults: 1,
    });

    // The report: rates over the indicator's denominator, the change of the month, the CSV.
    const { rows } = await quality(`month=${month}&system=EES&memberState=${OTHER_MS}`);
    expect(rows[0]!.indicators.missingDocumentExpiry!.rate).toBe(
      Math.round(
        (rows[0]!.indicators.missingDocumentExpiry!.count / rows[0]!.totals.travelDocuments!) * 1e4,
      ) / 1e4,
    );
    const statistician = await caller(context, ['statistics'], { authority: 'EU-LISA', memberState: 'EU' });
    const csv = await statistician.request(
      'GET',
      `/v1/data-quality.csv?month=${month}&system=EES&memberState=${MS}`,
    );
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('month,system,memberState,indicator,per,denominator,count,change,rate');
    expect(lines).toHaveLength(1 + INDICATOR_NAMES.length);
    const placeholderLine = lines.find((line) => line.includes(',dateOfBirthPlaceholder,'))!.split(',');
    expect(placeholderLine.slice(0, 5)).toEqual([month, 'EES', MS, 'dateOfBirthPlaceholder', 'records']);

    // Nothing any seeded file carried is in a quality item or in the reports.
    const personal = new Set<string>();
    for (const [name, body] of [
      ...Object.entries(seeded),
      ['sis', sisHolder] as const,
      ['twice', twice] as const,
    ]) {
      personal.add(idOf(name));
      for (const value of Object.values(body.identity))
        for (const v of [value].flat()) if (v) personal.add(String(v));
      for (const document of body.travelDocuments) personal.add(document.number);
    }
    const outputs = [JSON.stringify(await quality(`month=${month}`)), csv.body as string];
    const items = await qualityItems();
    expect(items.counters.length).toBeGreaterThan(0);
    expect(items.documents.length).toBeGreaterThan(0);
    expect(items.contributions.length).toBeGreaterThan(0);
    for (const text of [...outputs, ...items.counters, ...items.documents, ...items.contributions]) {
      for (const value of personal) {
        // Dates, country codes and sex are shared with half the world: only values unique to these files count.
        if (/^\d{4}-\d{2}-\d{2}$/.test(value) || value.length <= 3) continue;
        expect(text.includes(value), `${value} in ${text.slice(0, 200)}`).toBe(false);
      }
    }
  }, 300_000);

  it('counts every one of many concurrent writes of one system and Member State once (transaction conflicts retried)', async () => {
    const memberState = 'IS';
    const before = await figures('ETIAS', memberState);
    const counting = new DynamoQualityCounting(
      dynamo,
      context.env.CIR_TABLE!,
      context.env.STATISTICS_TABLE!,
      context.env.DATA_QUALITY_KEY!,
    );
    const store = new DynamoCirStore(dynamo, context.env.CIR_TABLE!, () => '0', counting.changeItems);
    const now = new Date().toISOString();
    const writes = Array.from({ length: 16 }, (_, i) =>
      store.write({
        file: {
          system: 'ETIAS',
          recordId: idOf(`concurrent-${i}`),
          version: 1,
          memberState,
          identity: { ...good(100 + i).identity, sex: undefined } as IndividualFile['identity'],
          // Four of them hold one document: its holder item is rewritten by each, conditioned on its revision.
          travelDocuments: [
            i < 4 ? { ...sharedDocument, type: 'P' } : { ...good(100 + i).travelDocuments[0]!, type: 'P' },
          ],
          templateModalities: [],
          templateRefusals: [],
          contentHash: `h${i}`,
          createdAt: now,
          updatedAt: now,
        },
        templates: [],
        indexKeys: [],
      }),
    );
    expect((await Promise.allSettled(writes)).map((result) => result.status)).toEqual(
      Array(16).fill('fulfilled'),
    );
    expect(difference(await figures('ETIAS', memberState), before)).toEqual({
      records: 16,
      travelDocuments: 16,
      missingSex: 16,
      recordsWithFaults: 16,
      duplicateDocuments: 4,
    });
  });

  it('refuses a bad month or Member State naming the field, and callers without the statistics role', async () => {
    const user = await caller(context, ['statistics'], { authority: 'EU-LISA', memberState: 'EU' });
    for (const [query, field] of [
      ['month=2026-13', 'query.month'],
      ['month=2026-1', 'query.month'],
      ['memberState=Germany', 'query.memberState'],
      ['system=NOPE', 'query.system'],
    ]) {
      const reply = await user.request('GET', `/v1/data-quality?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.issues.map((issue: { field: string }) => issue.field)).toContain(field);
    }
    const border = await caller(context, ['border-guard'], { authority: 'DE-BPOL', memberState: 'DE' });
    expect((await border.request('GET', '/v1/data-quality.csv')).status).toBe(403);
  });
});

/**
 * Every data-quality item as text: counters (Statistics `DQ#`), document holders (CIR `DQDOC#`) and
 * file contributions (CIR `QUALITY`, without their key: it is the file's own partition key).
 */
async function qualityItems() {
  const scan = async (table: string) => {
    const client = dynamoClient(context);
    const items: Record<string, unknown>[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: table, ExclusiveStartKey: exclusiveStartKey as never }),
      );
      items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey);
    client.destroy();
    return items;
  };
  const statistics = await scan(context.env.STATISTICS_TABLE!);
  const cir = await scan(context.env.CIR_TABLE!);
  return {
    counters: statistics
      .filter((item) => String(item.pk).startsWith('DQ#'))
      .map((item) => JSON.stringify(item)),
    documents: cir.filter((item) => String(item.pk).startsWith('DQDOC#')).map((item) => JSON.stringify(item)),
    contributions: cir
      .filter((item) => item.sk === 'QUALITY')
      .map(({ pk: _pk, ...item }) => JSON.stringify(item)),
  };
}
