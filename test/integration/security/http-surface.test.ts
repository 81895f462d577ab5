import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Component } from '../../../functions/routes';
import { loadConfig } from '../../../functions/shared/config';
import { type ApiGatewayHandler, startApiServer } from '../../../local/api-server';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { serveWebApp } from '../../../local/static-files';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();

/**
 * A server of its own over the platform's tables and handlers, with a web root beside a sibling
 * folder whose name starts like the root's, and a small public rate limit.
 */
let server: Awaited<ReturnType<typeof startApiServer>>;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'http-surface-'));
  mkdirSync(join(folder, 'dist', 'portal'), { recursive: true });
  mkdirSync(join(folder, 'dist-probe'));
  writeFileSync(join(folder, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(folder, 'dist', 'portal', 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(folder, 'dist', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder, 'dist', 'app.js.map'), '{"sources":["secret.ts"]}');
  writeFileSync(join(folder, 'dist-probe', 'x'), 'SIBLING SECRET');
  server = await startApiServer({
    port: 0,
    tokens: await localTokenIssuer(context.keyDir),
    loadHandler: (component: Component) =>
      import(`../../../functions/${component}/index.ts`).then(
        (m: { handler: ApiGatewayHandler }) => m.handler,
      ),
    openApi: () => ({}),
    staticFiles: serveWebApp(join(folder, 'dist')),
    publicRateLimit: loadConfig({
      ...process.env,
      PUBLIC_RATE_BURST: '2',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1',
    }),
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as given (fetch would normalise `..` and some escapes away). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<RawReply> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A POST announcing an 11 MB body: the server refuses it on the header, before the body is sent. */
function announcedTooLarge(): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/cir/identity-checks',
      headers: { 'content-type': 'application/json', 'content-length': String(11 * 1024 * 1024) },
    });
    outgoing.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      outgoing.destroy();
    });
    outgoing.on('error', reject);
    outgoing.flushHeaders();
  });
}

/** Everything the process writes to stdout and stderr while `run` runs. */
async function logsOf(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return written.join('');
}

describe('malformed percent-encoding in a path', () => {
  it.each(['/%ZZ', '/portal/%C0%AF', '/v1/systems/EES/records/%E0%A4%A', '/v1/audit%'])(
    '%s is a 400 naming the path, with no stack trace in the log',
    async (path) => {
      let reply: RawReply | undefined;
      const logs = await logsOf(async () => {
        reply = await raw('GET', path);
      });
      expect(reply!.status).toBe(400);
      expect(JSON.parse(reply!.body).error.details.issues).toEqual([
        { field: 'path', message: 'malformed percent-encoding' },
      ]);
      expect(logs).not.toMatch(/URIError| {4}at /);
    },
  );
});

describe('static files', () => {
  it.each(['/..%2fdist-probe/x', '/..%2Fdist-probe%2Fx', '/portal/..%2f..%2fdist-probe/x'])(
    '%s does not read a sibling folder whose name starts like the root',
    async (path) => {
      const reply = await raw('GET', path);
      expect(reply.body).not.toContain('SIBLING SECRET');
      expect(reply.status).toBe(404);
    },
  );

  it('serves no source map', async () => {
    expect((await raw('GET', '/app.js')).status).toBe(200);
    const map = await raw('GET', '/app.js.map');
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret.ts');
  });

  it('answers app routes with the app, and a missing asset with a 404', async () => {
    expect((await raw('GET', '/links/lnk-1')).body).toContain('<title>app</title>');
    expect((await raw('GET', '/portal/status')).body).toContain('<title>portal</title>');
    expect((await raw('GET', '/missing.js')).status).toBe(404);
  });

  it.each(['/v1/nope', '/v1/systems/EES', '/v1'])(
    'an unmatched GET %s is a JSON 404, not the web app',
    async (path) => {
      const reply = await raw('GET', path);
      expect(reply.status).toBe(404);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.body).not.toContain('<title>');
    },
  );
});

describe('API replies carry nosniff and no-store', () => {
  const secure = (reply: { headers: Record<string, unknown> }) => {
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  };

  it('on the public request-status reply, a handler reply, and the server’s own refusals', async () => {
    const status = await raw('GET', '/v1/data-subject-requests/DSR-0000000000000000', {
      'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA',
    });
    expect(status.status).toBe(404);
    secure(status);
    const dpo = await caller({ ...context, url: server.url }, ['data-protection-officer'], {
      authority: 'EDPS',
    });
    const listed = await raw('GET', '/v1/audit?limit=1', { authorization: `Bearer ${dpo.token}` });
    expect(listed.status).toBe(200);
    secure(listed);
    for (const reply of [
      await raw('GET', '/v1/audit'),
      await raw('GET', '/v1/nope'),
      await raw('GET', '/%ZZ'),
    ]) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      secure(reply);
    }
  });
});

describe('refused requests', () => {
  it('401, 413, 429 and 431 each leave one line in the structured log with status, address and request id', async () => {
    const statuses: number[] = [];
    const logs = await logsOf(async () => {
      statuses.push((await raw('GET', '/v1/audit')).status);
      statuses.push(await announcedTooLarge());
      // the burst is 2: the public route is refused by the third request at the latest
      let status = 0;
      for (let i = 0; i < 3 && status !== 429; i++) {
        status = (
          await raw('GET', '/v1/data-subject-requests/DSR-0000000000000000', {
            'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA',
          })
        ).status;
      }
      statuses.push(status);
      statuses.push((await raw('GET', '/v1/audit', { 'x-big': 'x'.repeat(20_000) })).status);
    });
    expect(statuses).toEqual([401, 413, 429, 431]);
    const refusals = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'request refused');
    expect(refusals.map((line) => line.status)).toEqual([401, 413, 429, 431]);
    for (const line of refusals) {
      expect(line.requestId).toEqual(expect.any(String));
      expect(line.sourceIp).toMatch(/127\.0\.0\.1/);
    }
  });
});
