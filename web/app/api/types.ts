/**
 * Request and reply types of the API calls the app makes. Requests come from the shared zod schemas
 * (the same ones that validate on the server and make the OpenAPI document); replies from the
 * domain types where they are importable without server code, otherwise written out here.
 */
import type { z } from 'zod';
import type { ChainedAuditEntry } from '../../../functions/audit/domain/entry';
import type { AutomaticColour } from '../../../functions/mid/domain/colour';
import type { IdentityComparison, LinkColour, RecordRef } from '../../../functions/mid/domain/types';
import type { auditQuerySchema } from '../../../functions/shared/schemas/audit';
import type {
  accessRequestBodySchema,
  consultationBodySchema,
  decisionBodySchema,
  identityCheckBodySchema,
} from '../../../functions/shared/schemas/consultation';
import type { espSearchBodySchema } from '../../../functions/shared/schemas/esp';
import type { verificationBodySchema } from '../../../functions/shared/schemas/mid';
import type { Identity, TravelDocument } from '../../../functions/shared/schemas/record';
import type { statisticsQuerySchema } from '../../../functions/shared/schemas/statistics';
import type { AccuracyReport } from '../../../functions/statistics/domain/accuracy-report';
import type { StatisticsRow } from '../../../functions/statistics/domain/report';

export type { ChainedAuditEntry, Identity, LinkColour, RecordRef, StatisticsRow, TravelDocument };

export type EspSearchBody = z.input<typeof espSearchBodySchema>;
export type EspQuery = EspSearchBody['query'];
export type VerificationBody = z.input<typeof verificationBodySchema>;
export type AuditQuery = Partial<Omit<z.output<typeof auditQuerySchema>, 'limit'>> & { limit?: number };

/** `GET /v1/esp/profile`: the caller's ESP profile, without the returned-field lists. */
export interface EspProfileView {
  id: string;
  description: string;
  purposes: string[];
  reply: 'records' | 'flags';
  queryFields: string[];
  systems: string[];
  version?: string;
}

export type SourceStatus = 'hit' | 'no_hit' | 'unavailable' | 'timed_out';

export interface EspReplyHit {
  matchedOn: string[];
  score: number;
  record: Record<string, unknown>;
}

export interface EspReply {
  profileId: string;
  profilesVersion: string;
  queryType: string;
  elapsedMs: number;
  results: { source: string; status: SourceStatus; elapsedMs: number; hits?: EspReplyHit[] }[];
}

export interface QueueItem {
  linkId: string;
  records: [RecordRef, RecordRef];
  yellowSince: string;
  ageSeconds: number;
  version: number;
}

/** An open data-subject request in the rights officer's queue (Arts 47-48), as `GET /v1/data-subject-requests` gives it. */
export interface RightsQueueItem {
  reference: string;
  type: 'access' | 'rectification' | 'erasure';
  status: string;
  lodgedWith: string;
  receivedAt: string;
  deadline: string;
  daysLeft: number;
  extension?: { at: string; reason: string };
}

export interface RightsQueuePage {
  memberState: string;
  requests: RightsQueueItem[];
  cursor?: string;
}

export interface QueuePage {
  colour: 'yellow';
  items: QueueItem[];
  nextCursor?: string;
}

export interface LinkHistoryEntry {
  at: string;
  by: { kind: 'mid' } | { kind: 'user'; userId: string; authority: string };
  event: string;
  fromColour: LinkColour | null;
  toColour: LinkColour;
  reason?: string;
  justification?: string;
  responsibleAuthority: string;
  sin?: string;
}

export interface IndividualFileView {
  memberState?: string;
  identity: Identity;
  travelDocuments: TravelDocument[];
  hasBiometrics: boolean;
}

export interface ConfirmationFile {
  linkId: string;
  colour: LinkColour;
  classifiedBy: 'mid' | 'manual';
  records: { ref: RecordRef; sin?: string }[];
  sin?: string;
  responsibleAuthority: string;
  createdAt: string;
  updatedAt: string;
  yellowSince?: string;
  version: number;
  evidence: {
    comparedAt: string;
    comparedFrom: RecordRef;
    identity: IdentityComparison;
    biometric: { kind: 'same' | 'different'; score: number } | { kind: 'absent' };
    document: 'same' | 'near' | 'different' | 'absent';
    hasBiometrics: [boolean, boolean];
    automatic: AutomaticColour;
  };
  history: LinkHistoryEntry[];
  /** Only on `GET /v1/mid/links/{linkId}`: both files side by side; `file` null when the CIR no longer holds it. */
  files?: { ref: RecordRef; sin?: string; file: IndividualFileView | null }[];
}

export interface AuditPage {
  entries: ChainedAuditEntry[];
  cursor?: string;
}

export interface AuditVerification {
  chains: number;
  entries: number;
  problems: { chain: string; seq: number; problem: string }[];
  verifiedAt?: string;
}

export type ConsultationBody = z.input<typeof consultationBodySchema>;
export type AccessRequestBody = z.input<typeof accessRequestBodySchema>;
export type DecisionBody = z.input<typeof decisionBodySchema>;
export type IdentityCheckBody = z.input<typeof identityCheckBodySchema>;

/** Step 1 reply: flags per system, nothing else (Art 22(2)). */
export interface FlagReply {
  id: string;
  caseReference: string;
  flags: Record<string, 'hit' | 'no-hit'>;
  followUpRequired: string[];
}

export interface Official {
  userId: string;
  authority: string;
  memberState: string;
}

export interface AccessRequestView {
  id: string;
  consultationId: string;
  caseReference: string;
  offence: string;
  system: string;
  justification: string;
  urgent: boolean;
  requester: Official;
  createdAt: string;
  status: string;
  decideBy?: string;
  decision?: { decision: 'approve' | 'refuse'; reason: string; by: Official; at: string };
  grant?: { validFrom: string; validUntil: string; revokedAt?: string };
  supervisoryFlag?: { reason: string; at: string };
}

export interface GrantedData {
  requestId: string;
  caseReference: string;
  system: string;
  validUntil?: string;
  files: { recordId: string; identity: Identity; travelDocuments: TravelDocument[] }[];
}

export interface IdentityCheckReply {
  reason: string;
  method: 'biometrics' | 'identity-data';
  fallback?: 'biometrics-missing' | 'biometrics-unusable' | 'no-biometric-hit';
  hit: boolean;
  files: { system: string; recordId: string; identity: Identity; travelDocuments: TravelDocument[] }[];
}

/** `GET /v1/statistics` (and `.csv`): day range and Member State; the server defaults to the last 30 days. */
export type StatisticsQuery = Partial<
  Pick<z.input<typeof statisticsQuerySchema>, 'from' | 'to' | 'memberState'>
>;

export interface StatisticsReply {
  from: string;
  to: string;
  memberState?: string;
  /** Counts below it come as `count: null, suppressed: true`. */
  suppressionThreshold: number;
  rows: StatisticsRow[];
}

/** `GET /v1/statistics/mid-accuracy`: the MID's rules measured from verifiers' decisions (null: suppressed). */
export interface MidAccuracyReply extends AccuracyReport {
  from: string;
  to: string;
  memberState?: string;
  regions: { order: string[]; nationalities: Record<string, string[]> };
}
