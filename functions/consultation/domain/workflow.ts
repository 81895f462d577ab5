import type { AuditEntryInput } from '../../audit/domain/entry';
import type { AuditLog } from '../../audit/domain/ports';
import { type AccessRequest, type ConsultationTimeouts, transitions } from './access-request';
import type { ConsultationStore } from './ports';

/**
 * The steps the access-request state machine runs (one Lambda, `consultation-workflow`): each loads
 * the request, applies one transition, saves it conditioned on the version read, and logs the step
 * with the case reference and the officials (Art 24). A step that no longer applies (a retry, or a
 * decision racing a timeout) writes nothing and logs nothing.
 */
export const WORKFLOW_ACTIONS = [
  'record',
  'enqueue',
  'grant-urgently',
  'grant',
  'confirm-urgent',
  'refuse',
  'expire',
  'revoke-urgent',
  'verification-overdue',
  'grant-expired',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowEvent {
  action: WorkflowAction;
  requestId: string;
  timeouts: ConsultationTimeouts;
  executionId?: string;
  taskToken?: string;
}

export interface WorkflowStepResult {
  requestId: string;
  status: AccessRequest['status'];
  applied: boolean;
  validUntil?: string;
}

export interface WorkflowPorts {
  store: ConsultationStore;
  audit: AuditLog;
  now: () => Date;
}

/** The audit action of each step (Art 24: query, flags, request, decision, expiry, grant use...). */
const AUDIT_ACTION: Record<WorkflowAction, string> = {
  record: 'accessRequestRecorded',
  enqueue: 'accessRequestQueued',
  'grant-urgently': 'urgentAccessGranted',
  grant: 'accessGranted',
  'confirm-urgent': 'urgentAccessConfirmed',
  refuse: 'accessRefused',
  expire: 'accessRequestExpired',
  'revoke-urgent': 'urgentAccessRevoked',
  'verification-overdue': 'urgentVerificationOverdue',
  'grant-expired': 'grantExpired',
};

export const WORKFLOW_USER = 'system:consultation-workflow';

export async function runWorkflowStep(
  event: WorkflowEvent,
  ports: WorkflowPorts,
): Promise<WorkflowStepResult> {
  const request = await ports.store.getRequest(event.requestId);
  if (!request) throw new Error(`access request ${event.requestId} not found`);
  const now = ports.now();
  const next = transition(event, request, now);
  if (!next)
    return {
      requestId: request.id,
      status: request.status,
      applied: false,
      validUntil: request.grant?.validUntil,
    };
  await ports.store.saveRequest(next, request.version);
  await ports.audit.append(workflowAuditEntry(event, next, now));
  return { requestId: next.id, status: next.status, applied: true, validUntil: next.grant?.validUntil };
}

function transition(event: WorkflowEvent, request: AccessRequest, now: Date): AccessRequest | undefined {
  switch (event.action) {
    case 'record':
      // The request was written by the API; this step logs that the workflow took it over.
      return request.status === 'submitted' ? { ...request, version: request.version + 1 } : undefined;
    case 'enqueue': {
      if (!event.taskToken) throw new Error('enqueue needs the task token');
      const queued = transitions.enqueue(request, event.timeouts, now);
      return queued ? { ...queued, taskToken: event.taskToken } : undefined;
    }
    case 'grant-urgently':
      return transitions.grantUrgently(request, event.timeouts, now);
    case 'grant':
      return clearToken(transitions.grant(request, event.timeouts, now));
    case 'confirm-urgent':
      return clearToken(transitions.confirmUrgent(request));
    case 'refuse':
      return clearToken(transitions.refuse(request));
    case 'expire':
      return clearToken(transitions.expire(request));
    case 'revoke-urgent':
      return clearToken(transitions.revokeUrgent(request, now, false));
    case 'verification-overdue':
      return clearToken(transitions.revokeUrgent(request, now, true));
    case 'grant-expired':
      return transitions.grantExpired(request);
  }
}

function clearToken(request: AccessRequest | undefined): AccessRequest | undefined {
  if (!request) return undefined;
  const { taskToken: _spent, ...rest } = request;
  return rest;
}

function workflowAuditEntry(event: WorkflowEvent, request: AccessRequest, now: Date): AuditEntryInput {
  const details: Record<string, string | number | boolean> = {
    requestId: request.id,
    consultationId: request.consultationId,
    status: request.status,
    urgent: request.urgent,
    requester: request.requester.userId,
    requesterAuthority: request.requester.authority,
  };
  if (request.decision) {
    details.decision = request.decision.decision;
    details.decidedBy = request.decision.by.userId;
    details.deciderAuthority = request.decision.by.authority;
  }
  if (request.grant) details.validUntil = request.grant.validUntil;
  if (request.supervisoryFlag) details.supervisoryFlag = request.supervisoryFlag.reason;
  return {
    requestId: `${event.executionId ?? request.id}:${event.action}`,
    timestamp: now.toISOString(),
    userId: WORKFLOW_USER,
    authority: request.requester.authority,
    memberState: request.requester.memberState,
    roles: [],
    purpose: `Art 22 access request (${request.offence})`,
    caseReference: request.caseReference,
    action: AUDIT_ACTION[event.action],
    systems: [request.system],
    records: [],
    resultType: 'success',
    httpStatus: 200,
    details,
  };
}
