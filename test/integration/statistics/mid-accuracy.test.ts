import { describe, expect, it } from 'vitest';
import { caller, platformContext } from '../../support/platform-context';
import { identityOf, linkedPair, midWorld } from '../mid/support';

const context = platformContext();
const world = midWorld(context);
// A Member State no other test file uses: the figures below are this file's only.
const MS = 'SK';
const tag = Date.now().toString(36);

async function accuracy(query: string) {
  const user = await caller(context, ['statistics'], { authority: 'EU-LISA', memberState: 'EU' });
  return user.request('GET', `/v1/statistics/mid-accuracy?${query}`);
}

describe('GET /v1/statistics/mid-accuracy (Arts 5, 37)', () => {
  it('turns the verifiers decisions into per-rule accuracy, by system pair and naming region', async () => {
    // Six pairs with the same biometrics and different identity data: six yellow links routed to
    // the VIS authority of SK (the VIS file's check creates them). Holders of Syrian nationality.
    const pairs = [];
    for (let i = 0; i < 6; i++) {
      pairs.push(
        await linkedPair(
          world,
          `it-acc-${tag}-${i}`,
          860 + i,
          MS,
          identityOf(`HADDAD${'ABCDEF'[i]}`, 'SAMIR', `1980-01-1${i}`, 'M', ['SYR']),
          identityOf(`KHOURY${'ABCDEF'[i]}`, 'LAYLA', `1975-06-2${i}`, 'F', ['SYR']),
        ),
      );
    }
    expect(pairs.map((pair) => pair.link.colour)).toEqual(Array(6).fill('yellow'));
    const verifier = await world.verifier(`VIS:${MS}`);
    for (const [i, { link }] of pairs.entries()) {
      const reply = await verifier.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
        colour: i < 5 ? 'green' : 'white',
        justification: 'documents compared at the counter',
        expectedVersion: link.version,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }

    const reply = await accuracy(`memberState=${MS}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const report = reply.body;
    expect(report.suppressionThreshold).toBe(5);
    expect(report.byReason).toEqual([
      expect.objectContaining({
        reason: 'biometrics-same-identity-different',
        article: 'Art 28(4), Art 30',
        created: 6,
        verified: 6,
        waiting: 0,
        rectified: 0,
        sameShare: 0.167,
        differentShare: 0.833,
        medianTimeToVerification: { bucket: 'lt10m', fromHours: 0, toHours: 0.167 },
      }),
    ]);
    expect(report.bySystems).toEqual([expect.objectContaining({ systems: 'EES-VIS', created: 6 })]);
    const arabic = report.byRegion.find((row: { region: string }) => row.region === 'arabicScript');
    // 12 checks (both files of each pair), 6 yellow links: 500 per 1,000 checks.
    expect(arabic).toMatchObject({ checks: 12, yellowCreated: 6, yellowPer1000Checks: 500, flagged: false });
    expect(report.byRegion.find((row: { region: string }) => row.region === 'latinScript')).toMatchObject({
      created: 0,
      checks: 0,
    });
    // Nothing personal in the reply: no record id, name or nationality code.
    const text = JSON.stringify({ ...report, regions: undefined });
    for (const secret of [tag, 'HADDAD', 'KHOURY', 'SAMIR', 'SYR']) expect(text).not.toContain(secret);
  });

  it('refuses a bad range with a 400 naming the field, and other roles with 403', async () => {
    const reversed = await accuracy('from=2026-05-02&to=2026-05-01');
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body)).toContain('from');
    expect((await accuracy('from=yesterday')).status).toBe(400);
    const verifier = await world.verifier(`VIS:${MS}`);
    expect((await verifier.request('GET', '/v1/statistics/mid-accuracy')).status).toBe(403);
  });
});
