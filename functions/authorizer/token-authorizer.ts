import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';

export interface TokenAuthorizerOptions {
  /** The public keys of the issuer (its JWKS). */
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  /** The longest a token may live (exp - iat). */
  maxLifetimeSeconds: number;
  /** How far the issuer's clock may be ahead of or behind this one. */
  clockSkewSeconds: number;
}

/**
 * An API Gateway TOKEN authorizer for targets without Cognito (LocalStack): it verifies the bearer
 * token's signature against the issuer's JWKS, its issuer, audience, and a bounded lifetime (exp and
 * iat required, exp - iat within the maximum, not issued in the future), and hands the
 * token's claims to the function as the authorizer context, under the same names as Cognito's
 * (API Gateway allows only strings, numbers and booleans there: arrays become comma-separated).
 * Anything else is refused with API Gateway's 401 (`Unauthorized`).
 */
export function tokenAuthorizer(options: TokenAuthorizerOptions) {
  const keys = createLocalJWKSet(options.jwks);
  return async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const token = /^Bearer\s+(\S+)$/i.exec(event.authorizationToken ?? '')?.[1];
    if (!token) throw new Error('Unauthorized');
    const { payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: options.clockSkewSeconds,
      maxTokenAge: options.maxLifetimeSeconds,
    }).catch(() => {
      throw new Error('Unauthorized');
    });
    const { sub, iat, exp } = payload as { sub?: unknown; iat: number; exp: number };
    const boundedLifetime =
      exp - iat <= options.maxLifetimeSeconds && iat <= Date.now() / 1000 + options.clockSkewSeconds;
    if (typeof sub !== 'string' || !sub || !boundedLifetime) throw new Error('Unauthorized');
    return {
      principalId: sub,
      policyDocument: {
        Version: '2012-10-17',
        // Every method of the stage: the decision is the token's, and API Gateway caches it per token.
        Statement: [
          { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: stageMethods(event.methodArn) },
        ],
      },
      context: Object.fromEntries(
        Object.entries(payload).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(',') : typeof value === 'object' ? JSON.stringify(value) : value,
        ]),
      ) as APIGatewayAuthorizerResult['context'],
    };
  };
}

/** `arn:aws:execute-api:region:account:api/stage/GET/path` -> `arn:aws:execute-api:region:account:api/stage/*`. */
const stageMethods = (methodArn: string) => `${methodArn.split('/').slice(0, 2).join('/')}/*`;
