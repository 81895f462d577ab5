import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/routes';
import { profilesOf } from '../../../functions/shared/auth/roles';
import { concretePath, dataDigests, inBatches } from '../../support/fuzz';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const RUNS = 1000;
const SEED = 20190817;
const CONCURRENCY = 8;
const writeRoutes = ROUTES.filter((route) => route.request.body && route.method !== 'GET');

/** Bodies that can never be valid: not JSON, not an object, or an object of the wrong shape. */
const malformedBody = fc.oneof(
  fc.string({ maxLength: 300 }).filter((text) => !isJsonObject(text)),
  fc
    .jsonValue({ maxDepth: 4 })
    .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
    .map((v) => JSON.stringify(v)),
  fc
    .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
    .map((object) => JSON.stringify({ ...object, unexpectedField: object, version: 'not-a-number' })),
  fc.constantFrom(
    '{',
    '{"identity":',
    '\u0000',
    '[]',
    'null',
    '{"__proto__":{"polluted":true}}',
    '{"a":1}'.repeat(10_000),
  ),
);

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

describe('fuzzing the write routes with malformed bodies', () => {
  it.each(writeRoutes.map((route) => [route.operationId, route] as const))(
    '%s: 1,000 malformed bodies get a 4xx and change no data table',
    async (_name, route) => {
      const client = await caller(context, [...route.roles], {
        system: 'EES',
        authority: 'EES:DE',
        // one the route's roles admit (a profile they do not admit would be refused before the body is read)
        profile: profilesOf(route.roles)[0],
        userId: `fuzz-${route.operationId}`,
      });
      const before = await dataDigests(context);
      const bodies = fc.sample(malformedBody, { numRuns: RUNS, seed: SEED });
      const replies = await inBatches(bodies, CONCURRENCY, async (body) => ({
        body,
        status: (await client.request(route.method, concretePath(route), body)).status,
      }));
      const unexpected = replies.filter((reply) => reply.status < 400 || reply.status >= 500);
      expect(unexpected.map((reply) => `${reply.status} for ${reply.body.slice(0, 120)}`)).toEqual([]);
      expect(replies).toHaveLength(RUNS);
      expect(await dataDigests(context)).toEqual(before);
    },
    300_000,
  );
});
