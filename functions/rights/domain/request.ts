import type { RecordRef } from '../../mid/domain/types';
import { ApiError, Conflict, NotFound } from '../../shared/errors';
import type {
  AnswerBody,
  DataSubjectRequestBody,
  IdentityVerificationBody,
  RequestType,
  RightsLanguage,
} from '../../shared/schemas/rights';
import { accessCodeDigest, accessCodeMatches, newAccessCode, newReference } from './access-code';

/** Art 48: an answer within 45 days of receipt, extendable once by 15 days with a reason. */
export const ANSWER_DAYS = 45;
export const EXTENSION_DAYS = 15;
const DAY_MS = 86_400_000;

export type RequestStatus = 'identity-verification-pending' | 'in-progress' | 'answered';

export interface Officer {
  userId: string;
  authority: string;
  memberState: string;
}

export type RequestEventKind =
  | 'received'
  | 'identity-verified'
  | 'forwarded'
  | 'extended'
  | 'answered'
  | 'instructions-recorded';

/** One step of the request (Art 48): kept with the request, and logged in the audit log. */
export interface RequestEvent {
  at: string;
  event: RequestEventKind;
  by?: Officer;
  /** The Member State holding the request after this step. */
  memberState: string;
  note?: string;
}

/** What the lookup after the identity step found: the person's individual files and their links. */
export interface PersonFound {
  records: RecordRef[];
  sins: string[];
  /** The Member State responsible for the links (Art 29) or, without links, for the origin records. */
  responsibleMemberStates: string[];
}

/** An instruction to an origin system: the origin record is corrected or erased there (Art 48). */
export interface OriginInstruction {
  reference: string;
  system: RecordRef['system'];
  recordId: string;
  action: 'rectify' | 'erase';
  /** What to rectify, from the answer (no identity data beyond what the authority wrote). */
  description?: string;
  issuedAt: string;
  issuedBy: Officer;
}

export interface WrittenAnswer {
  at: string;
  by: Officer;
  text: string;
  decision?: 'granted' | 'refused';
  rectification?: string;
  /** For access: the MID data and links of the person as found at the time of the answer. */
  data?: unknown;
}

export interface DataSubjectRequest {
  reference: string;
  accessCodeDigest: string;
  type: RequestType;
  language: RightsLanguage;
  lodgedWith: string;
  /** The Member State whose authority holds the request now (lodged with, then the responsible one). */
  memberState: string;
  subject: DataSubjectRequestBody['subject'];
  details?: string;
  contact: DataSubjectRequestBody['contact'];
  representative?: DataSubjectRequestBody['representative'];
  status: RequestStatus;
  receivedAt: string;
  deadline: string;
  extension?: { at: string; by: Officer; reason: string };
  identityVerification?: IdentityVerificationBody & { at: string; by: Officer };
  person?: PersonFound;
  answer?: WrittenAnswer;
  history: RequestEvent[];
  version: number;
}

/**
 * A request as received from the public form. Nothing is looked up: the reply is the same whether
 * or not the platform holds data on the person (the identity step comes first).
 */
export function receiveRequest(
  body: DataSubjectRequestBody,
  now: Date,
): { request: DataSubjectRequest; accessCode: string } {
  const accessCode = newAccessCode();
  const receivedAt = now.toISOString();
  return {
    accessCode,
    request: {
      reference: newReference(),
      accessCodeDigest: accessCodeDigest(accessCode),
      type: body.type,
      language: body.language,
      lodgedWith: body.lodgedWith,
      memberState: body.lodgedWith,
      subject: body.subject,
      details: body.details,
      contact: body.contact,
      representative: body.representative,
      status: 'identity-verification-pending',
      receivedAt,
      deadline: addDays(receivedAt, ANSWER_DAYS),
      history: [{ at: receivedAt, event: 'received', memberState: body.lodgedWith }],
      version: 1,
    },
  };
}

/** What the requester sees with the access code. A wrong code is indistinguishable from no request. */
export function publicView(request: DataSubjectRequest | undefined, accessCode: string) {
  if (!request || !accessCodeMatches(accessCode, request.accessCodeDigest)) throw new NotFound('request');
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    deadline: request.deadline,
    extended: request.extension !== undefined,
    ...(request.extension ? { extensionReason: request.extension.reason } : {}),
    ...(request.answer
      ? {
          answer: {
            at: request.answer.at,
            text: request.answer.text,
            decision: request.answer.decision,
            data: request.answer.data,
          },
        }
      : {}),
  };
}

/** The authority's view: everything but the access code's digest. */
export function officerView(request: DataSubjectRequest) {
  const { accessCodeDigest: _secret, ...rest } = request;
  return rest;
}

/** Only the authority of the Member State holding the request sees it; others get the same 404. */
export function assertHeldBy(request: DataSubjectRequest | undefined, officer: Officer): DataSubjectRequest {
  if (!request || request.memberState !== officer.memberState) throw new NotFound('request');
  return request;
}

