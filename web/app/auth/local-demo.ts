import type { DemoUser, LocalDemoAuth } from './port';
import { type Session, sessionFromToken, storedSession, storeSession } from './session';

/** Local platform only: `GET /local/demo-users` and `POST /local/demo-users/{userId}/token`. */
export function localDemoAuth(apiUrl: string): LocalDemoAuth {
  return {
    kind: 'local-demo',
    async restore() {
      return storedSession();
    },
    async listUsers() {
      const response = await fetch(`${apiUrl}/local/demo-users`);
      if (!response.ok) throw new Error(`demo users: HTTP ${response.status}`);
      return ((await response.json()) as { users: DemoUser[] }).users;
    },
    async signIn(userId) {
      const response = await fetch(`${apiUrl}/local/demo-users/${encodeURIComponent(userId)}/token`, {
        method: 'POST',
      });
      if (!response.ok) throw new Error(`sign-in: HTTP ${response.status}`);
      const { token, user } = (await response.json()) as { token: string; user: DemoUser };
      const session: Session | undefined = sessionFromToken(token, user.label);
      if (!session) throw new Error('sign-in: the token carries no usable identity');
      storeSession(session);
      return session;
    },
    signOut() {
      storeSession(undefined);
    },
  };
}
