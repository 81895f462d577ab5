import { type ProfileSystems, shippedProfileSystems } from '../../esp/profiles/load-profiles';
import type { Caller } from '../../shared/auth/claims';
import { isOriginSystem, ORIGIN_SYSTEMS, type OriginSystem } from '../../shared/systems';
import { thresholds } from '../service';

/**
 * Whose templates a caller may match against (issue 15): internal callers (the MID, the identity
 * checks) the whole gallery; anyone else the origin systems of their ESP profile, nothing without
 * one (the CIR in a profile is searched through the ESP's CIR source, not this API).
 */
export function sbmsScope(
  caller: Caller,
  profileSystems: ProfileSystems = shippedProfileSystems(),
): OriginSystem[] {
  if (caller.roles.includes('internal-component')) return [...ORIGIN_SYSTEMS];
  if (!caller.profile) return [];
  return profileSystems(caller.profile).filter(isOriginSystem);
}

/** The systems a request may search: those it names (all when none), within the caller's scope. */
export function searchableSystems(
  scope: readonly OriginSystem[],
  requested?: readonly OriginSystem[],
): OriginSystem[] {
  return requested ? requested.filter((system) => scope.includes(system)) : [...scope];
}

/**
 * The identification threshold a request gets: a caller may ask for a stricter one, never a looser
 * one than the calibrated identification threshold (a low threshold would list the gallery), except
 * the internal components.
 */
export function identificationThreshold(caller: Caller, requested?: number): number {
  if (caller.roles.includes('internal-component')) return requested ?? thresholds.identify;
  return Math.max(requested ?? thresholds.identify, thresholds.identify);
}
