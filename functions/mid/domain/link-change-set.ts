import type { LinkRepository, LinkWrite } from './link-repository';
import { type Link, recordKey, sameRecord } from './links';
import type { RecordRef } from './types';

export interface ChangeSummary {
  created: string[];
  updated: string[];
  removed: string[];
}

/**
 * The links one use case reads and changes, written in one atomic batch at the end: every link
 * is stored at most once per use case (one version step), and reads see the pending changes.
 */
export class LinkChangeSet {
  /** Links as stored when first read (undefined: not stored). */
  private readonly original = new Map<string, Link | undefined>();
  /** Pending state (null: to be deleted). */
  private readonly pending = new Map<string, Link | null>();
  /** Files whose links `listByRecord` has read, all of them: a link of theirs not read then is not stored. */
  private readonly listed = new Set<string>();

  constructor(private readonly repository: LinkRepository) {}

  async get(linkId: string): Promise<Link | undefined> {
    if (!this.original.has(linkId)) this.original.set(linkId, await this.repository.get(linkId));
    return this.current(linkId);
  }

  /**
   * The link between two files, read only when neither file's links were listed. Not reading it again
   * is safe: a link stored since the listing makes the commit fail on its expected version.
   */
  async between(a: RecordRef, b: RecordRef): Promise<Link | undefined> {
    const linkId = this.repository.idFor(a, b);
    if (!this.original.has(linkId) && (this.listed.has(recordKey(a)) || this.listed.has(recordKey(b))))
      this.original.set(linkId, undefined);
    return this.get(linkId);
  }

  async listByRecord(ref: RecordRef): Promise<Link[]> {
    for (const link of await this.repository.listByRecord(ref)) {
      if (!this.original.has(link.linkId)) this.original.set(link.linkId, link);
    }
    this.listed.add(recordKey(ref));
    const ids = [...this.original.keys(), ...this.pending.keys()];
    return [...new Set(ids)]
      .map((linkId) => this.current(linkId))
      .filter((link): link is Link => link?.records.some((linked) => sameRecord(linked, ref)) ?? false);
  }

  put(link: Link): void {
    this.assertRead(link.linkId);
    this.pending.set(link.linkId, link);
  }

  remove(linkId: string): void {
    this.assertRead(linkId);
    this.pending.set(linkId, null);
  }

  /** Whether the link's colour differs from the stored one (a new link counts as changed). */
  colourChanged(link: Link): boolean {
    return this.original.get(link.linkId)?.colour !== link.colour;
  }

  async commit(): Promise<ChangeSummary> {
    const writes: LinkWrite[] = [];
    const summary: ChangeSummary = { created: [], updated: [], removed: [] };
    for (const [linkId, next] of [...this.pending].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const stored = this.original.get(linkId);
      const expectedVersion = stored?.version ?? 0;
      if (next === null) {
        if (!stored) continue;
        writes.push({ kind: 'delete', linkId, expectedVersion, stored });
        summary.removed.push(linkId);
        continue;
      }
      writes.push({ kind: 'put', link: { ...next, version: expectedVersion + 1 }, expectedVersion });
      (stored ? summary.updated : summary.created).push(linkId);
    }
    if (writes.length > 0) await this.repository.write(writes);
    return summary;
  }

  /** The link as it will be stored by `commit`. */
  async stored(linkId: string): Promise<Link | undefined> {
    const link = await this.get(linkId);
    if (!link || !this.pending.has(linkId)) return link;
    return { ...link, version: (this.original.get(linkId)?.version ?? 0) + 1 };
  }

  private current(linkId: string): Link | undefined {
    const next = this.pending.get(linkId);
    if (next === null) return undefined;
    return next ?? this.original.get(linkId);
  }

  private assertRead(linkId: string): void {
    if (!this.original.has(linkId)) throw new Error(`link ${linkId} changed without being read first`);
  }
}
