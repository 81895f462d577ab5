import { beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../../../functions/mid/domain/links';
import type { Role } from '../../../functions/shared/auth/roles';
import { type Caller, caller, platformContext } from '../../support/platform-context';
import { identityOf, linkedPair, midWorld } from './support';

/**
 * `GET /v1/mid/links/{id}` per Arts 26 and 34, for every colour and kind of caller: the responsible
 * verifier gets the identity confirmation file; anyone else only what the colour and their access
 * allow; 404 (as for a link that does not exist) where the link is not theirs to see.
 */
const context = platformContext();
const world = midWorld(context);

const NAMES = ['ESTERHAZY-LUND', 'KORNELIA', 'WOJCIECHOWSKI', 'TEODOR', 'BALLANTYNE', 'GWENDOLYN'];
const links: Record<'white' | 'red' | 'green' | 'yellow', Link> = {} as never;
let responsible: Caller;

async function verify(link: Link, colour: 'red' | 'green') {
  const reply = await responsible.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
    colour,
    justification: `verified ${colour} at the counter`,
    expectedVersion: link.version,
  });
  expect(reply.status).toBe(200);
  return (await world.links.get(link.linkId))!;
}

beforeAll(async () => {
  const person = (i: number) => identityOf(NAMES[i]!, NAMES[i + 1]!, `19${60 + i}-03-1${i}`);
  links.white = (await linkedPair(world, 'it-acc-w', 701, 'HR', person(0), person(0))).link;
  links.red = (await linkedPair(world, 'it-acc-r', 702, 'HR', person(0), person(2))).link;
  links.green = (await linkedPair(world, 'it-acc-g', 703, 'HR', person(2), person(4))).link;
  links.yellow = (await linkedPair(world, 'it-acc-y', 704, 'HR', person(4), person(0))).link;
  expect(links.white.colour).toBe('white');
  for (const colour of ['red', 'green', 'yellow'] as const) expect(links[colour].colour).toBe('yellow');
  responsible = await world.verifier('VIS:HR', 'verifier-acc-it');
  links.red = await verify(links.red, 'red');
  links.green = await verify(links.green, 'green');
}, 120_000);

const user = (roles: Role[], authority: string, profile?: string) =>
  caller(context, roles, { authority, profile, userId: `acc-${authority}` });

/** Callers other than the responsible verifier, with the systems Art 26 decides on. */
const others: Record<string, () => Promise<Caller>> = {
  // border-guard profile: SIS, EES, VIS, ETIAS (+ CIR): both linked systems
  'a border guard (EES and VIS)': () => user(['border-guard'], 'HR-BORDER', 'border-guard'),
  // police Art 20 profile: the CIR only
  'a police officer (CIR only)': () => user(['police'], 'HR-POLICE', 'police-identity-check'),
  // a verifier of another authority: its own system only
  'an EES verifier of another state (EES only)': () => user(['link-verifier'], 'EES:SI'),
  // the VIS verifier of another state: VIS only
  'a VIS verifier of another state (VIS only)': () => user(['link-verifier'], 'VIS:SI'),
};
const bothSystems = new Set(['a border guard (EES and VIS)']);

describe('GET /v1/mid/links/{id}: Art 26 and Art 34', () => {
  it.each(['white', 'red', 'green', 'yellow'] as const)(
    'gives the responsible verifier the identity confirmation file of a %s link, with both files',
    async (colour) => {
      const reply = await responsible.request('GET', `/v1/mid/links/${links[colour].linkId}`);
      expect(reply.status).toBe(200);
      expect(reply.body.colour).toBe(colour);
      expect(reply.body.history.length).toBeGreaterThan(0);
      expect(reply.body.evidence).toBeDefined();
      expect(reply.body.files.map((f: { file: { identity: unknown } }) => f.file.identity)).toHaveLength(2);
    },
  );

  describe.each(Object.keys(others))('for %s', (who) => {
    it('a red link is the link and the systems holding the linked data, with no identity data (26(2), 34)', async () => {
      const reply = await (await others[who]!()).request('GET', `/v1/mid/links/${links.red.linkId}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ linkId: links.red.linkId, colour: 'red', systems: ['EES', 'VIS'] });
      const text = JSON.stringify(reply.body);
      for (const secret of [...NAMES, 'it-acc-r', 'verifier-acc-it', 'at the counter']) {
        expect(text).not.toContain(secret);
      }
    });

    it('a white link only with access to both linked systems (26(3)), without identity data', async () => {
      const reply = await (await others[who]!()).request('GET', `/v1/mid/links/${links.white.linkId}`);
      if (!bothSystems.has(who)) {
        expect(reply.status).toBe(404);
        return;
      }
      expect(reply.status).toBe(200);
      expect(reply.body.colour).toBe('white');
      expect(reply.body.records.map((r: { ref: { recordId: string } }) => r.ref.recordId).sort()).toEqual([
        'it-acc-wa',
        'it-acc-wb',
      ]);
      expect(reply.body.history).toBeUndefined();
      expect(JSON.stringify(reply.body)).not.toContain(NAMES[0]);
    });

    it('a green link never by its id: no query of theirs matched both files (26(4))', async () => {
      const reply = await (await others[who]!()).request('GET', `/v1/mid/links/${links.green.linkId}`);
      expect(reply.status).toBe(404);
    });

    it('a yellow link never: it is for the responsible verifier only', async () => {
      const reply = await (await others[who]!()).request('GET', `/v1/mid/links/${links.yellow.linkId}`);
      const missing = await (await others[who]!()).request('GET', `/v1/mid/links/lnk-${'f'.repeat(32)}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe(missing.body.error.code);
      expect(reply.body.error.message).toBe(missing.body.error.message);
    });
  });
});
