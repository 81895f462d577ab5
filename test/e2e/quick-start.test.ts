import { describe, expect, it } from 'vitest';
import { caller, eventually, platformContext } from '../support/platform-context';

const context = platformContext();

describe('the README quick start, over HTTP against npm start', () => {
  it('answers /health and serves the OpenAPI document generated from the route table', async () => {
    expect(await (await fetch(`${context.url}/health`)).json()).toEqual({ status: 'ok' });
    const openApi = (await (await fetch(`${context.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(openApi.openapi).toBe('3.0.3');
    expect(Object.keys(openApi.paths)).toContain('/v1/systems/{system}/records/{recordId}');
  });

  it('PUT, GET, DELETE of a record with a token from the token issuer, each step in the audit log', async () => {
    const vis = await caller(context, ['origin-system'], {
      system: 'VIS',
      authority: 'VIS:FR',
      userId: 'e2e-vis',
    });
    const path = '/v1/systems/VIS/records/e2e-quick-start';
    const body = {
      identity: {
        surnames: ['OKONKWO'],
        firstNames: ['CHIDI'],
        dateOfBirth: '1979-11-23',
        nationalities: ['NGA'],
      },
      version: 1,
    };
    expect((await vis.request('PUT', path, body)).status).toBe(201);
    expect((await vis.request('GET', path)).body.identity.surnames).toEqual(['OKONKWO']);
    expect((await vis.request('DELETE', path)).status).toBe(200);
    expect((await vis.request('GET', path)).status).toBe(404);
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS' });
    const entries = await eventually(async () => {
      const log = await dpo.request('GET', '/v1/audit?userId=e2e-vis');
      return log.body.entries.length >= 4 ? log.body.entries : undefined;
    });
    expect(entries.map((entry: { action: string }) => entry.action).reverse()).toEqual([
      'putRecord',
      'getRecord',
      'deleteRecord',
      'getRecord',
    ]);
  });

  it('has seeded demo data whose MID checks have run', async () => {
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS' });
    const checks = await eventually(
      async () => {
        const log = await dpo.request('GET', '/v1/audit?userId=system:mid&limit=50');
        return log.body.entries.length >= 50 ? log.body.entries : undefined;
      },
      120_000,
      'MID checks of the demo data',
    );
    expect(checks.every((entry: { action: string }) => entry.action === 'midCheck')).toBe(true);
  });
});
