import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Component } from '../../../functions/routes';
import { loadConfig } from '../../../functions/shared/config';
import { type ApiGatewayHandler, startApiServer } from '../../../local/api-server';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { caller, platformContext } from '../../support/platform-context';
import { publicRequest, requestForm } from './support';

const context = platformContext();

/**
 * The shared platform runs with a high limit (every test file calls the public routes from one
 * address); this file starts a second API server over the same tables and handlers, with the limit
 * read through the config loader from a small burst and rate.
 */
let server: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  server = await startApiServer({
    port: 0,
    tokens: await localTokenIssuer(context.keyDir),
    loadHandler: (component: Component) =>
      import(`../../../functions/${component}/index.ts`).then(
        (m: { handler: ApiGatewayHandler }) => m.handler,
      ),
    openApi: () => ({}),
    publicRateLimit: loadConfig({
      ...process.env,
      PUBLIC_RATE_BURST: '3',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '6',
    }),
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('rate limit of the public routes', () => {
  it('answers 429 with Retry-After once the burst is spent, on the public routes only', async () => {
    const limited = { ...context, url: server.url };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const reply = await publicRequest(limited, 'POST', '/v1/data-subject-requests', requestForm());
      statuses.push(reply.status);
      if (reply.status === 429) retryAfter = reply.headers.get('retry-after');
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    // 6 per minute: one token every 10 seconds.
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    // The status route shares the bucket of the address.
    const status = await publicRequest(
      limited,
      'GET',
      '/v1/data-subject-requests/DSR-0000000000000000',
      undefined,
      {
        'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA',
      },
    );
    expect(status.status).toBe(429);
    // An authenticated route is not limited by it.
    const officer = await caller(limited, ['rights-officer'], { authority: 'DE-RIGHTS', memberState: 'DE' });
    expect((await officer.request('GET', '/v1/data-subject-requests?limit=1')).status).toBe(200);
  });

  it('refuses a limit the config loader does not accept', () => {
    expect(() => loadConfig({ ...process.env, PUBLIC_RATE_BURST: '0' })).toThrow('PUBLIC_RATE_BURST');
  });
});
