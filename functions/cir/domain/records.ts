import type { RecordRef } from '../../mid/domain/types';
import { Conflict, NotFound } from '../../shared/errors';
import type { RecordBody } from '../../shared/schemas/record';
import { contentHashOf, type IndividualFile } from './individual-file';
import {
  type CirStore,
  type IndexKeyDeriver,
  type LinkRemover,
  type MidCheckQueue,
  StaleVersion,
  type TemplateGate,
} from './ports';

export interface CirDependencies {
  store: CirStore;
  queue: MidCheckQueue;
  gate: TemplateGate;
  indexKeys: IndexKeyDeriver;
  removeLinks: LinkRemover;
  now: () => Date;
}

export interface PutRecordResult {
  outcome: 'created' | 'updated' | 'unchanged';
  version: number;
  templatesAccepted: string[];
  templatesRefused: { modality: string; reason: string }[];
}

/**
 * Creates or updates an individual file. A resent identical version is answered as unchanged, so a
 * loader retrying after a timeout is harmless; any other write not newer than the stored one is refused.
 */
export async function putRecord(
  deps: CirDependencies,
  ref: RecordRef,
  body: RecordBody,
): Promise<PutRecordResult> {
  const { accepted, refused } = deps.gate(body.biometrics);
  const now = deps.now().toISOString();
  const contentHash = contentHashOf(body);
  const file: IndividualFile = {
    ...ref,
    version: body.version,
    memberState: body.memberState,
    language: body.language,
    identity: body.identity,
    travelDocuments: body.travelDocuments,
    templateModalities: accepted.map((template) => template.modality),
    templateRefusals: refused,
    contentHash,
    createdAt: now,
    updatedAt: now,
  };
  const summary = {
    version: body.version,
    templatesAccepted: file.templateModalities,
    templatesRefused: refused,
  };
  try {
    const { outcome } = await deps.store.write({
      file,
      templates: accepted,
      indexKeys: deps.indexKeys(body.identity, body.travelDocuments),
    });
    await deps.queue.enqueue(ref, body.version);
    return { outcome, ...summary };
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const stored = await deps.store.get(ref);
    if (stored && stored.version === body.version && stored.contentHash === contentHash) {
      return { outcome: 'unchanged', ...summary };
    }
    throw new Conflict(`record version ${body.version} is not newer than the stored version`, {
      storedVersion: error.storedVersion,
    });
  }
}

export async function getRecord(
  deps: Pick<CirDependencies, 'store'>,
  ref: RecordRef,
): Promise<IndividualFile> {
  const file = await deps.store.get(ref);
  if (!file) throw new NotFound('record');
  return file;
}

/** Deletes a file and everything that hangs on it (Art 23: nothing outlives its origin record). */
/**
 * Deletes the file, then its links (Arts 23, 35: nothing outlives its record). The file's deletion
 * commits with an unlink outbox item; the item is cleared once the links are gone, so a failure in
 * between leaves it for the outbox sweeper (`sweepPendingUnlinks`), which removes them.
 */
export async function deleteRecord(deps: Pick<CirDependencies, 'store' | 'removeLinks'>, ref: RecordRef) {
  const removed = await deps.store.delete(ref);
  if (!removed) throw new NotFound('record');
  const links = await deps.removeLinks(ref);
  await deps.store.completeUnlink(ref);
  return { file: 1, templates: removed.templates, indexKeys: removed.indexKeys, links };
}

/**
 * The links of files deleted before `olderThan` whose removal did not complete: removed now, unless
 * the record was created again meanwhile (its own MID check then owns its links).
 */
export async function sweepPendingUnlinks(
  deps: Pick<CirDependencies, 'store' | 'removeLinks'>,
  olderThan: string,
  limit: number,
): Promise<number> {
  const pending = await deps.store.pendingUnlinks(olderThan, limit);
  for (const ref of pending) {
    if (!(await deps.store.get(ref))) await deps.removeLinks(ref);
    await deps.store.completeUnlink(ref);
  }
  return pending.length;
}
