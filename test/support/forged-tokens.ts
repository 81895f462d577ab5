import { type CryptoKey, generateKeyPair, importJWK, SignJWT } from 'jose';
import { CLAIM } from '../../functions/shared/auth/claims';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  loadOrCreateKeys,
  type TokenRequest,
  tokenClaims,
} from '../../local/auth/tokens';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Bearer tokens that carry the claims of `request` but must all be refused (401): unsigned
 * (`alg: none`), expired, not yet valid, signed by another key, for another issuer or audience,
 * HS256 instead of ES256, with a payload altered after signing, and plain malformed strings.
 */
export async function forgedTokens(keyDir: string, request: TokenRequest): Promise<Record<string, string>> {
  const key = await importJWK((await loadOrCreateKeys(keyDir)).privateJwk, 'ES256');
  const otherKey = (await generateKeyPair('ES256')).privateKey;
  const claims = tokenClaims(request);
  const now = Math.floor(Date.now() / 1000);
  const sign = (
    overrides: { iss?: string; aud?: string; iat?: number; nbf?: number; exp?: number } = {},
    signingKey: CryptoKey | Uint8Array = key as CryptoKey,
    alg = 'ES256',
  ) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg })
      .setSubject(request.userId)
      .setIssuer(overrides.iss ?? LOCAL_ISSUER)
      .setAudience(overrides.aud ?? LOCAL_AUDIENCE)
      .setIssuedAt(overrides.iat ?? now)
      .setExpirationTime(overrides.exp ?? now + 3600);
    if (overrides.nbf) jwt.setNotBefore(overrides.nbf);
    return jwt.sign(signingKey);
  };
  const valid = await sign();
  const [header, , signature] = valid.split('.');
  const payload = {
    ...claims,
    sub: request.userId,
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: now,
    exp: now + 3600,
  };
  return {
    algNone: `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`,
    algNoneSigned: `${encode({ alg: 'none' })}.${encode(payload)}.${signature}`,
    expired: await sign({ iat: now - 7200, exp: now - 3600 }),
    notYetValid: await sign({ nbf: now + 3600 }),
    otherKey: await sign({}, otherKey),
    otherIssuer: await sign({ iss: 'https://cognito-idp.eu-central-1.amazonaws.com/forged' }),
    otherAudience: await sign({ aud: 'another-api' }),
    hs256: await sign({}, new TextEncoder().encode('a shared secret an attacker guessed'), 'HS256'),
    alteredPayload: `${header}.${encode({ ...payload, sub: 'someone-else', [CLAIM.groups]: [...request.roles, 'data-protection-officer'] })}.${signature}`,
    noSignature: `${header}.${encode(payload)}`,
    garbage: 'not-a-token',
    empty: '',
    tooLong: `${header}.${'A'.repeat(12_000)}.${signature}`,
  };
}
