import * as z from 'zod';
import { ESP_ROLES, type Role } from './shared/auth/roles';
import { auditHoldBodySchema, auditQuerySchema, auditVerificationQuerySchema } from './shared/schemas/audit';
import {
  accessRequestBodySchema,
  accessRequestPathSchema,
  consultationBodySchema,
  consultationPathSchema,
  decisionBodySchema,
  identityCheckBodySchema,
  noAccessReasonBodySchema,
  pendingQuerySchema,
} from './shared/schemas/consultation';
import { dataQualityQuerySchema } from './shared/schemas/data-quality';
import { espSearchBodySchema } from './shared/schemas/esp';
import { linkListQuerySchema, linkPathSchema, verificationBodySchema } from './shared/schemas/mid';
import {
  midResultQuerySchema,
  originSystemSchema,
  recordBodySchema,
  recordIdSchema,
} from './shared/schemas/record';
import {
  accessCodeHeadersSchema,
  answerBodySchema,
  dataSubjectRequestBodySchema,
  extensionBodySchema,
  identityVerificationBodySchema,
  instructionQuerySchema,
  notificationExceptionBodySchema,
  notificationPathSchema,
  notificationQuerySchema,
  requestPathSchema,
  requestQueueQuerySchema,
} from './shared/schemas/rights';
import { identifyBodySchema, verifyBodySchema } from './shared/schemas/sbms';
import { midAccuracyQuerySchema, statisticsQuerySchema } from './shared/schemas/statistics';

/**
 * The route table, defined once: the CDK API construct and the local API server both read it, the
 * OpenAPI document is generated from it, and the authorisation matrix test walks it.
 */
export const COMPONENTS = [
  'cir',
  'audit',
  'sbms',
  'mid',
  'esp',
  'consultation',
  'statistics',
  'rights',
] as const;
export type Component = (typeof COMPONENTS)[number];

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteDefinition {
  operationId: string;
  method: HttpMethod;
  /** API Gateway resource path, `{name}` for parameters. */
  path: string;
  component: Component;
  /** Roles admitted; `[]` for a public route. */
  roles: readonly Role[];
  /**
   * Open to anyone without a token (Art 49 portal): no authorizer, rate-limited per source address
   * (AWS WAF in AWS, a token bucket locally); the function sees an anonymous caller.
   */
  public?: true;
  summary: string;
  request: {
    path?: z.ZodObject;
    query?: z.ZodObject;
    /** Header names in lower case. */
    headers?: z.ZodObject;
    body?: z.ZodType;
  };
  /** Status codes the route answers with, beyond 400/401/403/500 which every route may return. */
  responses: Record<number, string>;
  /** Only origin systems writing their own records: the `{system}` path parameter must equal the token's. */
  ownSystemOnly?: boolean;
}

const recordPath = z.object({ system: originSystemSchema, recordId: recordIdSchema });

/** sBMS callers (issue 3): the internal components, police identity checks, ESP biometric queries. */
const SBMS_ROLES: readonly Role[] = ['internal-component', ...ESP_ROLES];

