import { beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../../../functions/mid/domain/links';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { platformContext } from '../../support/platform-context';
import { biometricsOf, type Identity, identityOf, midWorld } from '../mid/support';
import { searcher, uniqueSurname } from './support';

/**
 * MID links in ESP replies (Art 26), every colour against the caller's access and whether the query
 * matched both files; the white group of a hit as one person; the Art 20 identity check's group.
 */
const context = platformContext();
const world = midWorld(context);

type Hit = { matchedOn: string[]; record: Record<string, any> };
const PURPOSE: Record<string, string> = {
  'border-guard': 'first-line-check',
  'immigration-asylum': 'stay-verification',
  'police-identity-check': 'doubtful-identity',
};

async function search(profile: string, query: object): Promise<Hit[]> {
  const reply = await (await searcher(context, profile)).request('POST', '/v1/esp/search', {
    purpose: PURPOSE[profile],
    query,
  });
  expect(reply.status).toBe(200);
  return reply.body.results.find((r: { source: string }) => r.source === 'CIR')?.hits ?? [];
}
const hitOf = (hits: Hit[], ref: RecordRef) =>
  hits.find(
    (h) => h.record.recordId === ref.recordId && (h.record.originSystem ?? ref.system) === ref.system,
  );
const ref = (system: RecordRef['system'], recordId: string): RecordRef => ({ system, recordId });

const person = (surname: string, first: string, dob: string): Identity => identityOf(surname, first, dob);
const main = person(uniqueSurname('HALVORSEN'), 'INGRID', '1977-08-21');
const alias = person(uniqueSurname('MOLLERUD'), 'BRITT', '1969-02-02');
const twinA = person(uniqueSurname('ASPELUND'), 'KARI', '1990-10-10');
const twinB = person(uniqueSurname('DRAGSET'), 'SIRI', '1981-01-05');

const ees = ref('EES', 'it-esp-mid-e');
const vis = ref('VIS', 'it-esp-mid-v');
const eurodac = ref('EURODAC', 'it-esp-mid-u');
const greenA = ref('EES', 'it-esp-mid-ga');
const greenB = ref('VIS', 'it-esp-mid-gb');
const links: Partial<Record<'white' | 'red' | 'green', Link>> = {};

async function verify(link: Link, colour: 'red' | 'green') {
  const verifier = await world.verifier(link.responsibleAuthority);
  const reply = await verifier.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
    colour,
    justification: `checked: ${colour}`,
    expectedVersion: link.version,
  });
  expect(reply.status).toBe(200);
  return (await world.links.get(link.linkId))!;
}

beforeAll(async () => {
  // One person in EES and VIS (white), the same biometrics under another identity in Eurodac (red).
  await world.put(ees, { identity: main, biometrics: biometricsOf(9401, 0), memberState: 'FI' });
  await world.put(vis, { identity: main, biometrics: biometricsOf(9401, 1), memberState: 'FI' });
  await world.put(eurodac, { identity: alias, biometrics: biometricsOf(9401, 2), memberState: 'FI' });
  links.white = await world.linkBetween(ees, vis);
  const yellow = await world.linkBetween(eurodac, ees);
  expect(links.white?.colour).toBe('white');
  expect(yellow?.colour).toBe('yellow');
  links.red = await verify(yellow!, 'red');
  // Two different persons who share biometrics-like data: verified green.
  await world.put(greenA, { identity: twinA, biometrics: biometricsOf(802, 0), memberState: 'FI' });
  await world.put(greenB, { identity: twinB, biometrics: biometricsOf(802, 1), memberState: 'FI' });
  links.green = await verify((await world.linkBetween(greenA, greenB))!, 'green');
}, 120_000);

