import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { CLAIM } from '../../functions/shared/auth/claims';
import type { Role } from '../../functions/shared/auth/roles';

export const LOCAL_ISSUER = 'urn:eu-interop:local-platform';
export const LOCAL_AUDIENCE = 'eu-interop-api';
const ALG = 'ES256';
/** The longest a token may live (exp - iat), as Cognito's ID tokens (1 h) stay well within. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far the issuer's clock may be ahead of or behind this one. */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenRequest {
  userId: string;
  roles: Role[];
  authority: string;
  memberState: string;
  profile?: string;
  system?: string;
  ttlSeconds?: number;
}

export interface LocalTokenIssuer {
  sign(request: TokenRequest): Promise<string>;
  /** Returns the claims of a valid token, or undefined: the local stand-in for the Cognito authorizer. */
  verify(token: string): Promise<Record<string, unknown> | undefined>;
}

/**
 * Tokens for the local platform, signed by a key generated once under `.local/keys/` (or kept in
 * memory for tests). The claim names are Cognito's, so handlers read one format everywhere.
 */
export async function localTokenIssuer(keyDir?: string): Promise<LocalTokenIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKeys(keyDir);
  const privateKey = await importJWK(privateJwk, ALG);
  const publicKey = await importJWK(publicJwk, ALG);
  return {
    async sign(request) {
      const ttl = request.ttlSeconds ?? 8 * 3600;
      if (ttl > MAX_TOKEN_LIFETIME_SECONDS)
        throw new Error(`a token lives at most ${MAX_TOKEN_LIFETIME_SECONDS} s`);
      return new SignJWT(tokenClaims(request))
        .setProtectedHeader({ alg: ALG })
        .setSubject(request.userId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALG],
          requiredClaims: ['sub', 'iat', 'exp'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
        });
        return hasBoundedLifetime(payload) ? (payload as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A token must say when it ends, within MAX_TOKEN_LIFETIME_SECONDS of its issue, and must not be
 * issued in the future (beyond the clock skew). jose checks that exp is not past and iat not too old.
 */
function hasBoundedLifetime(payload: JWTPayload): boolean {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  const now = Date.now() / 1000;
  return exp - iat <= MAX_TOKEN_LIFETIME_SECONDS && iat <= now + CLOCK_SKEW_SECONDS;
}

/** The claims of a token for `request`, under Cognito's names (besides sub, iss, aud and times). */
export function tokenClaims(request: TokenRequest): JWTPayload {
  return {
    [CLAIM.groups]: request.roles,
    [CLAIM.authority]: request.authority,
    [CLAIM.memberState]: request.memberState,
    ...(request.profile ? { [CLAIM.profile]: request.profile } : {}),
    ...(request.system ? { [CLAIM.system]: request.system } : {}),
    token_use: 'id',
  };
}

/** The signing key pair kept under `keyDir` (generated, and saved there, on the first call). */
export async function loadOrCreateKeys(keyDir?: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = keyDir ? join(keyDir, 'token-signing-key.json') : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const keys = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  if (file && keyDir) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}
