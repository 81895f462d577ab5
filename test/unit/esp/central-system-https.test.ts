import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchPortal, type EspReply } from '../../../functions/esp/domain/search-portal';
import { UMF_VERSION } from '../../../functions/esp/domain/umf';
import { defaultProfiles } from '../../../functions/esp/profiles/load-profiles';
import type { CentralSystem } from '../../../functions/esp/source-store';
import { UmfHttpsSource } from '../../../functions/esp/umf-https-source';
import {
  type FakeBehaviour,
  type Pki,
  startFakeCentralSystem,
  testPki,
} from '../../support/fake-central-system';

// The contract of the HTTPS adapter with a central system's UMF endpoint, over mutual TLS with a
// CA made for the test: one ESP search reaches six systems behaving six ways, and still answers.

type UmfRequest = { UMF: { MessageId: string; Recipient: string; Query: Record<string, unknown> } };

const sisAlert = (inReplyTo: string) => ({
  UMF: {
    Version: UMF_VERSION,
    MessageType: 'SearchResponse',
    MessageId: 'sis-reply-1',
    InReplyTo: inReplyTo,
    Result: 'Hit',
    Records: [
      {
        RecordId: 'SIS-ALERT-7',
        MatchedOn: ['Person', 'TravelDocument'],
        Score: 0.97,
        Person: {
          FamilyName: ['KOWALCZYK'],
          GivenName: ['OLENA'],
          DateOfBirth: '1990-04-00',
          Nationality: ['UKR'],
        },
        TravelDocument: [{ DocumentNumber: 'FX123456', DocumentType: 'P', IssuingCountry: 'UKR' }],
        SystemData: {
          category: 'refusal-of-entry',
          actionToTake: 'refuse entry',
          issuingMemberState: 'DE',
          warnings: [],
        },
      },
    ],
  },
});

const BEHAVIOURS: Record<string, FakeBehaviour> = {
  '/sis': async ({ body }) => ({
    status: 200,
    body: JSON.stringify(sisAlert((body as UmfRequest).UMF.MessageId)),
  }),
  '/ees': async ({ body }) => ({
    status: 200,
    body: JSON.stringify({
      UMF: {
        Version: UMF_VERSION,
        MessageType: 'SearchResponse',
        MessageId: 'ees-reply-1',
        InReplyTo: (body as UmfRequest).UMF.MessageId,
        Result: 'NoHit',
        Records: [],
      },
    }),
  }),
  '/vis': async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return { status: 200, body: '{}' };
  },
  '/etias': async () => ({ status: 503, body: '{"error":"maintenance"}' }),
  // A UMF reply whose record is not an EUROPOL record (no personCategory), and one that is not JSON.
  '/europol': async ({ body }) => ({
    status: 200,
    body: JSON.stringify({ ...sisAlert((body as UmfRequest).UMF.MessageId) }),
  }),
  '/ecris': async () => ({ status: 200, body: '<UMF><Result>Hit' }),
  '/eurodac': async ({ body }) => ({
    status: 200,
    body: JSON.stringify(sisAlert((body as UmfRequest).UMF.MessageId)),
  }),
};

let pki: Pki;
let fake: Awaited<ReturnType<typeof startFakeCentralSystem>>;
beforeAll(async () => {
  pki = await testPki();
  fake = await startFakeCentralSystem(pki, (request) => BEHAVIOURS[request.path]!(request));
});
afterAll(() => fake?.close());

const source = (system: CentralSystem, path: string, tls = pki.client) =>
  new UmfHttpsSource({ system, endpoint: fake.url(path), timeoutMs: 5_000, tls: Promise.resolve(tls) });

async function search(): Promise<{ reply: EspReply; elapsedMs: number }> {
  const portal = createSearchPortal({
    profiles: defaultProfiles(),
    sources: [
      source('SIS', '/sis'),
      source('EES', '/ees'),
      source('VIS', '/vis'),
      source('ETIAS', '/etias'),
      source('EUROPOL', '/europol'),
      source('ECRIS_TCN', '/ecris'),
      // A client certificate of a CA the central system does not know: the TLS handshake is refused.
      source('EURODAC', '/eurodac', pki.rogueClient),
    ],
    budgets: { defaultMs: 2_000, perSystemMs: { VIS: 400 } },
  });
  const started = performance.now();
  const { reply } = await portal.search({
    requester: { userId: 'etias-officer-1', authority: 'ETIAS:DE' },
    profileId: 'etias-national-unit',
    purpose: 'etias-manual-processing',
    query: {
      identity: { surnames: ['Kowalczyk'], firstNames: ['Olena'], dateOfBirth: '1990-04-00' },
      travelDocument: { number: 'FX123456', issuingCountry: 'UKR' },
    },
  });
  return { reply, elapsedMs: performance.now() - started };
}

describe('central systems over HTTPS (UMF, mutual TLS)', () => {
  it('answers one search with each system as it behaved: none fails the whole search', async () => {
    const { reply, elapsedMs } = await search();
    const status = Object.fromEntries(reply.results.map((result) => [result.source, result.status]));
    expect(status).toMatchObject({
      SIS: 'hit',
      EES: 'no_hit',
      VIS: 'timed_out',
      ETIAS: 'unavailable', // 503
      EUROPOL: 'unavailable', // a record that is not a Europol record
      ECRIS_TCN: 'unavailable', // not JSON
      EURODAC: 'unavailable', // client certificate refused
    });
    // The slow system cost its budget, not the search.
    expect(elapsedMs).toBeLessThan(2_000);
    const vis = reply.results.find((result) => result.source === 'VIS')!;
    expect(vis.elapsedMs).toBeGreaterThanOrEqual(390);
  });

  it("maps a hit's UMF entities into the system's record, projected by the profile", async () => {
    const { reply } = await search();
    const sis = reply.results.find((result) => result.source === 'SIS')!;
    expect(sis.hits).toEqual([
      {
        matchedOn: ['identity', 'travelDocument'],
        score: 0.97,
        record: {
          recordId: 'SIS-ALERT-7',
          category: 'refusal-of-entry',
          actionToTake: 'refuse entry',
          issuingMemberState: 'DE',
          warnings: [],
          identity: expect.objectContaining({
            surnames: ['KOWALCZYK'],
            firstNames: ['OLENA'],
            dateOfBirth: '1990-04-00',
            nationalities: ['UKR'],
          }),
        },
      },
    ]);
  });

  it('sends the query as UMF Person and TravelDocument, over a client certificate the system verified', async () => {
    fake.received.length = 0;
    await search();
    const sis = fake.received.find((request) => request.path === '/sis')!;
    expect(sis.clientSubject).toBe('eu-interop-esp');
    expect(sis.body).toMatchObject({
      UMF: {
        Version: UMF_VERSION,
        MessageType: 'SearchRequest',
        Recipient: 'SIS',
        Query: {
          Person: { FamilyName: ['Kowalczyk'], GivenName: ['Olena'], DateOfBirth: '1990-04-00' },
          TravelDocument: { DocumentNumber: 'FX123456', IssuingCountry: 'UKR' },
        },
      },
    });
    // The refused client never reached the application.
    expect(fake.received.some((request) => request.path === '/eurodac')).toBe(false);
  });
});
