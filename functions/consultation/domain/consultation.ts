import type { RecordRef } from '../../mid/domain/types';
import { conflict, forbidden, unprocessable } from './errors';
import type { OffenceCategory } from './offences';

/** The systems a designated authority consults through the CIR (Art 22(1)). */
export const CONSULTATION_SYSTEMS = ['EES', 'VIS', 'ETIAS', 'EURODAC'] as const;
export type ConsultationSystem = (typeof CONSULTATION_SYSTEMS)[number];

export function isConsultationSystem(value: string): value is ConsultationSystem {
  return (CONSULTATION_SYSTEMS as readonly string[]).includes(value);
}

/** An official as the token names them: who made or ordered a step (Art 24). */
export interface Official {
  userId: string;
  authority: string;
  memberState: string;
}

export type Flag = 'hit' | 'no-hit';
export type Flags = Record<ConsultationSystem, Flag>;

/** What the authority did about one flagged system (Art 22(4)): asked for access, or said why not. */
export type FollowUp =
  | { kind: 'access-request'; requestId: string; at: string }
  | { kind: 'no-access'; reason: string; at: string; by: string };

/**
 * One step-1 consultation. `hits` are references to the matching individual files: kept for the
 * step-2 access that a grant opens, never part of a reply to step 1.
 */
export interface Consultation {
  id: string;
  caseReference: string;
  offence: OffenceCategory;
  justification: string;
  requester: Official;
  createdAt: string;
  searchedBy: ('biometrics' | 'identity-data')[];
  flags: Flags;
  hits: RecordRef[];
  followUps: Partial<Record<ConsultationSystem, FollowUp>>;
  /** Optimistic locking: every write is conditioned on the version read. */
  version: number;
}

export interface ConsultationInput {
  caseReference: string;
  offence: OffenceCategory;
  justification: string;
}

/** Flags from the hits of the CIR search: hit or no-hit per system, nothing more. */
export function flagsOf(hits: readonly RecordRef[]): Flags {
  const flags = Object.fromEntries(CONSULTATION_SYSTEMS.map((system) => [system, 'no-hit'])) as Flags;
  for (const hit of hits) if (isConsultationSystem(hit.system)) flags[hit.system] = 'hit';
  return flags;
}

export function openConsultation(args: {
  id: string;
  input: ConsultationInput;
  requester: Official;
  searchedBy: Consultation['searchedBy'];
  hits: readonly RecordRef[];
  now: Date;
}): Consultation {
  const { input } = args;
  if (!input.caseReference.trim())
    throw unprocessable('CASE_REFERENCE_REQUIRED', 'a case reference is required');
  if (!input.justification.trim())
    throw unprocessable('JUSTIFICATION_REQUIRED', 'a justification is required');
  const hits = args.hits.filter((hit) => isConsultationSystem(hit.system));
  return {
    id: args.id,
    caseReference: input.caseReference.trim(),
    offence: input.offence,
    justification: input.justification.trim(),
    requester: args.requester,
    createdAt: args.now.toISOString(),
    searchedBy: args.searchedBy,
    flags: flagsOf(hits),
    hits: dedupe(hits),
    followUps: {},
    version: 1,
  };
}

/** The step-1 reply: flags only (no identity data, no record ids, no scores, no counts). */
export function flagReply(consultation: Consultation) {
  return {
    id: consultation.id,
    caseReference: consultation.caseReference,
    flags: consultation.flags,
    followUpRequired: outstandingFollowUps(consultation),
  };
}

/** Flagged systems for which the authority has neither requested access nor recorded why not (Art 22(4)). */
export function outstandingFollowUps(consultation: Consultation): ConsultationSystem[] {
  return CONSULTATION_SYSTEMS.filter(
    (system) => consultation.flags[system] === 'hit' && !consultation.followUps[system],
  );
}

/**
 * The same official: user id, authority and Member State. A user id alone is not enough: a token of
 * another authority or Member State could carry the same `sub`.
 */
export function isSameOfficial(a: Official, b: Official): boolean {
  return a.userId === b.userId && a.authority === b.authority && a.memberState === b.memberState;
}

/** Only the official who made the consultation works on it further. */
export function assertOwnConsultation(consultation: Consultation, caller: Official): void {
  if (!isSameOfficial(consultation.requester, caller)) {
    throw forbidden('NOT_THE_REQUESTER', 'only the official who made the consultation may act on it');
  }
}

/** Art 22(4): after a hit, the reason for not requesting access is recorded, once per system. */
export function recordNoAccessReason(
  consultation: Consultation,
  caller: Official,
  system: ConsultationSystem,
  reason: string,
  now: Date,
): Consultation {
  assertOwnConsultation(consultation, caller);
  if (consultation.flags[system] !== 'hit') {
    throw unprocessable('NO_HIT', `${system} was not flagged in this consultation`);
  }
  if (consultation.followUps[system]) {
    throw conflict('FOLLOW_UP_RECORDED', `a follow-up for ${system} is already recorded`, {
      followUp: consultation.followUps[system]!.kind,
    });
  }
  return {
    ...consultation,
    followUps: {
      ...consultation.followUps,
      [system]: { kind: 'no-access', reason: reason.trim(), at: now.toISOString(), by: caller.userId },
    },
    version: consultation.version + 1,
  };
}

export function hitsIn(consultation: Consultation, system: ConsultationSystem): RecordRef[] {
  return consultation.hits.filter((hit) => hit.system === system);
}

function dedupe(refs: readonly RecordRef[]): RecordRef[] {
  const seen = new Map<string, RecordRef>();
  for (const ref of refs)
    seen.set(`${ref.system}#${ref.recordId}`, { system: ref.system, recordId: ref.recordId });
  return [...seen.values()];
}
