import type { RecordRef } from '../../mid/domain/types';
import type { Biometrics, Identity, TravelDocument } from '../../shared/schemas/record';
import type { AcceptedTemplate, FileWrite, IndividualFile, TemplateRefusal } from './individual-file';

export interface WriteOutcome {
  outcome: 'created' | 'updated';
}

export interface DeleteOutcome {
  templates: number;
  indexKeys: number;
}

export interface CirStore {
  get(ref: RecordRef): Promise<IndividualFile | undefined>;
  /** Writes atomically; throws StaleVersion when the stored version is not older than the new one. */
  write(write: FileWrite): Promise<WriteOutcome>;
  /**
   * Removes the file, its templates (leaving tombstones for the sBMS shards) and its index keys, and
   * records in the same transaction that its links are still to be removed (the unlink outbox).
   */
  delete(ref: RecordRef): Promise<DeleteOutcome | undefined>;
  /** The links of a deleted file are removed: clears its unlink outbox item. */
  completeUnlink(ref: RecordRef): Promise<void>;
  /** Deleted files whose unlink outbox item is older than `olderThan` (the sweeper's work). */
  pendingUnlinks(olderThan: string, limit: number): Promise<RecordRef[]>;
}

export interface MidCheckQueue {
  enqueue(ref: RecordRef, version: number): Promise<void>;
}

/** The sBMS quality gate (Art 13): splits templates into accepted and refused. */
export type TemplateGate = (biometrics: Biometrics | undefined) => {
  accepted: AcceptedTemplate[];
  refused: TemplateRefusal[];
};

/** Identity blocking keys and travel-document keys used by the MID and the ESP to find candidates. */
export type IndexKeyDeriver = (identity: Identity, documents: TravelDocument[]) => string[];

/** Removes the links of a deleted file (MID), returning how many were removed. */
export type LinkRemover = (ref: RecordRef) => Promise<number>;

export class StaleVersion extends Error {
  constructor(readonly storedVersion: number) {
    super(`stored version ${storedVersion} is not older than the update`);
  }
}
