import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { platformContext } from '../../support/platform-context';

const context = platformContext();
const { port } = new URL(context.url);

/** A request with the Host and Origin a browser would send from a page at that origin (fetch cannot set Host). */
function signIn(host: string, origin?: string, method = 'POST', path = '/local/demo-users/dpo-claire/token') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host, ...(origin ? { origin } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('local demo sign-in', () => {
  it.each([
    ['a rebound name', `attacker.example:${port}`, `http://attacker.example:${port}`],
    [
      'a name that starts like localhost',
      `localhost.attacker.example:${port}`,
      `http://localhost.attacker.example:${port}`,
    ],
    ['a name that resolves to 127.0.0.1', `127.0.0.1.nip.io:${port}`, `http://127.0.0.1.nip.io:${port}`],
    ['userinfo in the Host', `localhost:${port}@attacker.example`, `http://attacker.example`],
    ['a local Host but no Origin', `localhost:${port}`, undefined],
    ['a local Host and another Origin', `localhost:${port}`, 'http://attacker.example'],
    ['a local Host and the Origin of another local port', `localhost:${port}`, `http://localhost:1`],
  ])('refuses a token for %s', async (_, host, origin) => {
    const reply = await signIn(host, origin);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toMatch(/"token"/);
  });

  it('refuses to list the demo users to a rebound name', async () => {
    expect((await signIn(`attacker.example:${port}`, undefined, 'GET', '/local/demo-users')).status).toBe(
      403,
    );
  });

  it.each([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])(
    'hands a token to a page of its own origin at %s',
    async (host) => {
      const reply = await signIn(host, `http://${host}`);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body).token).toEqual(expect.any(String));
      expect((await signIn(host, undefined, 'GET', '/local/demo-users')).status).toBe(200);
    },
  );
});
