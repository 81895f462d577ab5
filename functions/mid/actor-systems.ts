import { type ProfileSystems, shippedProfileSystems } from '../esp/profiles/load-profiles';
import type { Caller } from '../shared/auth/claims';
import { isOriginSystem } from '../shared/systems';
import type { LinkActor } from './domain/visibility';

/** Systems whose links Art 26 can make visible: the CIR and the systems it holds files of. */
const LINK_SYSTEMS = new Set(['CIR', 'SIS', 'EES', 'VIS', 'ETIAS', 'EURODAC', 'ECRIS_TCN']);

/**
 * The systems a caller may access, for Art 26 visibility of links:
 * - the systems of the caller's ESP profile (profiles.json);
 * - a link verifier of an authority `<SYSTEM>:<MS>` accesses that system; `SIRENE:<MS>` the SIS;
 *   `ETIAS:CENTRAL_UNIT` (and any `ETIAS:` unit) ETIAS;
 * - the `sirene` role the SIS, the `etias-unit` role ETIAS;
 * - an origin system's account its own system.
 * Only systems that links can join (and the CIR) are returned.
 */
export function actorSystems(
  caller: Caller,
  profileSystems: ProfileSystems = shippedProfileSystems(),
): string[] {
  const systems = new Set<string>();
  if (caller.profile) for (const system of profileSystems(caller.profile)) systems.add(system);
  if (caller.roles.includes('link-verifier')) {
    const prefix = caller.authority.split(':')[0] ?? '';
    if (prefix === 'SIRENE') systems.add('SIS');
    else if (isOriginSystem(prefix)) systems.add(prefix);
  }
  if (caller.roles.includes('origin-system') && caller.system) systems.add(caller.system);
  if (caller.roles.includes('sirene')) systems.add('SIS');
  if (caller.roles.includes('etias-unit')) systems.add('ETIAS');
  return [...systems].filter((system) => LINK_SYSTEMS.has(system)).sort();
}

/** The caller as the link domain sees it. */
export function linkActor(caller: Caller, profileSystems?: ProfileSystems): LinkActor {
  return {
    userId: caller.userId,
    authority: caller.authority,
    roles: caller.roles,
    systems: actorSystems(caller, profileSystems),
  };
}
