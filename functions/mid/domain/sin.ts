import { createHash } from 'node:crypto';
import { type FileGroup, reachableLinks, sinGroups } from './groups';
import type { LinkChangeSet } from './link-change-set';
import type { Link } from './links';
import type { RecordRef } from './types';

const GROUPING_COLOURS = new Set(['white', 'red'] as const);

/**
 * A new single identification number. It starts with the creation time, so comparing two SINs as
 * strings tells which is older; the digest of the group's files keeps SINs minted in the same
 * millisecond apart.
 */
export function mintSin(at: string, files: readonly string[], attempt = 0): string {
  const time = at.replace(/[-:.]/g, '');
  const digest = createHash('sha256')
    .update(`${at}|${attempt}|${files.join('|')}`)
    .digest('hex');
  return `SIN-${time}-${digest.slice(0, 12)}`;
}

/**
 * The SIN rule (docs/mid-links.md): larger groups choose first (ties: the group holding the
 * smallest record key); each takes the oldest SIN found on its links that no earlier group took,
 * else a new one. So a merge keeps the oldest SIN and, after a split, the largest remaining part
 * keeps the group's SIN.
 */
export function assignSins(groups: readonly FileGroup[], at: string): Map<string, string> {
  const known = new Set(
    groups.flatMap((group) => group.links.flatMap((link) => (link.sin ? [link.sin] : []))),
  );
  const taken = new Set<string>();
  const sinByLink = new Map<string, string>();
  const ordered = [...groups].sort(
    (a, b) => b.files.length - a.files.length || ((a.files[0] ?? '') < (b.files[0] ?? '') ? -1 : 1),
  );
  for (const group of ordered) {
    const inherited = [...new Set(group.links.flatMap((link) => (link.sin ? [link.sin] : [])))]
      .filter((sin) => !taken.has(sin))
      .sort();
    const sin = inherited[0] ?? freshSin(at, group.files, known);
    taken.add(sin);
    known.add(sin);
    for (const link of group.links) sinByLink.set(link.linkId, sin);
  }
  return sinByLink;
}

function freshSin(at: string, files: readonly string[], known: ReadonlySet<string>): string {
  let attempt = 0;
  let sin = mintSin(at, files, attempt);
  while (known.has(sin)) sin = mintSin(at, files, ++attempt);
  return sin;
}

/**
 * Re-derives the SINs of the groups around the touched files after the pending changes, staging
 * every link whose SIN changes. A link whose colour changed in this use case records its SIN in
 * that change's history entry; any other link gets a `sin-changed` entry.
 */
export async function settleSins(
  changes: LinkChangeSet,
  touched: readonly RecordRef[],
  at: string,
): Promise<void> {
  const links = await reachableLinks(changes, touched, GROUPING_COLOURS);
  const assigned = assignSins(sinGroups(links), at);
  for (const link of links) {
    const sin = assigned.get(link.linkId);
    if (changes.colourChanged(link)) changes.put(withSinInLastEntry(link, sin));
    else if (sin !== link.sin) changes.put(withNewSin(link, sin, at));
  }
}

function withSinInLastEntry(link: Link, sin: string | undefined): Link {
  const last = link.history.at(-1);
  if (!last) return { ...link, sin };
  return { ...link, sin, history: [...link.history.slice(0, -1), { ...last, sin }] };
}

function withNewSin(link: Link, sin: string | undefined, at: string): Link {
  return {
    ...link,
    sin,
    updatedAt: at,
    history: [
      ...link.history,
      {
        at,
        by: { kind: 'mid' },
        event: 'sin-changed',
        fromColour: link.colour,
        toColour: link.colour,
        responsibleAuthority: link.responsibleAuthority,
        sin,
      },
    ],
  };
}
