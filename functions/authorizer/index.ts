import * as z from 'zod';
import { tokenAuthorizer } from './token-authorizer';

// Set by the CDK app's LocalStack target (lib/platform-stack.ts); a missing one fails at cold start.
const environment = z
  .object({
    AUTHORIZER_JWKS: z.string().transform((raw) => JSON.parse(raw) as { keys: [] }),
    AUTHORIZER_ISSUER: z.string().min(1),
    AUTHORIZER_AUDIENCE: z.string().min(1),
    AUTHORIZER_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().positive(),
    AUTHORIZER_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0),
  })
  .parse(process.env);

export const handler = tokenAuthorizer({
  jwks: environment.AUTHORIZER_JWKS,
  issuer: environment.AUTHORIZER_ISSUER,
  audience: environment.AUTHORIZER_AUDIENCE,
  maxLifetimeSeconds: environment.AUTHORIZER_MAX_TOKEN_LIFETIME_SECONDS,
  clockSkewSeconds: environment.AUTHORIZER_CLOCK_SKEW_SECONDS,
});
