import { beforeAll, describe, expect, it } from 'vitest';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { eventually, platformContext } from '../../support/platform-context';
import { centralSystems, originSystem, searcher, uniqueSurname } from './support';

const context = platformContext();
const store = centralSystems(context);
const bySource = (body: { results: { source: string }[] }) =>
  Object.fromEntries(body.results.map((result) => [result.source, result])) as Record<string, any>;
const ids = (result: { hits: { record: { recordId: string } }[] }) =>
  result.hits.map((hit) => hit.record.recordId);

describe('ESP queries over HTTP', () => {
  it('identity (fuzzy): a transliteration variant finds the CIR file and the SIS alert', async () => {
    const tag = uniqueSurname('t').toLowerCase();
    const identity = {
      surnames: ['SHEVCHENKO'],
      firstNames: ['OLEKSANDR'],
      dateOfBirth: '1979-11-23',
      sex: 'M',
      nationalities: ['UKR'],
    };
    await store.put('SIS', {
      recordId: `sis-${tag}`,
      category: 'discreet-check',
      actionToTake: 'Discreet check.',
      issuingMemberState: 'PL',
      identity,
    });
    const vis = await originSystem(context, 'VIS');
    expect(
      (await vis.request('PUT', `/v1/systems/VIS/records/vis-${tag}`, { identity, version: 1 })).status,
    ).toBe(201);

    const reply = await (await searcher(context, 'sirene-bureau')).request('POST', '/v1/esp/search', {
      query: {
        identity: { surnames: ['SCHEWTSCHENKO'], firstNames: ['OLEKSANDR'], dateOfBirth: '1979-11-23' },
      },
      purpose: 'sis-alert-follow-up',
    });
    expect(reply.status).toBe(200);
    const results = bySource(reply.body);
    expect(ids(results.SIS)).toContain(`sis-${tag}`);
    expect(ids(results.CIR)).toContain(`vis-${tag}`);
    expect(results.SIS.hits[0].matchedOn).toEqual(['identity']);
    // a different person with the same surname and another date of birth is not a hit
    const other = await (await searcher(context, 'sirene-bureau')).request('POST', '/v1/esp/search', {
      query: { identity: { surnames: ['SHEVCHENKO'], firstNames: ['MYKOLA'], dateOfBirth: '1950-02-01' } },
      purpose: 'sis-alert-follow-up',
    });
    expect(ids(bySource(other.body).SIS)).not.toContain(`sis-${tag}`);
  });

  it('travel document: found whatever the separators, in the CIR, SIS and SLTD; combined with identity', async () => {
    const surname = uniqueSurname('HADDAD');
    const tag = surname.toLowerCase();
    const number = `LB${Math.floor(1e6 + Math.random() * 8e6)}`;
    const identity = {
      surnames: [surname],
      firstNames: ['RANA'],
      dateOfBirth: '1988-03-04',
      nationalities: ['LBN'],
    };
    const travelDocuments = [{ type: 'P', number, issuingCountry: 'LBN' }];
    await store.put('INTERPOL_SLTD', {
      recordId: `sltd-${tag}`,
      travelDocuments,
      documentStatus: 'lost',
      reportingCountry: 'LBN',
      reportedOn: '2025-01-00',
    });
    await store.put('SIS', {
      recordId: `sis-${tag}`,
      category: 'inquiry-check',
      actionToTake: 'Inquiry check.',
      issuingMemberState: 'FR',
      identity,
      travelDocuments,
    });
    const ees = await originSystem(context, 'EES');
    expect(
      (
        await ees.request('PUT', `/v1/systems/EES/records/ees-${tag}`, {
          identity,
          travelDocuments,
          version: 1,
        })
      ).status,
    ).toBe(201);

    const spaced = `${number.slice(0, 2)} ${number.slice(2, 5)}-${number.slice(5)}<<`.toLowerCase();
    const reply = await (await searcher(context, 'sirene-bureau')).request('POST', '/v1/esp/search', {
      query: { travelDocument: { number: spaced, issuingCountry: 'LBN' } },
      purpose: 'sis-alert-follow-up',
    });
    expect(reply.status).toBe(200);
    const results = bySource(reply.body);
    expect(reply.body.queryType).toBe('travelDocument');
    expect(ids(results.INTERPOL_SLTD)).toEqual([`sltd-${tag}`]);
    expect(results.INTERPOL_SLTD.hits[0].record.documentStatus).toBe('lost');
    expect(ids(results.SIS)).toEqual([`sis-${tag}`]);
    expect(ids(results.CIR)).toEqual([`ees-${tag}`]);
    expect(results.EUROPOL.status).toBe('no_hit');
    // another issuing country: the same number is another document
    const elsewhere = await (await searcher(context, 'sirene-bureau')).request('POST', '/v1/esp/search', {
      query: { travelDocument: { number, issuingCountry: 'SYR' } },
      purpose: 'sis-alert-follow-up',
    });
    expect(bySource(elsewhere.body).INTERPOL_SLTD.status).toBe('no_hit');

    const combined = await (await searcher(context, 'sirene-bureau')).request('POST', '/v1/esp/search', {
      query: {
        identity: { surnames: [surname], firstNames: ['RANA'], dateOfBirth: '1988-03-04' },
        travelDocument: { number },
      },
      purpose: 'sis-alert-follow-up',
    });
    expect(combined.body.queryType).toBe('combined');
    expect(bySource(combined.body).SIS.hits[0].matchedOn.sort()).toEqual(['identity', 'travelDocument']);
    expect(bySource(combined.body).INTERPOL_SLTD.hits[0].matchedOn).toEqual(['travelDocument']);
  });

  it('biometrics: records ingested with templates are found by a new capture; MID links per Art 26', async () => {
    const surname = uniqueSurname('NASSER');
    const tag = surname.toLowerCase();
    const generator = createBiometricGenerator(Math.floor(Math.random() * 1e9));
    const person = generator.person(1);
    const capture = (session: number) =>
      generator.biometrics(person, { session, quality: 90, fingers: [1, 2] });
    const identity = {
      surnames: [surname],
      firstNames: ['KARIM'],
      dateOfBirth: '1984-09-30',
      sex: 'M',
      nationalities: ['EGY'],
    };
    const ees = await originSystem(context, 'EES');
    const sis = await originSystem(context, 'SIS');
    const put = (system: typeof ees, name: string, session: number) =>
      system.request('PUT', `/v1/systems/${name}/records/${name.toLowerCase()}-${tag}`, {
        identity,
        biometrics: capture(session),
        version: 1,
      });
    expect((await put(ees, 'EES', 1)).status).toBe(201);
    expect((await put(sis, 'SIS', 2)).status).toBe(201);
    await store.put('EES', { recordId: `ees-${tag}`, identity, movements: [] });
    await store.put('SIS', {
      recordId: `sis-${tag}`,
      category: 'return',
      actionToTake: 'Return decision to be enforced.',
      issuingMemberState: 'DE',
      identity,
    });

    const probe = capture(7);
    const search = async (profile: string, purpose: string) => {
      const reply = await (await searcher(context, profile)).request('POST', '/v1/esp/search', {
        query: { biometrics: { face: probe.face, fingerprints: probe.fingerprints.slice(0, 1) } },
        purpose,
      });
      expect(reply.status).toBe(200);
      return bySource(reply.body);
    };
    const visa = await search('visa-authority', 'visa-examination');
    expect(ids(visa.CIR).sort()).toEqual([`ees-${tag}`, `sis-${tag}`]);
    expect(visa.CIR.hits.every((hit: { matchedOn: string[] }) => hit.matchedOn.includes('biometrics'))).toBe(
      true,
    );
    expect(ids(visa.EES)).toEqual([`ees-${tag}`]);
    expect(ids(visa.SIS)).toEqual([`sis-${tag}`]);
    expect(visa.ETIAS.status).toBe('no_hit');

    // Same biometrics and same identity data: the MID links the two files white. The visa
    // authority sees both systems, so it sees the link; the police Art 20 profile (CIR only) does not.
    const linked = await eventually(
      async () => {
        const cir = (await search('visa-authority', 'visa-examination')).CIR;
        const file = cir.hits.find(
          (hit: { record: { recordId: string } }) => hit.record.recordId === `ees-${tag}`,
        );
        return file?.record.links.length ? file.record.links : undefined;
      },
      60_000,
      'the MID link',
    );
    expect(linked).toEqual([
      {
        linkId: expect.stringMatching(/^lnk-/),
        colour: 'white',
        linkedRecord: { system: 'SIS', recordId: `sis-${tag}` },
      },
    ]);
    const police = await search('police-identity-check', 'doubtful-identity');
    expect(ids(police.CIR).sort()).toEqual([`ees-${tag}`, `sis-${tag}`]);
    for (const hit of police.CIR.hits) {
      expect(hit.record.links).toEqual([]);
      expect(hit.record.originSystem).toBeUndefined();
    }
  });
});
