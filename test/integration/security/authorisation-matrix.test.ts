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

/** The expected outcome of one cell, computed from the route table alone. */
function expectation(route: RouteDefinition, role: Role | undefined, system: string): 401 | 403 | 'admitted' {
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
    .replace(/\{(\w+)\}/g, 'matrix-$1');
}

const cells = ROUTES.flatMap((route) =>
  [undefined, ...ROLES].flatMap((role) =>
    (route.ownSystemOnly ? [OWN, OTHER] : [OWN]).map((system) => ({ route, role, system })),
  ),
);

describe('authorisation matrix (every route x every role x own/other origin system)', () => {
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
            expected === 'admitted'
              ? ![401, 403].includes(response.status) && response.status < 500
              : response.status === expected;
          if (!ok) mismatches.push(`${cell}: expected ${expected}, got ${response.status}`);
          if (role) requestIds.set(response.headers.get('x-request-id') ?? `missing:${cell}`, role);
        }),
      );
    }
    expect(mismatches).toEqual([]);

    // Every authenticated request left exactly one audit entry with its request id.
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      userId: `matrix-dpo-${tag}`,
    });
    const counts = new Map<string, number>();
    for (const role of ROLES) {
      let cursor: string | undefined;
      do {
        const page = await dpo.request(
          'GET',
          `/v1/audit?userId=matrix-${tag}-${role}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        for (const entry of page.body.entries)
          counts.set(entry.requestId, (counts.get(entry.requestId) ?? 0) + 1);
        cursor = page.body.cursor;
      } while (cursor);
    }
    expect([...requestIds.keys()].filter((id) => id.startsWith('missing:'))).toEqual([]);
    const wrong = [...requestIds.keys()]
      .filter((id) => counts.get(id) !== 1)
      .map((id) => `${id}: ${counts.get(id) ?? 0}`);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(requestIds.size);
  });

  it('derives every row from the route table: each route admits at least one role and refuses another', () => {
    for (const route of ROUTES) {
      const admitted = ROLES.filter((role) => expectation(route, role, OWN) === 'admitted');
      expect(admitted.length, route.operationId).toBeGreaterThan(0);
      expect(admitted.length, route.operationId).toBeLessThan(ROLES.length);
    }
  });
});
