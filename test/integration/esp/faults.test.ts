import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiGatewayHandler, startApiServer } from '../../../local/api-server';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { platformContext } from '../../support/platform-context';
import { centralSystems, searcher, uniqueSurname } from './support';

/**
 * Faults are configuration of the ESP function (ESP_FAULTS, docs/esp.md). The shared platform runs
 * without them, so this file serves the same ESP handler from a second API server in this process
 * with the variables set, as a Lambda deployed with them would run, over the same tables.
 */
const context = platformContext();
const surname = uniqueSurname('BARAKAT');
const tag = surname.toLowerCase();
const identity = {
  surnames: [surname],
  firstNames: ['LAYLA'],
  dateOfBirth: '1995-12-01',
  nationalities: ['JOR'],
};
let server: Awaited<ReturnType<typeof startApiServer>>;

beforeAll(async () => {
  Object.assign(process.env, {
    ESP_BUDGET_MS: '4000',
    ESP_FAULTS: JSON.stringify({
      SIS: { errorRate: 1 },
      EUROPOL: { latencyMs: 60_000 },
      INTERPOL_TDAWN: { hang: true },
    }),
  });
  const store = centralSystems(context);
  for (const system of ['SIS', 'EUROPOL'] as const)
    await store.put(
      system,
      system === 'SIS'
        ? {
            recordId: `sis-${tag}`,
            category: 'arrest',
            actionToTake: 'Arrest.',
            issuingMemberState: 'DE',
            identity,
          }
        : { recordId: `europol-${tag}`, identity, personCategory: 'suspect' },
    );
  await store.put('ETIAS', { recordId: `etias-${tag}`, identity, authorisation: { status: 'valid' } });
  const { handler } = (await import('../../../functions/esp/index')) as unknown as {
    handler: ApiGatewayHandler;
  };
  server = await startApiServer({
    port: 0,
    tokens: await localTokenIssuer(context.keyDir),
    loadHandler: async () => handler,
    openApi: () => ({}),
  });
});

afterAll(async () => {
  await server?.stop();
  delete process.env.ESP_FAULTS;
  delete process.env.ESP_BUDGET_MS;
});

describe('ESP with failing and slow sources', () => {
  it('a failing, a slow and a hanging source are reported; the others still answer, within the budget', async () => {
    const etias = await searcher({ ...context, url: server.url }, 'etias-national-unit');
    // a first search warms the new container (SDK connections, the sBMS gallery): its cold start is not under test
    await etias.request('POST', '/v1/esp/search', {
      query: { identity: { surnames: ['WARMUP'], firstNames: ['COLD'], dateOfBirth: '2000-01-01' } },
      purpose: 'etias-manual-processing',
    });
    const started = Date.now();
    const reply = await etias.request('POST', '/v1/esp/search', {
      query: { identity: { surnames: [surname], firstNames: ['LAYLA'], dateOfBirth: '1995-12-01' } },
      purpose: 'etias-manual-processing',
    });
    const took = Date.now() - started;
    expect(reply.status).toBe(200);
    const status = Object.fromEntries(
      reply.body.results.map((r: { source: string; status: string }) => [r.source, r.status]),
    );
    expect(status).toMatchObject({
      SIS: 'unavailable',
      EUROPOL: 'timed_out',
      INTERPOL_TDAWN: 'timed_out',
      ETIAS: 'hit',
      CIR: 'no_hit',
      EES: 'no_hit',
    });
    for (const result of reply.body.results.filter((r: { status: string }) => r.status !== 'hit'))
      expect(result.hits).toEqual([]);
    // the reply waits for neither the slow source (60 s) nor the hanging one: the budget, plus slack
    expect(took).toBeLessThan(10_000);
    expect(reply.body.elapsedMs).toBeLessThan(6000);
  });
});
