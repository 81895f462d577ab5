import { describe, expect, it } from 'vitest';
import {
  EspConfigurationError,
  PurposeNotAllowedError,
  QueryFieldNotAllowedError,
  UnknownProfileError,
} from '../../../functions/esp/domain/errors';
import type { FaultInjection } from '../../../functions/esp/domain/fault-injection';
import {
  createSearchPortal,
  type EspReply,
  type SearchPortalConfig,
  type SourceReply,
} from '../../../functions/esp/domain/search-portal';
import type { SearchSource } from '../../../functions/esp/domain/search-source';
import { defaultProfiles } from '../../../functions/esp/profiles/load-profiles';
import type { EspSource } from '../../../functions/shared/systems';
import {
  ANA,
  ANA_FACE,
  ANA_PASSPORT,
  ANA_THUMB,
  IVAN_PASSPORT,
  profileViolations,
  referenceSources,
} from './fixtures';

const profiles = defaultProfiles();
const requester = { userId: 'officer-17', authority: 'RO-border-police' };
const PURPOSE: Record<string, string> = {
  'border-guard': 'first-line-check',
  'visa-authority': 'visa-examination',
  'immigration-asylum': 'international-protection',
  'police-identity-check': 'doubtful-identity',
  'etias-national-unit': 'etias-manual-processing',
  'sirene-bureau': 'sis-alert-follow-up',
  'designated-authority': 'serious-criminal-offence',
};

function portal(
  overrides: Partial<SearchPortalConfig> = {},
  faults: Partial<Record<EspSource, FaultInjection>> = {},
) {
  return createSearchPortal({
    profiles,
    sources: referenceSources(faults),
    budgets: { defaultMs: 1_000 },
    ...overrides,
  });
}

async function search(profileId: string, query: unknown, config?: Partial<SearchPortalConfig>) {
  const purpose = PURPOSE[profileId] ?? 'none';
  return portal(config).search({ requester, profileId, purpose, query });
}

function result(reply: EspReply, source: EspSource): SourceReply {
  const found = reply.results.find((r) => r.source === source);
  if (!found) throw new Error(`${source} not in reply`);
  return found;
}

const statuses = (reply: EspReply) => Object.fromEntries(reply.results.map((r) => [r.source, r.status]));
const firstRecord = (reply: EspReply, source: EspSource) => result(reply, source).hits?.[0]?.record;

