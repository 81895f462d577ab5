import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import type { OriginSystem } from '../../../functions/shared/systems';
import { caller, platformContext } from '../../support/platform-context';
import { biometricsOf, identityOf } from './support';

const context = platformContext();

/** The origin system's own account, of the authority the MID routes its yellow links to (`<SYSTEM>:LV`). */
const writer = (system: OriginSystem) =>
  caller(context, ['origin-system'], { system, authority: `${system}:LV`, memberState: 'LV' });

async function put(ref: RecordRef, body: object) {
  const reply = await (await writer(ref.system)).request(
    'PUT',
    `/v1/systems/${ref.system}/records/${ref.recordId}`,
    { memberState: 'LV', version: 1, ...body },
  );
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('GET /v1/systems/{system}/records/{recordId}/mid-result', () => {
  it('tells the writer where the result is, holds the request until the check is done, and names the yellow link to verify now', async () => {
    const ees: RecordRef = { system: 'EES', recordId: 'it-midres-1a' };
    const vis: RecordRef = { system: 'VIS', recordId: 'it-midres-1b' };
    const first = await put(ees, {
      identity: identityOf('KALNINA-ORLOVA', 'SARMITE', '1979-05-14'),
      biometrics: biometricsOf(501, 0),
    });
    expect(first.midResult).toBe('/v1/systems/EES/records/it-midres-1a/mid-result');
    const eesWriter = await writer('EES');
    const eesResult = await eesWriter.request('GET', `${first.midResult}?waitSeconds=10`);
    expect(eesResult.body).toEqual({ status: 'done', version: 1, links: [] });

    // The same face and fingers under another identity: a yellow link, routed to the VIS authority
    // whose write triggered the check (Art 29).
    const second = await put(vis, {
      identity: identityOf('BERZINS', 'ILGVARS', '1962-01-30', 'M'),
      biometrics: biometricsOf(501, 1),
    });
    const started = Date.now();
    const result = await (await writer('VIS')).request('GET', `${second.midResult}?waitSeconds=10`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('done');
    expect(result.body.version).toBe(1);
    expect(result.body.links).toEqual([
      {
        linkId: expect.stringMatching(/^lnk-[0-9a-f]{32}$/),
        colour: 'yellow',
        otherSystem: 'EES',
        responsibleAuthority: 'VIS:LV',
        verifyNow: true,
      },
    ]);
    // Nothing about the other file but its system: no record id, no identity data.
    expect(JSON.stringify(result.body)).not.toContain('it-midres-1a');
    expect(JSON.stringify(result.body)).not.toContain('KALNINA');

    // The EES side is not responsible for that yellow link, and Art 26 shows yellow links to no one else.
    expect((await eesWriter.request('GET', `${first.midResult}`)).body.links).toEqual([]);
  });

  it('refuses a wait above 20 s naming the field, answers 404 for an unknown record and 403 for another system', async () => {
    const vis = await writer('VIS');
    const tooLong = await vis.request(
      'GET',
      '/v1/systems/VIS/records/it-midres-1b/mid-result?waitSeconds=21',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.issues[0].field).toBe('query.waitSeconds');
    expect((await vis.request('GET', '/v1/systems/VIS/records/it-midres-none/mid-result')).status).toBe(404);
    const ees = await writer('EES');
    expect((await ees.request('GET', '/v1/systems/VIS/records/it-midres-1b/mid-result')).status).toBe(403);
  });
});
