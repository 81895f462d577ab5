import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenAuthorizer } from '../../../functions/authorizer/token-authorizer';
import { callerFromClaims } from '../../../functions/shared/auth/claims';
import {
  CLOCK_SKEW_SECONDS,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  localTokenIssuer,
  MAX_TOKEN_LIFETIME_SECONDS,
  tokenClaims,
} from '../../../local/auth/tokens';

const METHOD_ARN = 'arn:aws:execute-api:eu-central-1:123456789012:abc123/dev/GET/v1/audit';
const event = (authorizationToken: string): APIGatewayTokenAuthorizerEvent => ({
  type: 'TOKEN',
  methodArn: METHOD_ARN,
  authorizationToken,
});

let authorize: ReturnType<typeof tokenAuthorizer>;
let issuer: Awaited<ReturnType<typeof localTokenIssuer>>;
type SigningKey = Parameters<SignJWT['sign']>[0];
let issuerKey: SigningKey;
beforeAll(async () => {
  // The key pair `npm run token` keeps under .local/keys/, here in a directory of the test's own.
  const keyDir = mkdtempSync(join(tmpdir(), 'authorizer-keys-'));
  issuer = await localTokenIssuer(keyDir);
  const { publicJwk, privateJwk } = JSON.parse(readFileSync(join(keyDir, 'token-signing-key.json'), 'utf8'));
  issuerKey = await importJWK(privateJwk, 'ES256');
  authorize = tokenAuthorizer({
    jwks: { keys: [publicJwk] },
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: CLOCK_SKEW_SECONDS,
  });
});

const claims = tokenClaims({ userId: 'x', roles: ['police'], authority: 'DE-BKA', memberState: 'DE' });
const now = () => Math.floor(Date.now() / 1000);
const signed = (
  key: SigningKey,
  issuerName: string,
  audience: string,
  expiry: string | number,
  issuedAt: number | null = now(),
) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('x')
    .setIssuer(issuerName)
    .setAudience(audience)
    .setExpirationTime(expiry);
  return (issuedAt === null ? jwt : jwt.setIssuedAt(issuedAt)).sign(key);
};

describe('the LocalStack TOKEN authorizer', () => {
  it("admits a local issuer's token to every method of the stage, its claims as the context", async () => {
    const token = await issuer.sign({
      userId: 'officer-1',
      roles: ['police', 'designated-authority'],
      authority: 'DE-BKA',
      memberState: 'DE',
    });
    const result = await authorize(event(`Bearer ${token}`));
    expect(result.principalId).toBe('officer-1');
    expect(result.policyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: 'arn:aws:execute-api:eu-central-1:123456789012:abc123/dev/*',
      },
    ]);
    // The API's middleware reads this context as it reads a Cognito authorizer's claims.
    expect(callerFromClaims(result.context)).toEqual({
      userId: 'officer-1',
      authority: 'DE-BKA',
      memberState: 'DE',
      roles: ['police', 'designated-authority'],
      profile: undefined,
      system: undefined,
    });
  });

  it('refuses a missing, malformed, foreign, expired, unbounded or wrongly addressed token', async () => {
    const foreignKey = (await generateKeyPair('ES256')).privateKey;
    const refused = {
      missing: '',
      'no token': 'Bearer',
      'another scheme': 'Basic dXNlcjpwYXNz',
      'not a JWT': 'Bearer not-a-jwt',
      'another key': `Bearer ${await signed(foreignKey, LOCAL_ISSUER, LOCAL_AUDIENCE, '1h')}`,
      'another issuer': `Bearer ${await signed(issuerKey, 'urn:someone-else', LOCAL_AUDIENCE, '1h')}`,
      'another audience': `Bearer ${await signed(issuerKey, LOCAL_ISSUER, 'another-api', '1h')}`,
      expired: `Bearer ${await signed(issuerKey, LOCAL_ISSUER, LOCAL_AUDIENCE, now() - 120, now() - 3600)}`,
      'no iat': `Bearer ${await signed(issuerKey, LOCAL_ISSUER, LOCAL_AUDIENCE, '1h', null)}`,
      'lives 13 h': `Bearer ${await signed(issuerKey, LOCAL_ISSUER, LOCAL_AUDIENCE, now() + 13 * 3600)}`,
      'issued in the future': `Bearer ${await signed(issuerKey, LOCAL_ISSUER, LOCAL_AUDIENCE, now() + 7200, now() + 3600)}`,
    };
    for (const [reason, header] of Object.entries(refused)) {
      await expect(authorize(event(header)), reason).rejects.toThrow('Unauthorized');
    }
    // The same key, issuer and audience with a valid expiry pass: each refusal is for its named reason.
    const valid = await authorize(
      event(`Bearer ${await signed(issuerKey, LOCAL_ISSUER, LOCAL_AUDIENCE, '1h')}`),
    );
    expect(valid.principalId).toBe('x');
  });
});
