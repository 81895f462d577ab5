import { describe, expect, it } from 'vitest';
import { caller, platformContext } from '../../support/platform-context';
import { centralSystems, searcher, uniqueSurname } from './support';

const context = platformContext();
const dpo = () => caller(context, ['data-protection-officer'], { authority: 'EDPS', userId: 'dpo-esp' });
const identityQuery = (surname: string) => ({
  identity: { surnames: [surname], firstNames: ['YUSUF'], dateOfBirth: '1970-01-20' },
});

async function auditOf(userId: string) {
  // filtered by action here: the audit API's own `action` filter fails (reserved word; reported)
  const log = await (await dpo()).request('GET', `/v1/audit?userId=${userId}&limit=50`);
  expect(log.status).toBe(200);
  const entries = (log.body.entries as Record<string, any>[]).filter((entry) => entry.action === 'espSearch');
  expect(entries.length).toBeGreaterThan(0);
  return entries as [Record<string, any>, ...Record<string, any>[]];
}

describe('ESP refusals', () => {
  it('refuses an unknown profile, a token without one, a purpose or query field the profile does not allow', async () => {
    const unknown = await (await searcher(context, 'night-watch')).request('POST', '/v1/esp/search', {
      query: identityQuery('DOE'),
      purpose: 'first-line-check',
    });
    // a profile no role admits is refused before the ESP reads it (functions/shared/auth/roles.ts)
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toBe("the token's ESP profile is not one its roles admit");

    // two searching roles and no profile claim: no profile can be derived from the roles
    const none = await (
      await caller(context, ['border-guard', 'police'], { userId: 'bg-no-profile' })
    ).request('POST', '/v1/esp/search', { query: identityQuery('DOE'), purpose: 'first-line-check' });
    expect(none.status).toBe(403);

    const purpose = await (await searcher(context, 'border-guard')).request('POST', '/v1/esp/search', {
      query: identityQuery('DOE'),
      purpose: 'curiosity',
    });
    expect(purpose.status).toBe(403);
    expect(purpose.body.error).toMatchObject({
      code: 'PURPOSE_NOT_ALLOWED',
      details: { field: 'body.purpose' },
    });

    // the ETIAS national unit has no biometric query fields (ETIAS holds none)
    const field = await (await searcher(context, 'etias-national-unit')).request('POST', '/v1/esp/search', {
      query: { biometrics: { face: { vector: [1, 0, 0], quality: 90 } } },
      purpose: 'etias-manual-processing',
    });
    expect(field.status).toBe(403);
    expect(field.body.error).toMatchObject({
      code: 'QUERY_FIELD_NOT_ALLOWED',
      details: { field: 'body.query.biometrics.face' },
    });
  });

  it('answers bad input with 400 naming the field, never 500', async () => {
    const guard = await searcher(context, 'border-guard');
    const cases: [unknown, string][] = [
      [
        { query: { identity: { firstNames: ['X'] } }, purpose: 'first-line-check' },
        'body.query.identity.surnames',
      ],
      [{ query: {}, purpose: 'first-line-check' }, 'body.query'],
      [{ query: identityQuery('DOE') }, 'body.purpose'],
      [
        { query: { travelDocument: { number: 'AB;DROP' } }, purpose: 'first-line-check' },
        'body.query.travelDocument.number',
      ],
      [
        { query: { biometrics: { face: { vector: [1, 0, 0], quality: 90 } } }, purpose: 'first-line-check' },
        'body.query.biometrics.face',
      ],
    ];
    for (const [body, fieldName] of cases) {
      const reply = await guard.request('POST', '/v1/esp/search', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      const fields = reply.body.error.details.issues.map((issue: { field: string }) => issue.field);
      expect(fields, JSON.stringify(body)).toContain(fieldName);
    }
    expect((await guard.request('POST', '/v1/esp/search', '{not json')).status).toBe(400);
  });
});

describe('ESP log (Art 10)', () => {
  it('logs profile, purpose, the systems queried with status and counts, and nothing personal', async () => {
    const surname = uniqueSurname('QURESHI');
    const number = `PK${Math.floor(1e6 + Math.random() * 8e6)}`;
    await centralSystems(context).put('VIS', {
      recordId: `vis-${surname.toLowerCase()}`,
      identity: { surnames: [surname], firstNames: ['YUSUF'], dateOfBirth: '1970-01-20' },
      travelDocuments: [{ type: 'P', number, issuingCountry: 'PAK' }],
      applications: [],
    });
    const userId = `ct-${surname.toLowerCase()}`;
    const reply = await (await searcher(context, 'designated-authority', userId)).request(
      'POST',
      '/v1/esp/search',
      {
        query: { ...identityQuery(surname), travelDocument: { number } },
        purpose: 'terrorist-offence',
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.results.find((r: { source: string }) => r.source === 'VIS').status).toBe('hit');

    const [entry] = await auditOf(userId);
    expect(entry).toMatchObject({
      action: 'espSearch',
      httpStatus: 200,
      profile: 'designated-authority',
      purpose: 'terrorist-offence',
      systems: ['EES', 'VIS', 'ETIAS', 'EURODAC'],
      resultCount: 1,
    });
    expect(entry.details).toMatchObject({
      queryType: 'combined',
      'VIS.status': 'hit',
      'VIS.resultCount': 1,
      'EES.status': 'no_hit',
      'EES.resultCount': 0,
    });
    expect(entry.details.queryFields).toContain('identity.surnames');
    const text = JSON.stringify(entry);
    for (const value of [surname, number, 'YUSUF', '1970-01-20']) expect(text).not.toContain(value);
    for (const system of ['CIR', 'SIS', 'ECRIS_TCN', 'EUROPOL']) expect(entry.systems).not.toContain(system);
  });

  it('logs a refused search without the refused purpose', async () => {
    const userId = `bg-refused-${uniqueSurname('x').toLowerCase()}`;
    const reply = await (await searcher(context, 'border-guard', userId)).request('POST', '/v1/esp/search', {
      query: identityQuery('DOE'),
      purpose: 'looking for my neighbour',
    });
    expect(reply.status).toBe(403);
    const [entry] = await auditOf(userId);
    expect(entry).toMatchObject({ action: 'espSearch', httpStatus: 403, systems: [] });
    expect(JSON.stringify(entry)).not.toContain('neighbour');
  });
});
