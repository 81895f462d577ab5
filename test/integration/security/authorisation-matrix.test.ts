import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../../functions/routes';
import { ROLES, type Role } from '../../../functions/shared/auth/roles';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const tag = Date.now().toString(36);
const OWN = 'EES';
const OTHER = 'VIS';
/** The ESP profile a token of each searching role carries (local/demo-users.ts). */
const PROFILE: Partial<Record<Role, string>> = {
  'border-guard': 'border-guard',
  'visa-authority': 'visa-authority',
  'immigration-authority': 'immigration-asylum',
  police: 'police-identity-check',
  'etias-unit': 'etias-national-unit',
  sirene: 'sirene-bureau',
  'designated-authority': 'designated-authority',
};

/**
 * The expected outcome of one cell, computed from the route table alone. A public route answers
 * every role and no token alike (`public`: the same status in every cell of the route).
 */
function expectation(
  route: RouteDefinition,
  role: Role | undefined,
  system: string,
): 401 | 403 | 'admitted' | 'public' {
  if (route.public) return 'public';
  if (!role) return 401;
  if (!route.roles.includes(role)) return 403;
  if (route.ownSystemOnly && system !== OWN) return 403;
  return 'admitted';
}

function concretePath(route: RouteDefinition, system: string): string {
  return route.path
    .replace('{system}', system)
    .replace('{recordId}', `matrix-${tag}`)
    .replace('{linkId}', `lnk-${'0'.repeat(32)}`)
    .replace(/\{(consultationId|requestId)\}/g, '00000000-0000-4000-8000-000000000000')
    .replace('{reference}', 'DSR-0000000000000000')
    .replace('{notificationId}', `ntf-${'0'.repeat(32)}`)
    .replace(/\{(\w+)\}/g, 'matrix-$1');
}

const cells = ROUTES.flatMap((route) =>
  [undefined, ...ROLES].flatMap((role) =>
    (route.ownSystemOnly ? [OWN, OTHER] : [OWN]).map((system) => ({ route, role, system })),
  ),
);

describe('authorisation matrix (every route x every role x own/other origin system)', () => {
  // Over 500 requests, 16 at a time: beyond the default timeout on a loaded machine.
  it(`answers each of ${cells.length} cells as route.roles and ownSystemOnly say, and logs each authenticated request exactly once`, async () => {
    const issuer = await localTokenIssuer(context.keyDir);
    const tokens = new Map<Role, string>();
    for (const role of ROLES) {
      tokens.set(
        role,
        await issuer.sign({
          userId: `matrix-${tag}-${role}`,
          authority: role === 'link-verifier' ? 'EES:DE' : `MATRIX-${role}`,
          memberState: 'DE',
          roles: [role],
          profile: PROFILE[role],
          system: OWN,
        }),
      );
    }
    const mismatches: string[] = [];
    const requestIds = new Map<string, string>();
    /** Public cells: request id per cell, and the statuses each public route answered. */
    const anonymousIds = new Map<string, string>();
    const publicStatuses = new Map<string, Set<number>>();
    for (let i = 0; i < cells.length; i += 16) {
      await Promise.all(
        cells.slice(i, i + 16).map(async ({ route, role, system }) => {
          // An empty object: admitted callers get a validation error, nothing is written.
          const body = route.request.body ? '{}' : undefined;
          const response = await fetch(`${context.url}${concretePath(route, system)}`, {
            method: route.method,
            headers: {
              ...(role ? { authorization: `Bearer ${tokens.get(role)}` } : {}),
              ...(body ? { 'content-type': 'application/json' } : {}),
            },
            body,
          });
          await response.text();
          const expected = expectation(route, role, system);
          const cell = `${route.operationId} ${role ?? 'no token'} ${system}`;
          const ok =
            expected === 'admitted' || expected === 'public'
              ? ![401, 403].includes(response.status) && response.status < 500
              : response.status === expected;
          if (!ok) mismatches.push(`${cell}: expected ${expected}, got ${response.status}`);
          const requestId = response.headers.get('x-request-id') ?? `missing:${cell}`;
          if (expected === 'public') {
            anonymousIds.set(requestId, cell);
            const statuses = publicStatuses.get(route.operationId) ?? new Set<number>();
            publicStatuses.set(route.operationId, statuses.add(response.status));
          } else if (role) requestIds.set(requestId, role);
        }),
      );
    }
    expect(mismatches).toEqual([]);
    // A public route: one answer whatever the token (here a 400: the empty body or the path).
    for (const [operationId, statuses] of publicStatuses) expect([...statuses], operationId).toHaveLength(1);

    // Every authenticated request left exactly one audit entry with its request id.
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      userId: `matrix-dpo-${tag}`,
    });
    const counts = new Map<string, number>();
    // Public requests are logged under the anonymous caller, never under the token they carried.
    for (const userId of [...ROLES.map((role) => `matrix-${tag}-${role}`), 'anonymous']) {
      let cursor: string | undefined;
      do {
        const page = await dpo.request(
          'GET',
          `/v1/audit?userId=${userId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        for (const entry of page.body.entries) {
          // Anonymous entries of other test files' public requests are not the matrix's.
          if (userId === 'anonymous' && !anonymousIds.has(entry.requestId)) continue;
          counts.set(entry.requestId, (counts.get(entry.requestId) ?? 0) + 1);
        }
        cursor = page.body.cursor;
      } while (cursor);
    }
    const logged = [...requestIds.keys(), ...anonymousIds.keys()];
    expect(logged.filter((id) => id.startsWith('missing:'))).toEqual([]);
    const wrong = logged.filter((id) => counts.get(id) !== 1).map((id) => `${id}: ${counts.get(id) ?? 0}`);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(logged.length);
  }, 300_000);

  it('derives every row from the route table: each route admits at least one role and refuses another', () => {
    for (const route of ROUTES.filter((candidate) => !candidate.public)) {
      const admitted = ROLES.filter((role) => expectation(route, role, OWN) === 'admitted');
      expect(admitted.length, route.operationId).toBeGreaterThan(0);
      expect(admitted.length, route.operationId).toBeLessThan(ROLES.length);
    }
  });
});
