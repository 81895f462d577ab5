import { auditLogFromEnv } from '../audit/index';
import { dynamo } from '../shared/clients';
import { logger } from '../shared/powertools';
import { consultationTable } from './dependencies';
import {
  runWorkflowStep,
  WORKFLOW_ACTIONS,
  type WorkflowEvent,
  type WorkflowStepResult,
} from './domain/workflow';
import { DynamoConsultationStore } from './store';

let store: DynamoConsultationStore | undefined;

/**
 * The `consultation-workflow` worker: the Lambda task of every step of the access-request state
 * machine (lib/constructs/consultation.ts). The local platform calls this same handler in process.
 */
export async function handler(event: WorkflowEvent): Promise<WorkflowStepResult> {
  if (!event || !WORKFLOW_ACTIONS.includes(event.action) || typeof event.requestId !== 'string') {
    throw new Error('not a consultation workflow step');
  }
  store ??= new DynamoConsultationStore(dynamo, consultationTable());
  const result = await runWorkflowStep(event, { store, audit: auditLogFromEnv(), now: () => new Date() });
  logger.info('consultation workflow step', {
    action: event.action,
    requestId: event.requestId,
    status: result.status,
    applied: result.applied,
  });
  return result;
}