describe('each profile against the reference sources', () => {
  it.each(Object.keys(PURPOSE))('%s: only its systems and fields come back', async (profileId) => {
    const profile = profiles.get(profileId);
    const biometrics = profile.queryFields.has('biometrics.face') ? { face: ANA_FACE } : undefined;
    const { reply } = await search(profileId, {
      identity: { surnames: ANA.surnames, dateOfBirth: ANA.dateOfBirth },
      travelDocument: { number: ANA_PASSPORT.number },
      ...(biometrics && { biometrics }),
    });
    expect(profileViolations(reply, profile)).toEqual([]);
    expect(reply.results.some((r) => r.status === 'hit')).toBe(true);
  });

  it('border guard: SIS alert with category and action, trimmed identity; EES movements without identity', async () => {
    const { reply } = await search('border-guard', { travelDocument: ANA_PASSPORT });
    expect(statuses(reply)).toEqual({
      CIR: 'hit',
      SIS: 'hit',
      EES: 'hit',
      VIS: 'hit',
      ETIAS: 'hit',
      INTERPOL_SLTD: 'no_hit',
      INTERPOL_TDAWN: 'no_hit',
    });
    expect(firstRecord(reply, 'SIS')).toEqual({
      recordId: 'sis-1',
      category: 'refusal-of-entry',
      actionToTake: 'Refuse entry and inform the SIRENE bureau of the issuing state',
      warnings: ['violent'],
      issuingMemberState: 'DE',
      identity: { surnames: ['Popescu'], firstNames: ['Ana-Maria'], dateOfBirth: '1985-03-14' },
      travelDocuments: [ANA_PASSPORT],
    });
    expect(Object.keys(firstRecord(reply, 'EES') ?? {}).sort()).toEqual([
      'authorisedStayUntil',
      'movements',
      'overstay',
      'recordId',
    ]);
  });

  it('border guard: a stolen passport shows in SLTD and TDAWN with status only', async () => {
    const { reply } = await search('border-guard', { travelDocument: { number: 'UA 765 4321' } });
    expect(statuses(reply)).toMatchObject({
      SIS: 'hit',
      INTERPOL_SLTD: 'hit',
      INTERPOL_TDAWN: 'hit',
      EES: 'no_hit',
    });
    expect(firstRecord(reply, 'INTERPOL_SLTD')).toEqual({
      documentStatus: 'stolen',
      travelDocuments: [IVAN_PASSPORT],
    });
    expect(firstRecord(reply, 'INTERPOL_TDAWN')).toEqual({
      noticeType: 'red',
      travelDocuments: [IVAN_PASSPORT],
    });
  });

  it('visa authority: ECRIS-TCN gives the conviction flag and where to ask, nothing else', async () => {
    const { reply } = await search('visa-authority', { identity: ANA });
    expect(result(reply, 'ECRIS_TCN').hits).toEqual([
      { matchedOn: ['identity'], score: 1, record: { hasConvictions: true, convictingMemberStates: ['FR'] } },
    ]);
  });

  it('police identity check: CIR identity from live biometrics; links outside the profile hidden', async () => {
    const { reply } = await search('police-identity-check', { biometrics: { face: ANA_FACE } });
    expect(reply.results).toHaveLength(1);
    const hit = result(reply, 'CIR').hits?.[0];
    expect(hit?.matchedOn).toEqual(['biometrics']);
    // EES (the file's origin) and VIS/EURODAC are not in the profile: white and green links hidden; the
    // red link shows with the system holding the linked data (Art 26(2)), not its record.
    expect(hit?.record).toEqual({
      recordId: 'cir-ees-1',
      identity: expect.objectContaining({ surnames: ['Popescu'] }),
      travelDocuments: [ANA_PASSPORT],
      links: [{ colour: 'red', linkedSystem: 'SIS' }],
    });
  });

  it('police identity check: identity data as fallback when biometrics fail', async () => {
    const { reply } = await search('police-identity-check', {
      identity: { surnames: ['POPESCU'], sex: 'F' },
    });
    expect(result(reply, 'CIR')).toMatchObject({ status: 'hit', hits: [{ matchedOn: ['identity'] }] });
  });

  it('immigration officer: white links between systems of the profile, green only when the query matched both, never yellow (Art 26)', async () => {
    const { reply } = await search('immigration-asylum', { identity: ANA });
    expect(firstRecord(reply, 'CIR')).toMatchObject({
      originSystem: 'EES',
      links: [
        { colour: 'white', linkedRecord: { system: 'VIS', recordId: 'vis-1' } },
        { colour: 'red', linkedSystem: 'SIS' },
      ],
    });
  });

  it('SIRENE bureau: the red link names the SIS; white link to VIS hidden', async () => {
    const { reply } = await search('sirene-bureau', { identity: ANA });
    expect(firstRecord(reply, 'CIR')?.links).toEqual([{ colour: 'red', linkedSystem: 'SIS' }]);
  });

  it('ETIAS national unit: Europol and Interpol answer on a document; biometrics refused', async () => {
    const { reply } = await search('etias-national-unit', { travelDocument: IVAN_PASSPORT });
    expect(statuses(reply)).toMatchObject({ EUROPOL: 'hit', INTERPOL_SLTD: 'hit', ETIAS: 'no_hit' });
    await expect(search('etias-national-unit', { biometrics: { face: ANA_FACE } })).rejects.toThrow(
      expect.objectContaining({ field: 'biometrics.face' }),
    );
  });

  it('designated authority: hit / no hit per system, never data', async () => {
    const { reply } = await search('designated-authority', {
      identity: { surnames: ANA.surnames, dateOfBirth: ANA.dateOfBirth },
    });
    expect(reply.results).toEqual([
      { source: 'EES', status: 'hit', elapsedMs: expect.any(Number) },
      { source: 'VIS', status: 'hit', elapsedMs: expect.any(Number) },
      { source: 'ETIAS', status: 'hit', elapsedMs: expect.any(Number) },
      { source: 'EURODAC', status: 'hit', elapsedMs: expect.any(Number) },
    ]);
    expect(JSON.stringify(reply)).not.toMatch(/Popescu|recordId|1985/);
  });
});

