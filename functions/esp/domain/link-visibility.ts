import { type EspSource, isOriginSystem } from '../../shared/systems';
import { projectFields } from './projection';

/**
 * Art 26 visibility of MID links on a CIR individual file in an ESP reply, combined with the rule
 * that a reply names no system outside the profile:
 * - yellow links are for the verifying authority's work queue, never in an ESP reply;
 * - red links are visible to anyone with CIR access, as the link and the system holding the linked
 *   data, nothing else (26(2), 34): the one place a reply may name a system outside the profile;
 * - white links only when the profile has access to both linked systems (26(3));
 * - green links likewise, and only when this same query matched both files (26(4));
 * - the files joined to the hit by white links the profile may see are the same person: they come
 *   back as `whiteGroup`, each projected onto the profile's CIR fields.
 * The file's own `originSystem` is withheld when that system is outside the profile.
 */
interface RecordRefLike {
  system: string;
  recordId: string;
}

interface Link {
  linkId?: string;
  colour: string;
  linkedRecord: RecordRefLike;
}

/** What the CIR source sends: the files joined to the hit by white links, and those links. */
interface WhiteGroup {
  files: Record<string, unknown>[];
  links: { records: [RecordRefLike, RecordRefLike] }[];
}

const LINK_ID = /^lnk-[0-9a-f]{32}$/;
const refKey = (ref: RecordRefLike) => `${ref.system}/${ref.recordId}`;

function isRef(value: unknown): value is RecordRefLike {
  if (typeof value !== 'object' || value === null) return false;
  const { system, recordId } = value as Record<string, unknown>;
  return typeof system === 'string' && typeof recordId === 'string';
}

function isLink(value: unknown): value is Link {
  if (typeof value !== 'object' || value === null) return false;
  const { colour, linkedRecord } = value as Record<string, unknown>;
  return typeof colour === 'string' && isRef(linkedRecord);
}

export interface CirVisibilityContext {
  profileSystems: ReadonlySet<EspSource>;
  /** The CIR's return fields of the profile (group files are projected onto them). */
  fields: readonly string[];
  /** `system/recordId` of every CIR file this query matched (26(4): green links). */
  matched: ReadonlySet<string>;
}

function visibleLink(
  link: Link,
  origin: RecordRefLike | undefined,
  systems: ReadonlySet<string>,
  matched: ReadonlySet<string>,
): object | undefined {
  const inProfile = (system: string) => isOriginSystem(system) && systems.has(system);
  const linkedRecord = { system: link.linkedRecord.system, recordId: link.linkedRecord.recordId };
  const linkId = typeof link.linkId === 'string' && LINK_ID.test(link.linkId) ? { linkId: link.linkId } : {};
  const bothInProfile = origin !== undefined && inProfile(origin.system) && inProfile(linkedRecord.system);
  switch (link.colour) {
    case 'red':
      return isOriginSystem(linkedRecord.system)
        ? { ...linkId, colour: 'red', linkedSystem: linkedRecord.system }
        : undefined;
    case 'white':
      return bothInProfile ? { ...linkId, colour: 'white', linkedRecord } : undefined;
    case 'green':
      return bothInProfile && matched.has(refKey(linkedRecord))
        ? { ...linkId, colour: 'green', linkedRecord }
        : undefined;
    default:
      return undefined;
  }
}

function isWhiteGroup(value: unknown): value is WhiteGroup {
  if (typeof value !== 'object' || value === null) return false;
  const { files, links } = value as Record<string, unknown>;
  return Array.isArray(files) && Array.isArray(links);
}

/**
 * The files reachable from the hit over white links whose both files are of systems in the profile
 * (the links the user may see), projected onto the profile's fields; the hit itself excluded.
 */
function visibleGroup(
  group: unknown,
  origin: RecordRefLike | undefined,
  context: CirVisibilityContext,
): Record<string, unknown>[] {
  if (!origin || !isWhiteGroup(group)) return [];
  const systems = context.profileSystems as ReadonlySet<string>;
  const seeable = (ref: RecordRefLike) => isOriginSystem(ref.system) && systems.has(ref.system);
  const edges = group.links
    .map((link) => (typeof link === 'object' && link !== null ? link.records : undefined))
    .filter(
      (records): records is [RecordRefLike, RecordRefLike] => Array.isArray(records) && records.length === 2,
    )
    .filter((records) => records.every(isRef) && records.every(seeable));
  const reached = new Set([refKey(origin)]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [a, b] of edges) {
      const [from, to] = reached.has(refKey(a)) ? [a, b] : [b, a];
      if (reached.has(refKey(from)) && !reached.has(refKey(to))) {
        reached.add(refKey(to));
        grown = true;
      }
    }
  }
  reached.delete(refKey(origin));
  const fields = context.fields.filter((field) => field !== 'links' && field !== 'whiteGroup');
  return group.files
    .filter((file): file is Record<string, unknown> => typeof file === 'object' && file !== null)
    .filter((file) => reached.has(`${String(file.originSystem)}/${String(file.recordId)}`))
    .map((file) => projectFields(file, fields));
}

/** Rewrites the projected CIR file; `sourceRecord` is the unprojected one (its origin decides visibility). */
export function applyCirVisibility(
  projected: Record<string, unknown>,
  sourceRecord: Readonly<Record<string, unknown>>,
  context: CirVisibilityContext,
): Record<string, unknown> {
  const systems = context.profileSystems as ReadonlySet<string>;
  const { originSystem: origin, recordId } = sourceRecord;
  const originRef =
    typeof origin === 'string' && isOriginSystem(origin) && typeof recordId === 'string'
      ? { system: origin, recordId }
      : undefined;
  const originInProfile = originRef !== undefined && systems.has(originRef.system);
  const { originSystem, links, whiteGroup, ...rest } = projected;
  const visible: Record<string, unknown> = { ...rest };
  if (originSystem !== undefined && originInProfile) visible.originSystem = origin;
  if (links !== undefined) {
    visible.links = (Array.isArray(links) ? links : [])
      .filter(isLink)
      .map((link) => visibleLink(link, originRef, systems, context.matched))
      .filter((link) => link !== undefined);
  }
  if (whiteGroup !== undefined) visible.whiteGroup = visibleGroup(whiteGroup, originRef, context);
  return visible;
}

/** `system/recordId` of the CIR files among a source's hits (what the query matched). */
export function matchedCirFiles(records: readonly unknown[]): Set<string> {
  const keys = new Set<string>();
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue;
    const { originSystem, recordId } = record as Record<string, unknown>;
    if (typeof originSystem === 'string' && typeof recordId === 'string')
      keys.add(`${originSystem}/${recordId}`);
  }
  return keys;
}
