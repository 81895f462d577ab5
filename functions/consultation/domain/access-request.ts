import {
  assertOwnConsultation,
  type Consultation,
  type ConsultationSystem,
  type FollowUp,
  isSameOfficial,
  type Official,
} from './consultation';
import { conflict, forbidden, unprocessable } from './errors';
import type { OffenceCategory } from './offences';

/**
 * Step 2 of Art 22: an access request for one flagged system, decided by a verifying authority.
 *
 *   submitted -> pending -> (decision approve) -> granted -> grant-expired
 *                        -> (decision refuse)  -> refused
 *                        -> (no decision in time) -> expired
 *   submitted -> urgent-granted -> (approve) -> granted -> grant-expired
 *                               -> (refuse, or no verification in time) -> revoked (+ supervisory flag)
 */
export type AccessRequestStatus =
  | 'submitted'
  | 'pending'
  | 'urgent-granted'
  | 'granted'
  | 'refused'
  | 'expired'
  | 'revoked'
  | 'grant-expired';

export const TERMINAL_STATUSES: readonly AccessRequestStatus[] = [
  'refused',
  'expired',
  'revoked',
  'grant-expired',
];

export type DecisionKind = 'approve' | 'refuse';

export interface Decision {
  decision: DecisionKind;
  reason: string;
  by: Official;
  at: string;
}

export interface Grant {
  validFrom: string;
  validUntil: string;
  revokedAt?: string;
}

export interface AccessRequest {
  id: string;
  consultationId: string;
  caseReference: string;
  offence: OffenceCategory;
  system: ConsultationSystem;
  justification: string;
  urgent: boolean;
  requester: Official;
  createdAt: string;
  status: AccessRequestStatus;
  /** When the verifying authority must have decided (normal) or verified (urgent). */
  decideBy?: string;
  decision?: Decision;
  grant?: Grant;
  /** Set when an urgent access was refused or not verified in time: for the supervisory authority. */
  supervisoryFlag?: { reason: 'urgent-access-refused' | 'urgent-verification-overdue'; at: string };
  /** The workflow's callback token while it waits for the decision: never shown by the API. */
  taskToken?: string;
  version: number;
}

/** Durations fixed by configuration, handed to the workflow with each execution. */
export interface ConsultationTimeouts {
  /** A normal request not decided within this time expires. */
  decisionSeconds: number;
  /** How long an approved grant (or an urgent one) lets the requester read the data. */
  grantValiditySeconds: number;
  /** An urgent grant not verified within this time is revoked and flagged. */
  urgentVerificationSeconds: number;
}

export interface AccessRequestInput {
  system: ConsultationSystem;
  justification: string;
  urgent: boolean;
}

/**
 * A new request: only by the consultation's requester, only for a flagged system, and not while
 * another request for that system is open (a refused, expired or spent request may be followed by
 * a new one; a recorded no-access reason closes the system for this consultation).
 */
export function newAccessRequest(args: {
  id: string;
  consultation: Consultation;
  input: AccessRequestInput;
  caller: Official;
  previous?: AccessRequest;
  now: Date;
}): { request: AccessRequest; consultation: Consultation } {
  const { consultation, input, caller, previous, now } = args;
  assertOwnConsultation(consultation, caller);
  if (consultation.flags[input.system] !== 'hit') {
    throw unprocessable(
      'NO_HIT',
      `${input.system} was not flagged in this consultation: no access to request`,
    );
  }
  const followUp = consultation.followUps[input.system];
  if (followUp?.kind === 'no-access') {
    throw conflict('NO_ACCESS_RECORDED', `a reason for not requesting access to ${input.system} is recorded`);
  }
  if (followUp?.kind === 'access-request' && previous && !TERMINAL_STATUSES.includes(previous.status)) {
    throw conflict('REQUEST_OPEN', `an access request for ${input.system} is still open`, {
      requestId: previous.id,
      status: previous.status,
    });
  }
  const request: AccessRequest = {
    id: args.id,
    consultationId: consultation.id,
    caseReference: consultation.caseReference,
    offence: consultation.offence,
    system: input.system,
    justification: input.justification.trim(),
    urgent: input.urgent,
    requester: caller,
    createdAt: now.toISOString(),
    status: 'submitted',
    version: 1,
  };
  const recorded: FollowUp = { kind: 'access-request', requestId: request.id, at: request.createdAt };
  return {
    request,
    consultation: {
      ...consultation,
      followUps: { ...consultation.followUps, [input.system]: recorded },
      version: consultation.version + 1,
    },
  };
}

/** Whether the request waits for the verifying authority (it is then in their queue). */
export function awaitsDecision(request: AccessRequest): boolean {
  // `decideBy` is set when the workflow put the request in the queue (and holds its callback).
  return (
    (request.status === 'pending' || request.status === 'urgent-granted') &&
    request.decideBy !== undefined &&
    !request.decision
  );
}

/**
 * Four eyes: a verifying authority of the requester's Member State, a different unit than the
 * requesting one, and never the requester themself.
 */
export function assertMayDecide(
  request: AccessRequest,
  caller: Official & { roles: readonly string[] },
): void {
  if (!caller.roles.includes('verifying-authority')) {
    throw forbidden('NOT_A_VERIFYING_AUTHORITY', 'only a verifying authority decides access requests');
  }
  if (caller.userId === request.requester.userId) {
    throw forbidden('FOUR_EYES', 'the requester may not decide their own request');
  }
  if (caller.memberState !== request.requester.memberState) {
    throw forbidden(
      'OTHER_MEMBER_STATE',
      "only a verifying authority of the requester's Member State may decide",
    );
  }
  if (caller.authority === request.requester.authority) {
    throw forbidden('FOUR_EYES', 'the verifying authority must be a unit other than the requesting one');
  }
}

