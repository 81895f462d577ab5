import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileSystems } from '../../../functions/esp/profiles/load-profiles';
import { identifyHandler } from '../../../functions/sbms/handlers/identify';
import { sbmsScope } from '../../../functions/sbms/handlers/scope';
import { verifyHandler } from '../../../functions/sbms/handlers/verify';
import type { SbmsService } from '../../../functions/sbms/service';
import { thresholds } from '../../../functions/sbms/service';
import type { Caller } from '../../../functions/shared/auth/claims';
import type { Role } from '../../../functions/shared/auth/roles';
import type { ApiRequest } from '../../../functions/shared/http';
import {
  ESP_SOURCES,
  type EspSource,
  ORIGIN_SYSTEMS,
  type OriginSystem,
} from '../../../functions/shared/systems';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';

const generator = createBiometricGenerator(15);
const templates = generator.biometrics(generator.person(1), { session: 0, quality: 90, fingers: [1] });

/**
 * A hostile sBMS: it ignores the options and answers candidates of every origin system (and verifies
 * any record), so that only the handlers' scoping stands between a caller and other systems' records.
 */
function hostileService(
  seen: { systems?: readonly string[]; threshold?: number }[],
): () => Promise<SbmsService> {
  return async () => ({
    async identify(_probe, options) {
      seen.push({ systems: options.systems, threshold: options.threshold });
      return ORIGIN_SYSTEMS.map((system, i) => ({
        system,
        recordId: `r-${system}`,
        score: 50 - i,
        perModality: {},
      }));
    },
    async verify() {
      return { score: 40, decision: 'match', perModality: {}, compared: ['FACE'] } as never;
    },
    async saveSnapshots() {},
  });
}

const request = <B>(caller: Caller, body: B): ApiRequest<B> => ({
  caller,
  body,
  path: {},
  query: {},
  requestId: 'r',
  audit: {},
});

const caller = (roles: Role[], profile?: string): Caller => ({
  userId: 'u',
  authority: 'A',
  memberState: 'DE',
  roles,
  profile,
});

describe('property: sBMS candidates never name a record of a system outside the caller’s profile', () => {
  it('holds for any profile, requested systems and threshold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...ESP_SOURCES]),
        fc.option(fc.subarray([...ORIGIN_SYSTEMS], { minLength: 1 }), { nil: undefined }),
        fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: undefined }),
        async (profileSources: EspSource[], requested, threshold) => {
          const profiles: ProfileSystems = (id) => (id === 'p' ? profileSources : []);
          const seen: { systems?: readonly string[]; threshold?: number }[] = [];
          const who = caller(['border-guard'], 'p');
          const reply = await identifyHandler(
            hostileService(seen),
            profiles,
          )(request(who, { templates, topK: 100, threshold, systems: requested }));
          const allowed = profileSources.filter((s): s is OriginSystem =>
            (ORIGIN_SYSTEMS as readonly string[]).includes(s),
          );
          const body = reply.body as { candidates: { system: string }[]; threshold: number };
          for (const candidate of body.candidates) expect(allowed).toContain(candidate.system);
          expect(body.threshold).toBeGreaterThanOrEqual(thresholds.identify);
          for (const call of seen) {
            for (const system of call.systems ?? ORIGIN_SYSTEMS) expect(allowed).toContain(system);
          }
          // verify: a record outside the profile answers exactly as an unknown one (404)
          for (const system of ORIGIN_SYSTEMS) {
            const verification = verifyHandler(
              hostileService([]),
              profiles,
            )(request(who, { templates, system, recordId: `r-${system}` }));
            if (allowed.includes(system))
              await expect(verification).resolves.toMatchObject({ statusCode: 200 });
            else await expect(verification).rejects.toMatchObject({ httpStatus: 404, code: 'NOT_FOUND' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the full gallery and any threshold for the internal components (the MID, identity checks)', async () => {
    const seen: { systems?: readonly string[]; threshold?: number }[] = [];
    const reply = await identifyHandler(hostileService(seen), () => [])(
      request(caller(['internal-component']), { templates, topK: 10, threshold: -5 }),
    );
    expect((reply.body as { candidates: unknown[] }).candidates).toHaveLength(ORIGIN_SYSTEMS.length);
    expect(seen[0]).toEqual({ systems: [...ORIGIN_SYSTEMS], threshold: -5 });
  });

  it('scopes the shipped profiles: a border guard to SIS, EES, VIS and ETIAS, police (CIR only) to none', () => {
    expect(sbmsScope(caller(['border-guard'], 'border-guard')).sort()).toEqual([
      'EES',
      'ETIAS',
      'SIS',
      'VIS',
    ]);
    expect(sbmsScope(caller(['police'], 'police-identity-check'))).toEqual([]);
    expect(sbmsScope(caller(['police']))).toEqual([]);
  });
});
