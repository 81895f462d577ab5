import { randomBytes } from 'node:crypto';
import { decodePageCursorWhere, encodePageCursor } from '../../shared/page-cursor';
import { InvalidInput, VersionConflict } from './errors';
import type { LinkRepository, LinkWrite, YellowPage } from './link-repository';
import { type Link, linkIdFor, sameRecord } from './links';
import type { RecordRef } from './types';

/** The link store for tests, benchmarks and the embedded platform's unit runs. */
export class InMemoryLinkRepository implements LinkRepository {
  private readonly links = new Map<string, Link>();

  /** `key`: the link-id key (a random one per repository unless given). */
  constructor(private readonly key = randomBytes(32).toString('hex')) {}

  idFor(a: RecordRef, b: RecordRef): string {
    return linkIdFor(a, b, this.key);
  }

  async get(linkId: string): Promise<Link | undefined> {
    const link = this.links.get(linkId);
    return link && structuredClone(link);
  }

  async listByRecord(ref: RecordRef): Promise<Link[]> {
    return [...this.links.values()]
      .filter((link) => link.records.some((linked) => sameRecord(linked, ref)))
      .map((link) => structuredClone(link));
  }

  async listYellowByAuthority(
    authority: string,
    page: { limit: number; cursor?: string },
  ): Promise<YellowPage> {
    const after =
      page.cursor === undefined
        ? undefined
        : decodePageCursorWhere<QueuePosition>(
            page.cursor,
            (position) => position.authority === authority && typeof position.after === 'string',
          ).after;
    const queue = [...this.links.values()]
      .filter((link) => link.colour === 'yellow' && link.responsibleAuthority === authority)
      .map((link) => ({ link, key: queueKey(link) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .filter(({ key }) => after === undefined || key > after);
    const pageItems = queue.slice(0, page.limit);
    const last = pageItems.at(-1);
    return {
      links: pageItems.map(({ link }) => structuredClone(link)),
      nextCursor:
        queue.length > page.limit && last ? encodePageCursor({ authority, after: last.key }) : undefined,
    };
  }

  async write(writes: readonly LinkWrite[]): Promise<void> {
    for (const write of writes) this.assertExpectedVersion(write);
    for (const write of writes) {
      if (write.kind === 'put') this.links.set(write.link.linkId, structuredClone(write.link));
      else this.links.delete(write.linkId);
    }
  }

  private assertExpectedVersion(write: LinkWrite): void {
    const linkId = write.kind === 'put' ? write.link.linkId : write.linkId;
    const stored = this.links.get(linkId)?.version;
    if ((stored ?? 0) !== write.expectedVersion) {
      throw new VersionConflict(linkId, write.expectedVersion, stored);
    }
    if (write.kind === 'put' && write.link.version !== write.expectedVersion + 1) {
      throw new InvalidInput(`link ${linkId}: a put must store version ${write.expectedVersion + 1}`);
    }
  }
}

interface QueuePosition {
  authority: string;
  after: string;
}

function queueKey(link: Link): string {
  return `${link.yellowSince ?? ''}#${link.linkId}`;
}
