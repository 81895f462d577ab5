import { describe, expect, it } from 'vitest';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();

/** A national DPO reads the entries of their own Member State's authorities; the EDPS and EU-level DPOs read all. */
describe("a data protection officer's remit over the access log", () => {
  it('shows a national DPO only entries of their Member State, the EDPS every Member State', async () => {
    const run = Date.now().toString(36);
    const users = { DE: `remit-de-${run}`, FR: `remit-fr-${run}` };
    const de = await caller(context, ['data-protection-officer'], {
      authority: 'DE-BFDI',
      memberState: 'DE',
      userId: users.DE,
    });
    const fr = await caller(context, ['data-protection-officer'], {
      authority: 'FR-CNIL',
      memberState: 'FR',
      userId: users.FR,
    });
    const edps = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      memberState: 'EU',
      userId: `remit-edps-${run}`,
    });
    // The DPO of an EU-level body (eu-LISA) has the Member State EU.
    const euBody = await caller(context, ['data-protection-officer'], {
      authority: 'EU-LISA',
      memberState: 'EU',
      userId: `remit-eulisa-${run}`,
    });
    // Each DPO's own reads are logged under their authority and Member State.
    for (let i = 0; i < 3; i++) {
      expect((await de.request('GET', '/v1/audit?limit=1')).status).toBe(200);
      expect((await fr.request('GET', '/v1/audit?limit=1')).status).toBe(200);
    }
    const entriesOf = async (reader: typeof de, userId: string) => {
      const reply = await reader.request('GET', `/v1/audit?userId=${userId}&limit=50`);
      expect(reply.status).toBe(200);
      return reply.body.entries as { memberState: string; authority: string }[];
    };

    expect((await entriesOf(edps, users.DE)).length).toBeGreaterThanOrEqual(3);
    expect((await entriesOf(edps, users.FR)).length).toBeGreaterThanOrEqual(3);
    expect((await entriesOf(euBody, users.FR)).length).toBeGreaterThanOrEqual(3);
    expect((await entriesOf(de, users.DE)).length).toBeGreaterThanOrEqual(3);
    expect(await entriesOf(de, users.FR)).toEqual([]);
    expect(await entriesOf(fr, users.DE)).toEqual([]);
    expect((await entriesOf(fr, users.FR)).length).toBeGreaterThanOrEqual(3);

    // Unfiltered, a national DPO's pages hold their Member State's entries only; the EDPS's hold both.
    const germanView = await de.request('GET', '/v1/audit?limit=200');
    expect(germanView.body.entries.length).toBeGreaterThan(0);
    expect(new Set(germanView.body.entries.map((e: { memberState: string }) => e.memberState))).toEqual(
      new Set(['DE']),
    );
    const edpsView = await edps.request('GET', '/v1/audit?limit=500');
    const states = new Set(edpsView.body.entries.map((e: { memberState: string }) => e.memberState));
    expect(states.has('DE') && states.has('FR')).toBe(true);
  });
});
