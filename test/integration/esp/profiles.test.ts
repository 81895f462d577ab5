import { beforeAll, describe, expect, it } from 'vitest';
import { defaultProfiles } from '../../../functions/esp/profiles/load-profiles';
import { platformContext } from '../../support/platform-context';
import { ALL_SOURCES, centralSystems, mentions, originSystem, searcher, uniqueSurname } from './support';

const context = platformContext();
const profiles = defaultProfiles();
const surname = uniqueSurname('MARDINI');
const documentNumber = `SY${Math.floor(1e6 + Math.random() * 8e6)}`;
const tag = surname.toLowerCase();
const identity = {
  surnames: [surname],
  firstNames: ['AMIRA'],
  dateOfBirth: '1991-06-15',
  sex: 'F',
  nationalities: ['SYR'],
  placeOfBirth: 'ALEPPO',
};
const travelDocuments = [{ type: 'P', number: documentNumber, issuingCountry: 'SYR' }];

beforeAll(async () => {
  const store = centralSystems(context);
  await Promise.all([
    store.put('SIS', {
      recordId: `sis-${tag}`,
      category: 'refusal-of-entry',
      actionToTake: 'Refuse entry.',
      issuingMemberState: 'DE',
      warnings: ['armed'],
      identity,
      travelDocuments,
    }),
    store.put('EES', {
      recordId: `ees-${tag}`,
      identity,
      travelDocuments,
      movements: [
        { kind: 'entry', at: '2026-01-10T08:00:00Z', borderCrossingPoint: 'Schiphol', memberState: 'NL' },
      ],
      authorisedStayUntil: '2026-04-09',
    }),
    store.put('VIS', {
      recordId: `vis-${tag}`,
      identity,
      travelDocuments,
      applications: [
        {
          applicationNumber: 'FR2025A1',
          submittedAt: '2025-11-02',
          visaType: 'C',
          decision: 'issued',
          memberState: 'FR',
        },
      ],
    }),
    store.put('ETIAS', {
      recordId: `etias-${tag}`,
      identity,
      travelDocuments,
      authorisation: { status: 'refused' },
    }),
    store.put('EURODAC', {
      recordId: `eurodac-${tag}`,
      identity,
      category: 'irregular-crossing',
      memberStateOfOrigin: 'GR',
      takenAt: '2023-08-01',
    }),
    store.put('ECRIS_TCN', {
      recordId: `ecris-${tag}`,
      identity,
      hasConvictions: true,
      convictingMemberStates: ['IT'],
    }),
    store.put('EUROPOL', {
      recordId: `europol-${tag}`,
      identity,
      travelDocuments,
      personCategory: 'suspect',
      crimeAreas: ['document fraud'],
    }),
    store.put('INTERPOL_SLTD', {
      recordId: `sltd-${tag}`,
      travelDocuments,
      documentStatus: 'stolen',
      reportingCountry: 'SYR',
      reportedOn: '2024-03-00',
    }),
    store.put('INTERPOL_TDAWN', { recordId: `tdawn-${tag}`, identity, travelDocuments, noticeType: 'blue' }),
  ]);
  const ees = await originSystem(context, 'EES');
  const put = await ees.request('PUT', `/v1/systems/EES/records/ees-${tag}`, {
    identity,
    travelDocuments,
    version: 1,
  });
  expect(put.status).toBe(201);
});

/** Top-level fields and identity sub-fields a profile lets through for one system. */
function allowedShape(fields: readonly string[]) {
  const topLevel = new Set(fields.map((field) => field.split('.')[0]!));
  const identityFields = fields.includes('identity')
    ? undefined
    : new Set(fields.filter((f) => f.startsWith('identity.')).map((f) => f.slice('identity.'.length)));
  return { topLevel, identityFields };
}

