import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../functions/shared/auth/roles';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateKeys, tokenClaims } from '../../../local/auth/tokens';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const HOUR = 3600;

/** A token signed with the platform's own key, with the times given (undefined: the claim is left out). */
async function signedToken(times: { iat?: number; exp?: number }) {
  const key = await importJWK((await loadOrCreateKeys(context.keyDir)).privateJwk, 'ES256');
  const jwt = new SignJWT(
    tokenClaims({
      userId: 'dpo-times',
      roles: ['data-protection-officer'],
      authority: 'EDPS',
      memberState: 'EU',
    }),
  )
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('dpo-times')
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(key);
}

async function statusWith(token: string) {
  const response = await fetch(`${context.url}/v1/audit?limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('token lifetime', () => {
  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['no exp', { iat: now }],
    ['no iat', { exp: now + HOUR }],
    ['valid for 20 years', { iat: now, exp: now + 20 * 365 * 24 * HOUR }],
    ['valid for 13 hours', { iat: now, exp: now + 13 * HOUR }],
    ['issued 13 hours ago, still valid', { iat: now - 13 * HOUR, exp: now + HOUR }],
    ['issued an hour in the future', { iat: now + HOUR, exp: now + 2 * HOUR }],
    ['expired two minutes ago (beyond the skew)', { iat: now - HOUR, exp: now - 120 }],
  ])('a validly signed token with %s gets 401', async (_, times) => {
    expect(await statusWith(await signedToken(times))).toBe(401);
  });

  it.each([
    ['12 hours', { iat: now, exp: now + 12 * HOUR }],
    ['its issue 30 s ahead of this clock (within the skew)', { iat: now + 30, exp: now + HOUR }],
  ])('a token valid for %s is accepted', async (_, times) => {
    expect(await statusWith(await signedToken(times))).toBe(200);
  });
});

describe('a role admits only its own ESP profiles', () => {
  const search = {
    query: { identity: { surnames: ['DOE'], dateOfBirth: '1970-01-20' } },
    purpose: 'first-line-check',
  };
  it.each([
    ['designated-authority', 'visa-authority'],
    ['designated-authority', 'border-guard'],
    ['border-guard', 'sirene-bureau'],
    ['police', 'immigration-asylum'],
    ['sirene', 'etias-national-unit'],
  ] as [Role, string][])('a %s token with the %s profile gets 403 on the ESP', async (role, profile) => {
    const user = await caller(context, [role], { userId: `${role}-with-${profile}`, profile });
    for (const reply of [
      await user.request('POST', '/v1/esp/search', search),
      await user.request('GET', '/v1/esp/profile'),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toBe("the token's ESP profile is not one its roles admit");
    }
  });

  it("a token without a profile claim gets its role's profile", async () => {
    const guard = await caller(context, ['border-guard'], { userId: 'bg-derived' });
    const profile = await guard.request('GET', '/v1/esp/profile');
    expect(profile.status).toBe(200);
    expect(profile.body.id).toBe('border-guard');
    const designated = await caller(context, ['designated-authority'], { userId: 'da-derived' });
    expect((await designated.request('GET', '/v1/esp/profile')).body.id).toBe('designated-authority');
  });
});
