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

function publicView(user: DemoUser) {
  const { userId, label, roles, authority, memberState, profile } = user;
  return { userId, label, roles, authority, memberState, ...(profile ? { profile } : {}) };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
