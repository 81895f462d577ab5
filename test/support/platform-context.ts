import { inject } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles';
import { localTokenIssuer, type TokenRequest } from '../../local/auth/tokens';

/** What the global setup of the integration and e2e layers hands to the tests. */
export interface PlatformContext {
  url: string;
  keyDir: string;
  env: Record<string, string>;
  /** What a user's shell has next to `npm start` (PORT, DYNAMODB_PORT, LOCAL_DATA_DIR): e2e only. */
  shell?: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformContext;
  }
}

/** The running platform, with the same environment its handlers see (for direct SDK checks). */
export function platformContext(): PlatformContext {
  const context = inject('platform');
  Object.assign(process.env, context.env);
  return context;
}

export interface Caller {
  token: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiReply>;
}

export interface ApiReply {
  status: number;
  body: any;
}

/** An API caller with a token for the given role, authority and claims. */
export async function caller(
  context: PlatformContext,
  roles: Role[],
  claims: Partial<Omit<TokenRequest, 'roles'>> = {},
): Promise<Caller> {
  const issuer = await localTokenIssuer(context.keyDir);
  const token = await issuer.sign({
    userId: claims.userId ?? `${roles[0]}-test`,
    authority: claims.authority ?? 'TEST-AUTHORITY',
    memberState: claims.memberState ?? 'DE',
    roles,
    profile: claims.profile,
    system: claims.system,
  });
  return {
    token,
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${context.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed };
    },
  };
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