describe('ESP replies carry MID links per Art 26', () => {
  it('a border guard finds the EES hit with its white link to the VIS file, the grouped person, and the red link as systems only', async () => {
    const hits = await search('border-guard', { identity: main });
    const hit = hitOf(hits, ees);
    expect(hit?.record.links).toEqual(
      expect.arrayContaining([
        { linkId: links.white!.linkId, colour: 'white', linkedRecord: vis },
        { linkId: links.red!.linkId, colour: 'red', linkedSystem: 'EURODAC' },
      ]),
    );
    expect(hit?.record.links).toHaveLength(2);
    // the person's VIS file, as the border guard's CIR fields show it
    expect(hit?.record.whiteGroup).toEqual([
      expect.objectContaining({
        recordId: vis.recordId,
        originSystem: 'VIS',
        identity: expect.objectContaining({ surnames: main.surnames }),
      }),
    ]);
    // Art 26(2): nothing of the red link's other file but its system; EURODAC is not in the profile
    const text = JSON.stringify(hits);
    expect(text).not.toContain(eurodac.recordId);
    expect(text).not.toContain(alias.surnames[0]);
  });

  it('a police officer (CIR only) sees the red link as systems only, and no white link or group (26(3))', async () => {
    const hits = await search('police-identity-check', { identity: main });
    const hit = hits.find((h) => h.record.recordId === ees.recordId);
    expect(hit?.record.links).toEqual([
      { linkId: links.red!.linkId, colour: 'red', linkedSystem: 'EURODAC' },
    ]);
    expect(hit?.record.whiteGroup).toEqual([]);
    expect(JSON.stringify(hits)).not.toContain(eurodac.recordId);
  });

  it('shows a green link only when this query matched both files (26(4)), and only with access to both systems', async () => {
    const byName = await search('immigration-asylum', { identity: twinA });
    expect(hitOf(byName, greenA)?.record.links).toEqual([]);
    const byFace = await search('immigration-asylum', { biometrics: biometricsOf(802, 3) });
    expect(hitOf(byFace, greenA)?.record.links).toEqual([
      { linkId: links.green!.linkId, colour: 'green', linkedRecord: greenB },
    ]);
    expect(hitOf(byFace, greenB)?.record.links).toEqual([
      { linkId: links.green!.linkId, colour: 'green', linkedRecord: greenA },
    ]);
    const police = await search('police-identity-check', { biometrics: biometricsOf(802, 3) });
    expect(police.flatMap((h) => h.record.links)).toEqual([]);
  });

  it('never shows a yellow link in a search', async () => {
    const a = ref('EES', 'it-esp-mid-ya');
    const b = ref('VIS', 'it-esp-mid-yb');
    const first = person(uniqueSurname('TORGERSEN'), 'LIV', '1955-05-05');
    await world.put(a, { identity: first, biometrics: biometricsOf(803, 0), memberState: 'FI' });
    await world.put(b, {
      identity: person(uniqueSurname('NYGAARD'), 'EIRIK', '1999-09-09'),
      biometrics: biometricsOf(803, 1),
      memberState: 'FI',
    });
    expect((await world.linkBetween(a, b))?.colour).toBe('yellow');
    const hits = await search('border-guard', { biometrics: biometricsOf(803, 2) });
    expect(hits.map((h) => h.record.recordId).sort()).toEqual([a.recordId, b.recordId]);
    expect(hits.flatMap((h) => h.record.links)).toEqual([]);
  });

  it('the Art 20 identity check returns the identity data of the whole white group', async () => {
    const police = await searcher(context, 'police-identity-check');
    const reply = await police.request('POST', '/v1/cir/identity-checks', {
      reason: 'doubtful-identity-data',
      age: 40,
      identity: main,
    });
    expect(reply.status).toBe(200);
    const returned = [...reply.body.files, ...reply.body.whiteGroup].map(
      (f: RecordRef) => `${f.system}/${f.recordId}`,
    );
    expect(returned).toEqual(expect.arrayContaining([`EES/${ees.recordId}`, `VIS/${vis.recordId}`]));
    // live biometrics find all three files; the group repeats none of them
    const byFace = await police.request('POST', '/v1/cir/identity-checks', {
      reason: 'no-credible-document',
      age: 40,
      biometrics: biometricsOf(9401, 4),
    });
    expect(byFace.body.hit).toBe(true);
    const group = byFace.body.whiteGroup.map((f: RecordRef) => f.recordId);
    const files = byFace.body.files.map((f: RecordRef) => f.recordId);
    expect([...files, ...group].sort()).toEqual([ees.recordId, eurodac.recordId, vis.recordId].sort());
  });
});