/** The decision (the workflow then grants, refuses or revokes): 409 once the request is no longer open. */
export function decide(
  request: AccessRequest,
  caller: Official & { roles: readonly string[] },
  decision: DecisionKind,
  reason: string,
  now: Date,
): AccessRequest {
  assertMayDecide(request, caller);
  if (!awaitsDecision(request)) {
    throw conflict(
      'NOT_PENDING',
      `the request is no longer pending (${request.decision ? 'decided' : request.status})`,
      {
        status: request.status,
      },
    );
  }
  const { userId, authority, memberState } = caller;
  return {
    ...request,
    decision: {
      decision,
      reason: reason.trim(),
      by: { userId, authority, memberState },
      at: now.toISOString(),
    },
    version: request.version + 1,
  };
}

/** Why the caller may not read the data now, or undefined when the grant lets them. */
export function accessRefusal(request: AccessRequest, caller: Official, now: Date): string | undefined {
  if (!isSameOfficial(caller, request.requester)) return 'only the requester may use a grant';
  const grant = request.grant;
  if (!grant) return `no grant (request ${request.status})`;
  if (grant.revokedAt || request.status === 'revoked') return 'the grant was revoked';
  if (request.decision?.decision === 'refuse') return 'the request was refused';
  if (now.getTime() < Date.parse(grant.validFrom)) return 'the grant is not valid yet';
  if (now.getTime() >= Date.parse(grant.validUntil)) return 'the grant has expired';
  return undefined;
}

export function assertAccess(request: AccessRequest, caller: Official, now: Date): void {
  const refusal = accessRefusal(request, caller, now);
  if (refusal) throw forbidden('NO_VALID_GRANT', refusal);
}

/** What the API shows of a request (never the workflow's task token). */
export function requestView(request: AccessRequest) {
  return {
    id: request.id,
    consultationId: request.consultationId,
    caseReference: request.caseReference,
    offence: request.offence,
    system: request.system,
    justification: request.justification,
    urgent: request.urgent,
    requester: request.requester,
    createdAt: request.createdAt,
    status: request.status,
    decideBy: request.decideBy,
    decision: request.decision,
    grant: request.grant,
    supervisoryFlag: request.supervisoryFlag,
  };
}

/** Whole seconds (RFC 3339 without fractions), as a Step Functions Wait state reads it. */
export const addSeconds = (now: Date, seconds: number) =>
  new Date(Math.ceil((now.getTime() + seconds * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The workflow's steps as pure transitions. Each returns the next request, or undefined where the
 * step no longer applies (a retried or raced step: the workflow carries on, nothing is written).
 */
export const transitions = {
  /** Into the verifying authority's queue: pending (normal) or still urgent-granted (urgent). */
  enqueue(request: AccessRequest, timeouts: ConsultationTimeouts, now: Date): AccessRequest | undefined {
    if (request.status !== 'submitted' && request.status !== 'urgent-granted') return undefined;
    const seconds = request.urgent ? timeouts.urgentVerificationSeconds : timeouts.decisionSeconds;
    return {
      ...request,
      status: request.urgent ? 'urgent-granted' : 'pending',
      decideBy: addSeconds(now, seconds),
      version: request.version + 1,
    };
  },
  grantUrgently(
    request: AccessRequest,
    timeouts: ConsultationTimeouts,
    now: Date,
  ): AccessRequest | undefined {
    if (request.status !== 'submitted' || !request.urgent) return undefined;
    return {
      ...request,
      status: 'urgent-granted',
      grant: { validFrom: now.toISOString(), validUntil: addSeconds(now, timeouts.grantValiditySeconds) },
      version: request.version + 1,
    };
  },
  grant(request: AccessRequest, timeouts: ConsultationTimeouts, now: Date): AccessRequest | undefined {
    if (request.status !== 'pending' || request.decision?.decision !== 'approve') return undefined;
    return {
      ...request,
      status: 'granted',
      grant: { validFrom: now.toISOString(), validUntil: addSeconds(now, timeouts.grantValiditySeconds) },
      version: request.version + 1,
    };
  },
  confirmUrgent(request: AccessRequest): AccessRequest | undefined {
    if (request.status !== 'urgent-granted' || request.decision?.decision !== 'approve') return undefined;
    return { ...request, status: 'granted', version: request.version + 1 };
  },
  refuse(request: AccessRequest): AccessRequest | undefined {
    if (request.status !== 'pending' || request.decision?.decision !== 'refuse') return undefined;
    return { ...request, status: 'refused', version: request.version + 1 };
  },
  /** No decision in time. A decision recorded in the same instant lost the race: the workflow no longer waits. */
  expire(request: AccessRequest): AccessRequest | undefined {
    if (request.status !== 'pending') return undefined;
    return { ...request, status: 'expired', version: request.version + 1 };
  },
  revokeUrgent(request: AccessRequest, now: Date, overdue: boolean): AccessRequest | undefined {
    if (request.status !== 'urgent-granted') return undefined;
    return {
      ...request,
      status: 'revoked',
      grant: request.grant ? { ...request.grant, revokedAt: now.toISOString() } : undefined,
      supervisoryFlag: {
        reason: overdue ? 'urgent-verification-overdue' : 'urgent-access-refused',
        at: now.toISOString(),
      },
      version: request.version + 1,
    };
  },
  grantExpired(request: AccessRequest): AccessRequest | undefined {
    // Runs after the workflow's Wait until validUntil; access itself is checked against the clock.
    if (request.status !== 'granted' || !request.grant) return undefined;
    return { ...request, status: 'grant-expired', version: request.version + 1 };
  },
};
