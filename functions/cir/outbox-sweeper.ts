import { sweepNotificationOutbox } from '../rights/notifier';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import { cirDependencies } from './dependencies';
import { sweepPendingUnlinks } from './domain/records';

const BATCH = 100;

/**
 * The outbox sweeper (EventBridge, every minute): re-enqueues the MID check of every file whose
 * outbox marker is older than `graceMs`. A check enqueued twice is harmless (idempotent).
 */
export async function sweepPendingChecks(graceMs: number, now = new Date()): Promise<number> {
  const { store, queue } = cirDependencies();
  const pending = await store.pendingChecks(new Date(now.getTime() - graceMs).toISOString(), BATCH);
  for (const file of pending) await queue.enqueue(file, file.version);
  if (pending.length) logger.info('re-enqueued MID checks', { count: pending.length });
  return pending.length;
}

/** Removes the links of deleted files whose removal did not complete (a failure after the file's deletion). */
export async function sweepDeletedFilesLinks(graceMs: number, now = new Date()): Promise<number> {
  const swept = await sweepPendingUnlinks(
    cirDependencies(),
    new Date(now.getTime() - graceMs).toISOString(),
    BATCH,
  );
  if (swept) logger.info('removed the links of deleted files', { count: swept });
  return swept;
}

/**
 * The outboxes, with one grace period (OUTBOX_GRACE_SECONDS): MID checks whose message was lost, link
 * changes not notified after their commit, and links of deleted files not removed after the deletion.
 */
export async function sweepOutboxes(): Promise<{
  reEnqueued: number;
  notifiedChanges: number;
  unlinkedFiles: number;
}> {
  const graceMs = loadConfig().OUTBOX_GRACE_SECONDS * 1000;
  return {
    reEnqueued: await sweepPendingChecks(graceMs),
    notifiedChanges: await sweepNotificationOutbox(graceMs),
    unlinkedFiles: await sweepDeletedFilesLinks(graceMs),
  };
}

export const handler = sweepOutboxes;
