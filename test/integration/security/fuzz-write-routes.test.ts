import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../../functions/routes';
import { TABLES } from '../../../lib/resources';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { midQueueDrained, tableDigest } from '../../support/table-snapshot';

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

function concretePath(route: RouteDefinition): string {
  return route.path
    .replace('{system}', 'EES')
    .replace('{recordId}', 'fuzz-target')
    .replace('{linkId}', `lnk-${'0'.repeat(32)}`)
    .replace(/\{(\w+)\}/g, 'fuzz-$1');
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

async function dataDigests() {
  await eventually(
    async () => ((await midQueueDrained(context)) ? true : undefined),
    60_000,
    'an empty MID queue',
  );
  // The access log and the statistics counters record every request, refused ones included; the
  // data tables must not change.
  const tables = TABLES.filter((table) => table.name !== 'Audit' && table.name !== 'Statistics');
  return Promise.all(tables.map((table) => tableDigest(context, table.envVar)));
}

describe('fuzzing the write routes with malformed bodies', () => {
  it.each(writeRoutes.map((route) => [route.operationId, route] as const))(
    '%s: 1,000 malformed bodies get a 4xx and change no data table',
    async (_name, route) => {
      const client = await caller(context, [...route.roles], {
        system: 'EES',
        authority: 'EES:DE',
        profile: 'border-guard',
        userId: `fuzz-${route.operationId}`,
      });
      const before = await dataDigests();
      const bodies = fc.sample(malformedBody, { numRuns: RUNS, seed: SEED });
      const replies = await inBatches(bodies, CONCURRENCY, async (body) => ({
        body,
        status: (await client.request(route.method, concretePath(route), body)).status,
      }));
      const unexpected = replies.filter((reply) => reply.status < 400 || reply.status >= 500);
      expect(unexpected.map((reply) => `${reply.status} for ${reply.body.slice(0, 120)}`)).toEqual([]);
      expect(replies).toHaveLength(RUNS);
      expect(await dataDigests()).toEqual(before);
    },
    300_000,
  );
});