export const ROUTES: readonly RouteDefinition[] = [
  {
    operationId: 'putRecord',
    method: 'PUT',
    path: '/v1/systems/{system}/records/{recordId}',
    component: 'cir',
    roles: ['origin-system'],
    ownSystemOnly: true,
    summary: 'Create or update an individual file of the CIR; enqueues a MID check',
    request: { path: recordPath, body: recordBodySchema },
    responses: { 200: 'updated (or unchanged)', 201: 'created', 409: 'stale version' },
  },
  {
    operationId: 'getRecord',
    method: 'GET',
    path: '/v1/systems/{system}/records/{recordId}',
    component: 'cir',
    roles: ['origin-system'],
    ownSystemOnly: true,
    summary: 'Read an individual file, for its own origin system',
    request: { path: recordPath },
    responses: { 200: 'the individual file', 404: 'no such record' },
  },
  {
    operationId: 'deleteRecord',
    method: 'DELETE',
    path: '/v1/systems/{system}/records/{recordId}',
    component: 'cir',
    roles: ['origin-system'],
    ownSystemOnly: true,
    summary: 'Delete an individual file with its templates and links (Art 23)',
    request: { path: recordPath },
    responses: { 200: 'what was removed', 404: 'no such record' },
  },
  {
    operationId: 'getMidResult',
    method: 'GET',
    path: '/v1/systems/{system}/records/{recordId}/mid-result',
    component: 'cir',
    roles: ['origin-system'],
    ownSystemOnly: true,
    summary:
      'The result of the MID check of a written record, for its origin system (Arts 26, 29): pending or done, and the links it may see; waitSeconds holds the request until done',
    request: { path: recordPath, query: midResultQuerySchema },
    responses: { 200: 'status, version and the links with verifyNow', 404: 'no such record' },
  },
  {
    operationId: 'listAudit',
    method: 'GET',
    path: '/v1/audit',
    component: 'audit',
    roles: ['data-protection-officer'],
    summary: 'Read the access log (Arts 10, 16, 24, 36), filtered by day range, user, authority, action',
    request: { query: auditQuerySchema },
    responses: { 200: 'log entries, newest first, with a cursor' },
  },
  {
    operationId: 'verifyAudit',
    method: 'GET',
    path: '/v1/audit/verification',
    component: 'audit',
    roles: ['data-protection-officer'],
    summary:
      "Verify the log's hash chains of a day range (default the last 7, at most 31) against their heads; problems by chain and sequence",
    request: { query: auditVerificationQuerySchema },
    responses: { 200: 'chains and entries verified, problems found' },
  },
  {
    operationId: 'placeAuditHold',
    method: 'POST',
    path: '/v1/audit/holds',
    component: 'audit',
    roles: ['data-protection-officer'],
    summary:
      'Hold the log entries of a range of days beyond their year for a monitoring procedure under way (reason, end date); held entries skip the TTL',
    request: { body: auditHoldBodySchema },
    responses: { 201: 'the hold' },
  },
  {
    operationId: 'listAuditHolds',
    method: 'GET',
    path: '/v1/audit/holds',
    component: 'audit',
    roles: ['data-protection-officer'],
    summary: 'The log holds, with who placed them, why and until when',
    request: {},
    responses: { 200: 'the holds' },
  },
  {
    operationId: 'identify',
    method: 'POST',
    path: '/v1/sbms/identify',
    component: 'sbms',
    roles: SBMS_ROLES,
    summary: '1:N biometric identification over the shared gallery (Art 14); every search logged (Art 16)',
    request: { body: identifyBodySchema },
    responses: { 200: 'ranked candidates with fused and per-modality scores' },
  },
  {
    operationId: 'verify',
    method: 'POST',
    path: '/v1/sbms/verify',
    component: 'sbms',
    roles: SBMS_ROLES,
    summary: '1:1 biometric verification against one record (Art 14)',
    request: { body: verifyBodySchema },
    responses: { 200: 'score and decision', 404: 'no templates for that record' },
  },
  {
    operationId: 'listLinks',
    method: 'GET',
    path: '/v1/mid/links',
    component: 'mid',
    roles: ['link-verifier'],
    summary: "The caller's verification queue: yellow links routed to its authority, oldest first (Art 29)",
    request: { query: linkListQuerySchema },
    responses: { 200: 'queue page with ages and a cursor' },
  },
  {
    operationId: 'getLink',
    method: 'GET',
    path: '/v1/mid/links/{linkId}',
    component: 'mid',
    roles: ['link-verifier', ...ESP_ROLES],
    summary:
      'Identity confirmation file of a link (Art 34), both files side by side with the evidence (Art 26)',
    request: { path: linkPathSchema },
    responses: { 200: 'the identity confirmation file', 404: 'no such link, or not visible to the caller' },
  },
  {
    operationId: 'verifyLink',
    method: 'POST',
    path: '/v1/mid/links/{linkId}/verification',
    component: 'mid',
    roles: ['link-verifier'],
    summary: 'Manual verification of a link: white, green or red with a justification (Arts 29-33)',
    request: { path: linkPathSchema, body: verificationBodySchema },
    responses: {
      200: 'the link after classification',
      409: 'stale version',
      422: 'contradictory classification',
    },
  },
  {
    operationId: 'espSearch',
    method: 'POST',
    path: '/v1/esp/search',
    component: 'esp',
    roles: [...ESP_ROLES, 'designated-authority'],
    summary: "One query over every system the caller's profile allows, in parallel (Arts 6-11)",
    request: { body: espSearchBodySchema },
    responses: { 200: 'one result per permitted system with its status' },
  },
  {
    operationId: 'getEspProfile',
    method: 'GET',
    path: '/v1/esp/profile',
    component: 'esp',
    roles: [...ESP_ROLES, 'designated-authority'],
    summary: "The caller's ESP profile: purposes, allowed query fields and systems searched (for terminals)",
    request: {},
    responses: { 200: "the caller's profile" },
  },
  // Art 22 two-step consultation (designated and verifying authorities) and Art 20 identity checks.
  {
    operationId: 'createConsultation',
    method: 'POST',
    path: '/v1/consultations',
    component: 'consultation',
    roles: ['designated-authority'],
    summary:
      'Art 22 step 1: query the CIR for a case; the reply flags, per EES/VIS/ETIAS/EURODAC, hit or no-hit only',
    request: { body: consultationBodySchema },
    responses: { 201: 'the consultation with its flags' },
  },
  {
    operationId: 'getConsultation',
    method: 'GET',
    path: '/v1/consultations/{consultationId}',
    component: 'consultation',
    roles: ['designated-authority'],
    summary: 'A consultation of the caller: flags and follow-ups (access requested, or why not: Art 22(4))',
    request: { path: consultationPathSchema },
    responses: { 200: 'the consultation', 404: 'no such consultation' },
  },
  {
    operationId: 'createAccessRequest',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/access-requests',
    component: 'consultation',
    roles: ['designated-authority'],
    summary:
      'Art 22 step 2: request access to one flagged system; starts the verification workflow (urgent: granted at once)',
    request: { path: consultationPathSchema, body: accessRequestBodySchema },
    responses: {
      202: 'the request, submitted to the workflow',
      404: 'no such consultation',
      409: 'a request for that system is open, or no access was recorded',
      422: 'the system was not flagged',
    },
  },
  {
    operationId: 'recordNoAccessReason',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/no-access-reason',
    component: 'consultation',
    roles: ['designated-authority'],
    summary: 'Art 22(4): after a hit, record why access to that system is not requested',
    request: { path: consultationPathSchema, body: noAccessReasonBodySchema },
    responses: {
      200: 'the consultation',
      404: 'no such consultation',
      409: 'already recorded',
      422: 'no hit',
    },
  },
  {
    operationId: 'listAccessRequests',
    method: 'GET',
    path: '/v1/access-requests',
    component: 'consultation',
    roles: ['verifying-authority'],
    summary:
      "The verifying authority's queue: requests of its Member State awaiting a decision, oldest first",
    request: { query: pendingQuerySchema },
    responses: { 200: 'pending requests with a cursor' },
  },
  {
    operationId: 'getAccessRequest',
    method: 'GET',
    path: '/v1/access-requests/{requestId}',
    component: 'consultation',
    roles: ['designated-authority', 'verifying-authority'],
    summary:
      'An access request: status, decision, grant (for its requester and the verifying authorities of its Member State)',
    request: { path: accessRequestPathSchema },
    responses: { 200: 'the request', 404: 'no such request' },
  },
  {
    operationId: 'decideAccessRequest',
    method: 'POST',
    path: '/v1/access-requests/{requestId}/decision',
    component: 'consultation',
    roles: ['verifying-authority'],
    summary:
      'Approve or refuse (four eyes: a verifying authority of the same Member State, never the requester)',
    request: { path: accessRequestPathSchema, body: decisionBodySchema },
    responses: { 200: 'the request with the decision', 404: 'no such request', 409: 'no longer pending' },
  },
  {
    operationId: 'getAccessRequestData',
    method: 'GET',
    path: '/v1/access-requests/{requestId}/data',
    component: 'consultation',
    roles: ['designated-authority'],
    summary: "The granted system's data of the person, for the requester while the grant is valid",
    request: { path: accessRequestPathSchema },
    responses: { 200: 'the data', 404: 'no such request' },
  },
  {
    operationId: 'identityCheck',
    method: 'POST',
    path: '/v1/cir/identity-checks',
    component: 'consultation',
    roles: ['police'],
    summary:
      'Art 20 police identity check: live biometrics (1:N), identity data and travel document as fallback',
    request: { body: identityCheckBodySchema },
    responses: { 200: 'the CIR identity data of the hit, or no hit', 422: 'nothing to search with' },
  },
  // CRRS (Art 39): anonymised statistics.
  {
    operationId: 'getStatistics',
    method: 'GET',
    path: '/v1/statistics',
    component: 'statistics',
    roles: ['statistics'],
    summary: 'Anonymised counters per day and Member State (Art 39); counts below 5 suppressed',
    request: { query: statisticsQuerySchema },
    responses: { 200: 'rows of metric, day, Member State, dimensions and count' },
  },
  {
    operationId: 'getStatisticsCsv',
    method: 'GET',
    path: '/v1/statistics.csv',
    component: 'statistics',
    roles: ['statistics'],
    summary: 'The same figures as CSV (one column per dimension; `<5` where suppressed)',
    request: { query: statisticsQuerySchema },
    responses: { 200: 'text/csv' },
  },
  {
    operationId: 'getMidAccuracy',
    method: 'GET',
    path: '/v1/statistics/mid-accuracy',
    component: 'statistics',
    roles: ['statistics'],
    summary:
      "Accuracy of the MID's automatic rules from verifiers' decisions, per reason code, system pair and naming region (Arts 5, 37); counts below 5 suppressed",
    request: { query: midAccuracyQuerySchema },
    responses: {
      200: 'created, verified, waiting, same/different shares, median time to verification; burden and flags per region',
    },
  },
  // Art 37: data-quality indicators over the CIR and the templates, counted as files change.
  {
    operationId: 'getDataQuality',
    method: 'GET',
    path: '/v1/data-quality',
    component: 'statistics',
    roles: ['statistics'],
    summary: 'Data-quality indicators per origin system and Member State at the end of a month (Art 37)',
    request: { query: dataQualityQuerySchema },
    responses: { 200: 'per system and Member State: totals, and count, change and rate of each indicator' },
  },
  {
    operationId: 'getDataQualityCsv',
    method: 'GET',
    path: '/v1/data-quality.csv',
    component: 'statistics',
    roles: ['statistics'],
    summary: 'The monthly data-quality report as CSV (one line per system, Member State and indicator)',
    request: { query: dataQualityQuerySchema },
    responses: { 200: 'text/csv' },
  },
  // Data subjects' rights (Arts 32-34, 47-49): public requests, the authorities' side, notifications.
  {
    operationId: 'submitDataSubjectRequest',
    method: 'POST',
    path: '/v1/data-subject-requests',
    component: 'rights',
    roles: [],
    public: true,
    summary:
      'Art 48: lodge a request for access, rectification or erasure; the same reply whether or not data exist',
    request: { body: dataSubjectRequestBodySchema },
    responses: { 202: 'reference and access code; identity verification pending', 429: 'too many requests' },
  },
  {
    operationId: 'getDataSubjectRequestStatus',
    method: 'GET',
    path: '/v1/data-subject-requests/{reference}',
    component: 'rights',
    roles: [],
    public: true,
    summary: 'The status, deadline and written answer of a request, with its access code (x-access-code)',
    request: { path: requestPathSchema, headers: accessCodeHeadersSchema },
    responses: {
      200: 'status, type, dates and the answer',
      404: 'no such request, or a wrong code',
      429: 'too many requests',
    },
  },
  {
    operationId: 'listDataSubjectRequests',
    method: 'GET',
    path: '/v1/data-subject-requests',
    component: 'rights',
    roles: ['rights-officer'],
    summary: "The authority's queue: open requests held by its Member State, earliest deadline first",
    request: { query: requestQueueQuerySchema },
    responses: { 200: 'open requests with days left and a cursor' },
  },
  {
    operationId: 'verifyRequesterIdentity',
    method: 'POST',
    path: '/v1/data-subject-requests/{reference}/identity-verification',
    component: 'rights',
    roles: ['rights-officer'],
    summary:
      'Record how the identity was proven; then the person is looked up and the request routed to the responsible Member State',
    request: { path: requestPathSchema, body: identityVerificationBodySchema },
    responses: {
      200: 'the request, in progress, where it is now held',
      404: 'no such request held by this Member State',
      409: 'already verified',
    },
  },
  {
    operationId: 'extendRequestDeadline',
    method: 'POST',
    path: '/v1/data-subject-requests/{reference}/extension',
    component: 'rights',
    roles: ['rights-officer'],
    summary: 'Extend the 45-day deadline once by 15 days, with a reason (Art 48)',
    request: { path: requestPathSchema, body: extensionBodySchema },
    responses: {
      200: 'the request with its new deadline',
      404: 'no such request held by this Member State',
      409: 'already extended or answered',
    },
  },
  {
    operationId: 'answerDataSubjectRequest',
    method: 'POST',
    path: '/v1/data-subject-requests/{reference}/answer',
    component: 'rights',
    roles: ['rights-officer'],
    summary:
      'The written answer: the MID data and links for access; the decision for rectification or erasure (granted: instructions to the origin systems)',
    request: { path: requestPathSchema, body: answerBodySchema },
    responses: {
      200: 'the answered request and the instructions recorded',
      404: 'no such request held by this Member State',
      409: 'identity not verified, or already answered',
      422: 'decision missing or not applicable',
    },
  },
  {
    operationId: 'listRightsInstructions',
    method: 'GET',
    path: '/v1/systems/{system}/rights-instructions',
    component: 'rights',
    roles: ['origin-system'],
    ownSystemOnly: true,
    summary:
      'Granted rectifications and erasures the origin system is to apply to its records (then PUT or DELETE them)',
    request: { path: z.object({ system: originSystemSchema }), query: instructionQuerySchema },
    responses: { 200: 'instructions, oldest first, with a cursor' },
  },
  {
    operationId: 'listNotifications',
    method: 'GET',
    path: '/v1/notifications',
    component: 'rights',
    roles: ['rights-officer', 'link-verifier'],
    summary:
      "Notifications of red and white links (Arts 32(4), 33(3)) to send through the caller's authority, or withheld",
    request: { query: notificationQuerySchema },
    responses: { 200: 'notifications, oldest first, with a cursor' },
  },
  {
    operationId: 'recordNotificationException',
    method: 'POST',
    path: '/v1/notifications/{notificationId}/exception',
    component: 'rights',
    roles: ['rights-officer', 'link-verifier'],
    summary: 'Withhold a notification for security or an investigation, with a reason and a review date',
    request: { path: notificationPathSchema, body: notificationExceptionBodySchema },
    responses: {
      200: 'the notification, withheld',
      404: "no such notification for the caller's authority",
      409: 'already withheld',
    },
  },
];

export function findRoute(method: string, path: string): RouteDefinition | undefined {
  return ROUTES.find((route) => route.method === method && route.path === path);
}