describe('query types', () => {
  it('identity data: harmonised case, diacritics and hyphens', async () => {
    const { reply } = await search('visa-authority', {
      identity: { surnames: ['POPÉSCU'], firstNames: ['ana maria'], dateOfBirth: '1985-03-00' },
    });
    expect(result(reply, 'VIS').hits?.[0]).toMatchObject({
      matchedOn: ['identity'],
      record: { recordId: 'vis-1' },
    });
  });

  it('identity data: a different date of birth is no hit', async () => {
    const { reply } = await search('visa-authority', { identity: { ...ANA, dateOfBirth: '1985-03-15' } });
    expect(result(reply, 'VIS').status).toBe('no_hit');
  });

  it('travel document: MRZ filler and issuing country', async () => {
    const match = await search('visa-authority', {
      travelDocument: { number: 'MD<1234567', issuingCountry: 'MDA' },
    });
    expect(result(match.reply, 'VIS').status).toBe('hit');
    const other = await search('visa-authority', {
      travelDocument: { number: 'MD1234567', issuingCountry: 'ROU' },
    });
    expect(result(other.reply, 'VIS').status).toBe('no_hit');
  });

  it('biometrics: a fingerprint finds EES, VIS and EURODAC but not ETIAS (no biometrics there)', async () => {
    const { reply } = await search('immigration-asylum', { biometrics: { fingerprints: [ANA_THUMB] } });
    expect(statuses(reply)).toMatchObject({ EES: 'hit', VIS: 'hit', EURODAC: 'hit', ETIAS: 'no_hit' });
  });

  it('combined: one hit per record, listing every part that matched', async () => {
    const { reply } = await search('visa-authority', {
      identity: ANA,
      travelDocument: ANA_PASSPORT,
      biometrics: { face: ANA_FACE },
    });
    expect(reply.queryType).toBe('combined');
    expect(result(reply, 'VIS').hits).toHaveLength(1);
    expect(result(reply, 'VIS').hits?.[0]?.matchedOn).toEqual(['identity', 'travelDocument', 'biometrics']);
  });
});

describe('refusals', () => {
  it('an unknown profile', async () => {
    await expect(search('customs-officer', { identity: ANA })).rejects.toThrow(UnknownProfileError);
  });

  it('a purpose outside the profile', async () => {
    const request = { requester, profileId: 'border-guard', purpose: 'curiosity', query: { identity: ANA } };
    await expect(portal().search(request)).rejects.toThrow(PurposeNotAllowedError);
  });

  it('a query field outside the profile, named', async () => {
    await expect(search('border-guard', { identity: ANA })).rejects.toThrow(QueryFieldNotAllowedError);
    await expect(search('border-guard', { identity: ANA })).rejects.toThrow(/identity.placeOfBirth/);
  });

  it.each([
    [
      'an Interpol source that reveals queries',
      [{ ...silentSource('INTERPOL_SLTD'), revealsQueryToRecordOwner: true }],
    ],
    ['two sources for one system', [silentSource('SIS'), silentSource('SIS')]],
  ])('wiring %s', (_, sources) => {
    expect(() => createSearchPortal({ profiles, sources, budgets: { defaultMs: 100 } })).toThrow(
      EspConfigurationError,
    );
  });

  it('a budget that is not a positive number', () => {
    expect(() => createSearchPortal({ profiles, sources: [], budgets: { defaultMs: 0 } })).toThrow(
      EspConfigurationError,
    );
  });
});

function silentSource(name: EspSource, search: SearchSource['search'] = async () => []): SearchSource {
  return { name, revealsQueryToRecordOwner: false, search };
}

