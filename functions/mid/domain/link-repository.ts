import type { Link } from './links';
import type { RecordRef } from './types';

/**
 * One write of an atomic batch. `expectedVersion` is the version the store must hold (0: the
 * link must not exist); a put stores `link.version === expectedVersion + 1`.
 */
export type LinkWrite =
  | { kind: 'put'; link: Link; expectedVersion: number }
  | {
      kind: 'delete';
      linkId: string;
      expectedVersion: number;
      /** The link as stored before the deletion: its statistics count what it leaves (not written). */
      stored?: Link;
    };

export interface YellowPage {
  links: Link[];
  /** Opaque; absent on the last page. */
  nextCursor?: string;
}

/**
 * Port for the store of links (DynamoDB in AWS). Access patterns: by link id; by either linked
 * record; yellow links by responsible authority ordered by `yellowSince` then `linkId`.
 */
export interface LinkRepository {
  /**
   * The id of the link between two files (either order): the same pair always gets the same id, and
   * the id cannot be computed from the record ids without the platform's key (`linkIdFor`).
   */
  idFor(a: RecordRef, b: RecordRef): string;
  get(linkId: string): Promise<Link | undefined>;
  listByRecord(ref: RecordRef): Promise<Link[]>;
  listYellowByAuthority(authority: string, page: { limit: number; cursor?: string }): Promise<YellowPage>;
  /**
   * All or nothing (a DynamoDB transaction): throws `VersionConflict` and writes nothing when any
   * expected version does not match.
   */
  write(writes: readonly LinkWrite[]): Promise<void>;
}
