import type { LinkChangeSet } from './link-change-set';
import { isGrouping, type Link, otherRecord, recordKey } from './links';
import type { LinkColour, RecordRef } from './types';

export interface FileGroup {
  /** Record keys (links.ts `recordKey`), sorted. */
  files: string[];
  links: Link[];
}

/** Connected components (union-find) of the files joined by the given links; every link is used. */
export function connectedGroups(links: readonly Link[]): FileGroup[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => {
    for (const key of [a, b]) if (!parent.has(key)) parent.set(key, key);
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  for (const link of links) union(recordKey(link.records[0]), recordKey(link.records[1]));

  const groups = new Map<string, FileGroup>();
  for (const key of [...parent.keys()].sort()) {
    const root = find(key);
    const group = groups.get(root) ?? { files: [], links: [] };
    group.files.push(key);
    groups.set(root, group);
  }
  for (const link of links) groups.get(find(recordKey(link.records[0])))?.links.push(link);
  return [...groups.values()];
}

/** SIN groups: components of the white and red links (Art 34). */
export function sinGroups(links: readonly Link[]): FileGroup[] {
  return connectedGroups(links.filter((link) => isGrouping(link.colour)));
}

/**
 * Every link of the given colours reachable from the start files through links of those colours
 * (read through a change set, pending changes count). Groups are small, so this stays a handful of
 * key lookups per file; `maxFiles` bounds the files whose links are read (a search's cost).
 */
export async function reachableLinks(
  links: Pick<LinkChangeSet, 'listByRecord'>,
  start: readonly RecordRef[],
  colours: ReadonlySet<LinkColour>,
  maxFiles = Number.POSITIVE_INFINITY,
): Promise<Link[]> {
  const seenFiles = new Set<string>();
  const found = new Map<string, Link>();
  const queue = [...start];
  for (let ref = queue.shift(); ref !== undefined && seenFiles.size < maxFiles; ref = queue.shift()) {
    if (seenFiles.has(recordKey(ref))) continue;
    seenFiles.add(recordKey(ref));
    for (const link of await links.listByRecord(ref)) {
      if (!colours.has(link.colour) || found.has(link.linkId)) continue;
      found.set(link.linkId, link);
      queue.push(otherRecord(link, ref));
    }
  }
  return [...found.values()];
}