describe('partial failure and time budgets (Art 11)', () => {
  it('a failing source is unavailable; the others still answer', async () => {
    const failing = createSearchPortal({
      profiles,
      sources: referenceSources({ SIS: { errorRate: 1 } }),
      budgets: { defaultMs: 1_000 },
    });
    const { reply } = await failing.search({
      requester,
      profileId: 'border-guard',
      purpose: 'first-line-check',
      query: { travelDocument: ANA_PASSPORT },
    });
    expect(statuses(reply)).toMatchObject({ SIS: 'unavailable', EES: 'hit', VIS: 'hit' });
    expect(result(reply, 'SIS').hits).toEqual([]);
  });

  it.each([
    [
      'throws synchronously',
      () => {
        throw new Error('boom');
      },
    ],
    ['answers something that is not a list', async () => 'OK' as never],
  ])('a source that %s is unavailable', async (_, misbehave) => {
    const sources = [...referenceSources().filter((s) => s.name !== 'EES'), silentSource('EES', misbehave)];
    const { reply } = await search('border-guard', { travelDocument: ANA_PASSPORT }, { sources });
    expect(statuses(reply)).toMatchObject({ EES: 'unavailable', SIS: 'hit' });
  });

  it('a permitted system without an adapter is unavailable', async () => {
    const sources = referenceSources().filter((s) => s.name !== 'VIS');
    const { reply } = await search('border-guard', { travelDocument: ANA_PASSPORT }, { sources });
    expect(result(reply, 'VIS').status).toBe('unavailable');
  });

  it('a source that never answers times out at its budget, and the reply does not wait longer', async () => {
    const hanging = createSearchPortal({
      profiles,
      sources: referenceSources({ EES: { hang: true }, VIS: { latencyMs: 10 } }),
      budgets: { defaultMs: 60 },
    });
    const started = performance.now();
    const { reply, log } = await hanging.search({
      requester,
      profileId: 'border-guard',
      purpose: 'first-line-check',
      query: { travelDocument: ANA_PASSPORT },
    });
    const took = performance.now() - started;
    expect(statuses(reply)).toMatchObject({ EES: 'timed_out', VIS: 'hit', SIS: 'hit' });
    expect(result(reply, 'EES').elapsedMs).toBeGreaterThanOrEqual(59);
    expect(took).toBeLessThan(60 + 50);
    expect(log.systems.find((s) => s.source === 'EES')).toMatchObject({
      status: 'timed_out',
      resultCount: 0,
    });
  });

  it('each system has its own budget; a timed-out source is told to stop', async () => {
    let aborted: unknown;
    const slow = silentSource(
      'SIS',
      (_query, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = signal.reason;
            reject(signal.reason);
          });
        }),
    );
    const sources = [...referenceSources({ EES: { latencyMs: 40 } }).filter((s) => s.name !== 'SIS'), slow];
    const { reply } = await search(
      'border-guard',
      { travelDocument: ANA_PASSPORT },
      {
        sources,
        budgets: { defaultMs: 200, perSystemMs: { SIS: 20 } },
      },
    );
    expect(statuses(reply)).toMatchObject({ SIS: 'timed_out', EES: 'hit' });
    expect(result(reply, 'SIS').elapsedMs).toBeLessThan(result(reply, 'EES').elapsedMs);
    expect(aborted).toBeInstanceOf(Error);
  });

  it('reports per-source elapsed time', async () => {
    const slowVis = createSearchPortal({
      profiles,
      sources: referenceSources({ VIS: { latencyMs: 30 } }),
      budgets: { defaultMs: 500 },
    });
    const { reply } = await slowVis.search({
      requester,
      profileId: 'border-guard',
      purpose: 'first-line-check',
      query: { travelDocument: ANA_PASSPORT },
    });
    expect(result(reply, 'VIS').elapsedMs).toBeGreaterThanOrEqual(29);
    expect(result(reply, 'SIS').elapsedMs).toBeLessThan(29);
    expect(reply.elapsedMs).toBeGreaterThanOrEqual(result(reply, 'VIS').elapsedMs);
  });
});

describe('the portal does not trust sources', () => {
  it('drops fields a source sends beyond the profile, including nested ones', async () => {
    const rogue = silentSource('ETIAS', async () => [
      {
        record: {
          recordId: 'etias-9',
          authorisation: { status: 'valid' },
          identity: { surnames: ['Leak'] },
          biometrics: { face: ANA_FACE },
          internalNote: 'x',
        },
        matchedOn: ['identity', 'biometrics', 'gossip' as never],
        score: Number.NaN,
      },
    ]);
    const sources = [...referenceSources().filter((s) => s.name !== 'ETIAS'), rogue];
    const { reply } = await search('border-guard', { identity: { surnames: ['Leak'] } }, { sources });
    expect(result(reply, 'ETIAS').hits).toEqual([
      {
        matchedOn: ['identity'],
        score: 0,
        record: { recordId: 'etias-9', authorisation: { status: 'valid' } },
      },
    ]);
  });
});

describe('Art 10 log summary', () => {
  it('records who, profile, purpose, time, systems and counts, without personal data', async () => {
    const at = new Date('2026-11-28T10:00:00Z');
    const { log } = await search(
      'border-guard',
      { travelDocument: ANA_PASSPORT, identity: { surnames: ANA.surnames } },
      { clock: () => at },
    );
    expect(log).toMatchObject({
      event: 'esp.search',
      at: '2026-11-28T10:00:00.000Z',
      userId: 'officer-17',
      authority: 'RO-border-police',
      profileId: 'border-guard',
      profilesVersion: profiles.version,
      purpose: 'first-line-check',
      queryType: 'combined',
      queryFields: [
        'identity.surnames',
        'travelDocument.number',
        'travelDocument.issuingCountry',
        'travelDocument.type',
      ],
    });
    expect(log.systems.map((s) => [s.source, s.status, s.resultCount])).toEqual([
      ['CIR', 'hit', 1],
      ['SIS', 'hit', 1],
      ['EES', 'hit', 1],
      ['VIS', 'hit', 1],
      ['ETIAS', 'hit', 1],
      ['INTERPOL_SLTD', 'no_hit', 0],
      ['INTERPOL_TDAWN', 'no_hit', 0],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Popescu|MD1234567|sis-1/);
  });
});
