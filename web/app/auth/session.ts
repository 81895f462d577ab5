import { type Caller, callerFromClaims } from '../../../functions/shared/auth/claims';

/** The signed-in user: the token as the API wants it and who it says the user is. */
export interface Session {
  token: string;
  caller: Caller;
  /** Seconds since the epoch. */
  expiresAt: number;
  label?: string;
}

const STORAGE_KEY = 'interop.session';

function decodePayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Reads the claims the API will read (the API verifies the signature; the app only displays them). */
export function sessionFromToken(token: string, label?: string): Session | undefined {
  const claims = decodePayload(token);
  const caller = callerFromClaims(claims);
  const expiresAt = typeof claims?.exp === 'number' ? claims.exp : 0;
  if (!caller || expiresAt * 1000 <= Date.now()) return undefined;
  return { token, caller, expiresAt, label };
}

export function storeSession(session: Session | undefined): void {
  if (session)
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: session.token, label: session.label }));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export function storedSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const { token, label } = JSON.parse(raw) as { token: string; label?: string };
    return sessionFromToken(token, label);
  } catch {
    return undefined;
  }
}
