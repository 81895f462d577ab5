import type { EspSource } from '../../shared/systems';
import type { EspQuery, QueryPart } from './query';

/** One matching record as a source returns it; the portal projects `record`, never trusting its shape. */
export interface SourceHit {
  record: Readonly<Record<string, unknown>>;
  matchedOn: readonly QueryPart[];
  score: number;
}

/**
 * The port every connected system sits behind. A source receives the query and an abort signal
 * only: never the requester, profile or purpose. It should stop work when `signal` aborts, but the
 * portal does not depend on that: it stops waiting at the budget either way.
 */
export interface SearchSource {
  readonly name: EspSource;
  /**
   * Whether the owner of a matching record can learn that it was queried (who, when, what).
   * Interpol requires `false` (Art 9(5)): an SLTD or TDAWN adapter must not forward requester
   * identity, must not write the query anywhere the record owner (the country that entered the
   * document or notice) can read, and must use Interpol's non-notifying query channel. The
   * portal refuses to start with an Interpol source that declares `true`.
   */
  readonly revealsQueryToRecordOwner: boolean;
  search(query: EspQuery, signal: AbortSignal): Promise<readonly SourceHit[]>;
}
