import { type EspSource, isOriginSystem } from '../../shared/systems';

/**
 * Art 26 visibility of MID links on a CIR individual file in an ESP reply, combined with the rule
 * that a reply names no system outside the profile:
 * - yellow links are for the verifying authority's work queue, never in an ESP reply;
 * - red links are visible to anyone with CIR access; the linked file is shown only when its
 *   system is in the profile, otherwise the reply says only that a red link exists;
 * - white and green links only when the profile has access to both linked systems.
 * The file's own `originSystem` is likewise withheld when that system is outside the profile.
 */
interface Link {
  colour: string;
  linkedRecord: { system: string; recordId: string };
}

function isLink(value: unknown): value is Link {
  if (typeof value !== 'object' || value === null) return false;
  const { colour, linkedRecord } = value as Record<string, unknown>;
  if (typeof colour !== 'string' || typeof linkedRecord !== 'object' || linkedRecord === null) return false;
  const { system, recordId } = linkedRecord as Record<string, unknown>;
  return typeof system === 'string' && typeof recordId === 'string';
}

function visibleLink(link: Link, originInProfile: boolean, systems: ReadonlySet<string>): object | undefined {
  const linkedInProfile = isOriginSystem(link.linkedRecord.system) && systems.has(link.linkedRecord.system);
  const linkedRecord = { system: link.linkedRecord.system, recordId: link.linkedRecord.recordId };
  switch (link.colour) {
    case 'red':
      return linkedInProfile ? { colour: 'red', linkedRecord } : { colour: 'red' };
    case 'white':
    case 'green':
      return originInProfile && linkedInProfile ? { colour: link.colour, linkedRecord } : undefined;
    default:
      return undefined;
  }
}

/** Rewrites the projected CIR file; `sourceRecord` is the unprojected one (its origin decides visibility). */
export function applyCirVisibility(
  projected: Record<string, unknown>,
  sourceRecord: Readonly<Record<string, unknown>>,
  profileSystems: ReadonlySet<EspSource>,
): Record<string, unknown> {
  const systems = profileSystems as ReadonlySet<string>;
  const origin = sourceRecord.originSystem;
  const originInProfile = typeof origin === 'string' && isOriginSystem(origin) && systems.has(origin);
  const { originSystem, links, ...rest } = projected;
  const visible: Record<string, unknown> = { ...rest };
  if (originSystem !== undefined && originInProfile) visible.originSystem = origin;
  if (links !== undefined) {
    visible.links = (Array.isArray(links) ? links : [])
      .filter(isLink)
      .map((link) => visibleLink(link, originInProfile, systems))
      .filter((link) => link !== undefined);
  }
  return visible;
}
