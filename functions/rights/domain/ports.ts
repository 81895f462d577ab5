import type { RequestSubject } from '../../shared/schemas/rights';
import type { Notification } from './notifications';
import type { DataSubjectRequest, OriginInstruction, PersonFound } from './request';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Requests, origin-system instructions and notifications (RIGHTS_TABLE in lib/resources.ts). */
export interface RightsStore {
  createRequest(request: DataSubjectRequest): Promise<void>;
  getRequest(reference: string): Promise<DataSubjectRequest | undefined>;
  /** Conditioned on the version read: a concurrent change gets a 409. */
  saveRequest(next: DataSubjectRequest, expectedVersion: number): Promise<void>;
  /** The same, with the instructions to origin systems, in one transaction. */
  saveAnswer(
    next: DataSubjectRequest,
    expectedVersion: number,
    instructions: OriginInstruction[],
  ): Promise<void>;
  /** Wrong access codes given for a reference so far (any address; a reference never issued too). */
  accessCodeFailures(reference: string): Promise<number>;
  /** Counts one more wrong access code for a reference (atomic). */
  countAccessCodeFailure(reference: string, at: Date): Promise<void>;
  /** Open requests held by a Member State, earliest deadline first. */
  listOpen(memberState: string, page: { limit: number; cursor?: string }): Promise<Page<DataSubjectRequest>>;
  listInstructions(
    system: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<OriginInstruction>>;
  /** Creates the notification unless one with its id exists; says whether it was created. */
  createNotification(notification: Notification): Promise<boolean>;
  getNotification(id: string): Promise<Notification | undefined>;
  saveNotification(next: Notification, expectedVersion: number): Promise<void>;
  listNotifications(
    authority: string,
    filter: { status?: Notification['status']; limit: number; cursor?: string },
  ): Promise<Page<Notification>>;
}

/** The lookup after the identity step, over the CIR and the MID. */
export interface PersonDirectory {
  find(subject: RequestSubject): Promise<PersonFound>;
  /** Art 48 access: the MID data (identity confirmation files) and the CIR identity data of the person. */
  dataOf(person: PersonFound): Promise<unknown>;
}
