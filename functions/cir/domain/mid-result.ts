import { setTimeout as sleep } from 'node:timers/promises';
import { type WriterLink, writerLinks } from '../../mid/domain/check-result';
import type { Link } from '../../mid/domain/links';
import type { RecordRef } from '../../mid/domain/types';
import type { LinkActor } from '../../mid/domain/visibility';
import { NotFound } from '../../shared/errors';

/** Where the MID check of a file stands: its current version, and whether that version's check is still to run. */
export interface CheckState {
  version: number;
  pending: boolean;
}

export interface MidResultPorts {
  /** Read consistently; undefined when the file does not exist. */
  checkState(ref: RecordRef): Promise<CheckState | undefined>;
  linksOf(ref: RecordRef): Promise<Link[]>;
  /** Pause between two looks at a pending check (tests pass a fake). */
  pause?(ms: number): Promise<void>;
}

export interface MidResult {
  status: 'pending' | 'done';
  version: number;
  links: WriterLink[];
}

/**
 * How often a held request looks again: every 100 ms for the first 2 s (a check normally ends within
 * them, and the writer waits at most this much longer than the check), then every 500 ms, so that a
 * request held 20 s behind a backlog makes 56 reads, not 200, and slows the checks it waits for less.
 */
export const MID_RESULT_POLL_MS = 100;
const SLOW_POLL_MS = 500;
const FAST_POLL_FOR_MS = 2000;

/**
 * The result of the MID check of a written record, for the authority that wrote it (Art 29): whether
 * the check of the current version has run, and the record's links that Art 26 lets that authority
 * see. With `waitSeconds`, the request is held until the check is done or the time is up (then it
 * answers `pending`); the check runs behind the queue, so this is how the writer learns it in time.
 */
export async function midResult(
  ref: RecordRef,
  actor: LinkActor,
  waitSeconds: number,
  ports: MidResultPorts,
): Promise<MidResult> {
  const pause = ports.pause ?? ((ms: number) => sleep(ms));
  const started = Date.now();
  const deadline = started + waitSeconds * 1000;
  const interval = () => (Date.now() - started < FAST_POLL_FOR_MS ? MID_RESULT_POLL_MS : SLOW_POLL_MS);
  let state = await ports.checkState(ref);
  while (state?.pending && Date.now() + interval() <= deadline) {
    await pause(interval());
    state = await ports.checkState(ref);
  }
  if (!state) throw new NotFound('record');
  if (state.pending) return { status: 'pending', version: state.version, links: [] };
  return { status: 'done', version: state.version, links: writerLinks(ref, await ports.linksOf(ref), actor) };
}
