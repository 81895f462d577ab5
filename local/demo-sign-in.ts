import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExtraRoutes } from './api-server';
import type { LocalTokenIssuer } from './auth/tokens';
import { DEMO_USERS, type DemoUser } from './demo-users';

const TOKEN_PATH = /^\/local\/demo-users\/([A-Za-z0-9._-]{1,64})\/token$/;

/**
 * Local sign-in for the web app: lists the demo users and signs a token for one of them. These
 * routes exist only in the embedded local platform (bound to 127.0.0.1), never in the route table
 * or in AWS, where the web app signs in through the Cognito hosted UI instead.
 */
export function demoSignInRoutes(
  tokens: LocalTokenIssuer,
  users: readonly DemoUser[] = DEMO_USERS,
): ExtraRoutes {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/local/')) return false;
    const refusal = crossSiteRefusal(request);
    if (refusal) {
      send(response, 403, { error: { code: 'FORBIDDEN', message: refusal } });
      return true;
    }
    if (request.method === 'GET' && url.pathname === '/local/demo-users') {
      send(response, 200, { users: users.map(publicView) });
      return true;
    }
    const match = TOKEN_PATH.exec(url.pathname);
    if (request.method === 'POST' && match) {
      const user = users.find((candidate) => candidate.userId === match[1]);
      if (!user) {
        send(response, 404, { error: { code: 'NOT_FOUND', message: 'no such demo user' } });
        return true;
      }
      const token = await tokens.sign({
        userId: user.userId,
        roles: user.roles,
        authority: user.authority,
        memberState: user.memberState,
        profile: user.profile,
      });
      send(response, 200, { token, user: publicView(user) });
      return true;
    }
    send(response, 404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    return true;
  };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a request may not use the demo sign-in, or undefined. The server listens on 127.0.0.1 only, but
 * a page of another site can reach it through a name rebound to 127.0.0.1 (DNS rebinding): its
 * requests carry that name as Host. A token is handed out only for a local Host, to a page of the
 * same origin (browsers send Origin with every POST; `npm run token` serves scripts).
 */
function crossSiteRefusal(request: IncomingMessage): string | undefined {
  const host = request.headers.host ?? '';
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return 'the demo sign-in answers only for localhost, 127.0.0.1 or [::1]';
  }
  if (!LOCAL_HOSTS.has(hostname)) return 'the demo sign-in answers only for localhost, 127.0.0.1 or [::1]';
  if (request.method !== 'GET' && request.headers.origin !== `http://${host}`) {
    return 'the demo sign-in hands out tokens only to a page of its own origin';
  }
  return undefined;
}

function publicView(user: DemoUser) {
  const { userId, label, roles, authority, memberState, profile } = user;
  return { userId, label, roles, authority, memberState, ...(profile ? { profile } : {}) };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
