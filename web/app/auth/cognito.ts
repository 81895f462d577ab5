import type { AuthConfig } from '../config';
import type { CognitoAuth } from './port';
import { sessionFromToken, storedSession, storeSession } from './session';

type CognitoConfig = Extract<AuthConfig, { kind: 'cognito' }>;
const VERIFIER_KEY = 'interop.pkce';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Cognito hosted UI, authorization code flow with PKCE (public client, no secret): `/oauth2/authorize`
 * then `/oauth2/token`. The API's Cognito authorizer reads the ID token's groups and custom attributes.
 * Not exercised by the local tests (there is no Cognito here).
 */
export function cognitoAuth(config: CognitoConfig): CognitoAuth {
  const redirectUri = config.redirectUri ?? `${location.origin}/`;
  return {
    kind: 'cognito',
    async signIn() {
      const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
      const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
      const challenge = base64Url(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
      );
      sessionStorage.setItem(VERIFIER_KEY, JSON.stringify({ verifier, state }));
      const url = new URL('/oauth2/authorize', config.domain);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: (config.scopes ?? ['openid', 'email', 'profile']).join(' '),
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }).toString();
      location.assign(url.toString());
    },
    async restore() {
      const params = new URLSearchParams(location.search);
      const code = params.get('code');
      if (!code) return storedSession();
      const pending = JSON.parse(sessionStorage.getItem(VERIFIER_KEY) ?? 'null') as {
        verifier: string;
        state: string;
      } | null;
      sessionStorage.removeItem(VERIFIER_KEY);
      history.replaceState(null, '', location.pathname);
      if (!pending || params.get('state') !== pending.state) throw new Error('sign-in: state mismatch');
      const response = await fetch(new URL('/oauth2/token', config.domain), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: config.clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: pending.verifier,
        }),
      });
      if (!response.ok) throw new Error(`sign-in: token exchange failed (HTTP ${response.status})`);
      const { id_token: idToken } = (await response.json()) as { id_token?: string };
      const session = idToken ? sessionFromToken(idToken) : undefined;
      if (!session) throw new Error('sign-in: no usable ID token');
      storeSession(session);
      return session;
    },
    signOut() {
      storeSession(undefined);
      const url = new URL('/logout', config.domain);
      url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri }).toString();
      location.assign(url.toString());
    },
  };
}
