import type { AccessRequest } from './access-request';
import type { Consultation } from './consultation';

/** Consultations and access requests (the DynamoDB adapter is ../store.ts). */
export interface ConsultationStore {
  createConsultation(consultation: Consultation): Promise<void>;
  getConsultation(id: string): Promise<Consultation | undefined>;
  /** Conditioned on the version read; a lost race is a 409. */
  saveConsultation(next: Consultation, expectedVersion: number): Promise<void>;
  /** The new request and the consultation's follow-up, in one transaction. */
  createRequest(
    request: AccessRequest,
    consultation: Consultation,
    expectedConsultationVersion: number,
  ): Promise<void>;
  getRequest(id: string): Promise<AccessRequest | undefined>;
  /** Conditioned on the version read; a lost race is a 409. */
  saveRequest(next: AccessRequest, expectedVersion: number): Promise<void>;
  /** The verifying authorities' queue of one Member State, oldest first. */
  listPending(
    memberState: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ requests: AccessRequest[]; cursor?: string }>;
}

/**
 * Step Functions as the consultation uses it: start the access-request workflow, and answer the
 * callback the workflow waits on. Adapters: the SFN client (AWS) and the local runner.
 */
export interface StepFunctionsPort {
  startExecution(name: string, input: Record<string, unknown>): Promise<{ executionId: string }>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
}

/** The workflow no longer waits on that token (it timed out, or the execution is gone). */
export class TaskNoLongerWaiting extends Error {
  constructor(message = 'the workflow no longer waits for this decision') {
    super(message);
    this.name = 'TaskNoLongerWaiting';
  }
}