describe('ESP profiles over HTTP', () => {
  it.each(profiles.ids)('%s: only its systems and its fields come back', async (profileId) => {
    const profile = profiles.get(profileId);
    const query = {
      identity: { surnames: [surname], firstNames: ['AMIRA'], dateOfBirth: '1991-06-15' },
      travelDocument: { number: documentNumber },
    };
    const reply = await (await searcher(context, profileId)).request('POST', '/v1/esp/search', {
      query,
      purpose: [...profile.purposes][0],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r: { source: string }) => r.source)).toEqual(profile.systems);
    // every system holds a record of the person: each answers with a hit
    for (const result of reply.body.results) expect(result.status, result.source).toBe('hit');

    const text = JSON.stringify(reply.body);
    for (const system of ALL_SOURCES.filter((s) => !profile.systems.includes(s)))
      expect(mentions(text, system), `${system} appears in the reply`).toBe(false);
    expect(text).not.toContain('biometrics');

    if (profile.reply === 'flags') {
      for (const result of reply.body.results)
        expect(Object.keys(result).sort()).toEqual(['elapsedMs', 'source', 'status']);
      expect(text).not.toContain(surname);
      return;
    }
    for (const result of reply.body.results) {
      const { topLevel, identityFields } = allowedShape(profile.returnFields.get(result.source) ?? []);
      expect(result.hits.length).toBeGreaterThan(0);
      for (const hit of result.hits) {
        for (const field of Object.keys(hit.record))
          expect(topLevel.has(field), `${result.source}.${field}`).toBe(true);
        if (hit.record.identity && identityFields)
          for (const field of Object.keys(hit.record.identity))
            expect(identityFields.has(field), `${result.source}.identity.${field}`).toBe(true);
      }
    }
  });

  it('border guard: SIS alert with category and action to take, SLTD document status, the CIR', async () => {
    const reply = await (await searcher(context, 'border-guard')).request('POST', '/v1/esp/search', {
      query: { travelDocument: { number: documentNumber } },
      purpose: 'first-line-check',
    });
    const bySource = Object.fromEntries(reply.body.results.map((r: { source: string }) => [r.source, r]));
    expect(bySource.SIS.hits[0].record).toMatchObject({
      recordId: `sis-${tag}`,
      category: 'refusal-of-entry',
      actionToTake: 'Refuse entry.',
      warnings: ['armed'],
    });
    expect(bySource.INTERPOL_SLTD.hits[0].record).toEqual({ documentStatus: 'stolen', travelDocuments });
    expect(bySource.INTERPOL_SLTD.hits[0].matchedOn).toEqual(['travelDocument']);
    // EES, VIS and ETIAS records hold the document too, but the profile returns no identity there
    expect(bySource.EES.hits[0].record.identity).toBeUndefined();
    // the CIR, for the MID links and the grouped person (recital 65): the files holding the document
    expect(bySource.CIR.status).toBe('hit');
  });

  it('visa authority: ECRIS-TCN answers with the flag and convicting states only', async () => {
    const reply = await (await searcher(context, 'visa-authority')).request('POST', '/v1/esp/search', {
      query: { identity: { surnames: [surname], firstNames: ['AMIRA'], dateOfBirth: '1991-06-15' } },
      purpose: 'visa-examination',
    });
    const ecris = reply.body.results.find((r: { source: string }) => r.source === 'ECRIS_TCN');
    expect(ecris.hits.map((hit: { record: unknown }) => hit.record)).toEqual([
      { hasConvictions: true, convictingMemberStates: ['IT'] },
    ]);
  });

  it('police identity check: the CIR file without the name of its origin system', async () => {
    const reply = await (await searcher(context, 'police-identity-check')).request('POST', '/v1/esp/search', {
      query: { identity: { surnames: [surname], firstNames: ['AMIRA'], dateOfBirth: '1991-06-15' } },
      purpose: 'doubtful-identity',
    });
    expect(reply.status).toBe(200);
    const [cir] = reply.body.results;
    expect(cir.source).toBe('CIR');
    expect(cir.hits).toHaveLength(1);
    expect(cir.hits[0].record).toEqual({
      recordId: `ees-${tag}`,
      identity: expect.objectContaining({ surnames: [surname], firstNames: ['AMIRA'] }),
      travelDocuments,
      links: [],
    });
  });
});