/**
 * Art 48 identity step: the officer records how identity was proven, then (and only then) the
 * person is looked up; the request goes to the Member State responsible, forwarded if need be.
 */
export function recordIdentityVerification(
  request: DataSubjectRequest,
  proof: IdentityVerificationBody,
  officer: Officer,
  person: PersonFound,
  now: Date,
): DataSubjectRequest {
  assertAwaitsIdentity(request);
  const at = now.toISOString();
  const responsible = responsibleMemberState(person.responsibleMemberStates, request.lodgedWith);
  const history: RequestEvent[] = [
    ...request.history,
    { at, event: 'identity-verified', by: officer, memberState: request.memberState, note: proof.method },
  ];
  if (responsible !== request.memberState) {
    history.push({ at, event: 'forwarded', by: officer, memberState: responsible });
  }
  return {
    ...request,
    status: 'in-progress',
    identityVerification: { ...proof, at, by: officer },
    person,
    memberState: responsible,
    history,
    version: request.version + 1,
  };
}

/** Checked before the lookup too: the person is looked up once, after the identity step. */
export function assertAwaitsIdentity(request: DataSubjectRequest): void {
  if (request.status !== 'identity-verification-pending') {
    throw new Conflict('the identity was already verified for this request');
  }
}

/**
 * The Member State a request goes to: the one where it was lodged if it is among the responsible
 * ones (no forwarding needed), else the one responsible for most of the person's data (ties:
 * alphabetical). `EU` (e.g. the ETIAS Central Unit) and no data at all leave it where it was lodged.
 */
export function responsibleMemberState(candidates: readonly string[], lodgedWith: string): string {
  const national = candidates.filter((state) => state !== 'EU');
  if (national.length === 0 || national.includes(lodgedWith)) return lodgedWith;
  const counts = new Map<string, number>();
  for (const state of national) counts.set(state, (counts.get(state) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0];
}

export function extendDeadline(
  request: DataSubjectRequest,
  reason: string,
  officer: Officer,
  now: Date,
): DataSubjectRequest {
  assertOpen(request);
  if (request.extension) throw new Conflict('the deadline can be extended only once');
  const at = now.toISOString();
  return {
    ...request,
    deadline: addDays(request.deadline, EXTENSION_DAYS),
    extension: { at, by: officer, reason },
    history: [
      ...request.history,
      { at, event: 'extended', by: officer, memberState: request.memberState, note: reason },
    ],
    version: request.version + 1,
  };
}

/**
 * The written answer. Access: the data found (filled in by the caller); rectification and erasure:
 * a decision, and when granted, instructions to each origin system holding the person's records.
 */
export function answerRequest(
  request: DataSubjectRequest,
  body: AnswerBody,
  officer: Officer,
  now: Date,
  data?: unknown,
): { request: DataSubjectRequest; instructions: OriginInstruction[] } {
  assertOpen(request);
  if (request.status !== 'in-progress') {
    throw new Conflict('the identity must be verified before the request is answered');
  }
  if (request.type === 'access' && body.decision) {
    throw new ApiError(
      422,
      'NO_DECISION_FOR_ACCESS',
      'an access request is answered with the data, not a decision',
    );
  }
  if (request.type !== 'access' && !body.decision) {
    throw new ApiError(
      422,
      'DECISION_REQUIRED',
      `a ${request.type} request needs a decision: granted or refused`,
    );
  }
  if (request.type === 'rectification' && body.decision === 'granted' && !body.rectification) {
    throw new ApiError(422, 'RECTIFICATION_REQUIRED', 'a granted rectification says what is to be rectified');
  }
  const at = now.toISOString();
  const granted = body.decision === 'granted';
  const instructions: OriginInstruction[] = granted
    ? (request.person?.records ?? []).map((ref) => ({
        reference: request.reference,
        system: ref.system,
        recordId: ref.recordId,
        action: request.type === 'erasure' ? 'erase' : 'rectify',
        description: request.type === 'rectification' ? body.rectification : undefined,
        issuedAt: at,
        issuedBy: officer,
      }))
    : [];
  const history: RequestEvent[] = [
    ...request.history,
    { at, event: 'answered', by: officer, memberState: request.memberState, note: body.decision },
  ];
  if (instructions.length > 0) {
    history.push({
      at,
      event: 'instructions-recorded',
      by: officer,
      memberState: request.memberState,
      note: `${instructions.length} origin record(s)`,
    });
  }
  return {
    instructions,
    request: {
      ...request,
      status: 'answered',
      answer: {
        at,
        by: officer,
        text: body.text,
        decision: body.decision,
        rectification: body.rectification,
        data,
      },
      history,
      version: request.version + 1,
    },
  };
}

function assertOpen(request: DataSubjectRequest): void {
  if (request.status === 'answered') throw new Conflict('the request was already answered');
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** Days left until the deadline (negative: overdue), for the authority's queue. */
export function daysLeft(request: DataSubjectRequest, now: Date): number {
  return Math.ceil((Date.parse(request.deadline) - now.getTime()) / DAY_MS);
}
