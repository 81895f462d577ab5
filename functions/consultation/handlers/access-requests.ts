import { type ApiHandler, ok } from '../../shared/http';
import type { AccessRequestBody, DecisionBody, PendingQuery } from '../../shared/schemas/consultation';
import type { ConsultationDependencies } from '../dependencies';
import {
  type AccessRequest,
  assertAccess,
  decide,
  newAccessRequest,
  requestView,
} from '../domain/access-request';
import { hitsIn, isSameOfficial } from '../domain/consultation';
import { conflict, forbidden, notFound } from '../domain/errors';
import { TaskNoLongerWaiting } from '../domain/ports';
import { officialOf } from './official';

type ConsultationPath = { consultationId: string };
type RequestPath = { requestId: string };

export function accessRequestHandlers(deps: () => ConsultationDependencies) {
  const loadRequest = async (id: string) => {
    const request = await deps().store.getRequest(id);
    if (!request) throw notFound('access request');
    return request;
  };

  const annotate = (audit: Parameters<ApiHandler>[0]['audit'], request: AccessRequest) => {
    audit.caseReference = request.caseReference;
    audit.systems = [request.system];
    audit.purpose = `Art 22 access request (${request.offence})`;
    audit.details = {
      requestId: request.id,
      consultationId: request.consultationId,
      requester: request.requester.userId,
      urgent: request.urgent,
    };
  };

  /** Step 2 (Art 22(3)): one request per flagged system; starts the access-request workflow. */
  const create: ApiHandler<AccessRequestBody, ConsultationPath> = async (request) => {
    const d = deps();
    const consultation = await d.store.getConsultation(request.path.consultationId);
    if (!consultation) throw notFound('consultation');
    request.audit.caseReference = consultation.caseReference;
    request.audit.systems = [request.body.system];
    const followUp = consultation.followUps[request.body.system];
    const previous =
      followUp?.kind === 'access-request' ? await d.store.getRequest(followUp.requestId) : undefined;
    const { request: accessRequest, consultation: next } = newAccessRequest({
      id: d.newId(),
      consultation,
      input: request.body,
      caller: officialOf(request.caller),
      previous,
      now: d.now(),
    });
    annotate(request.audit, accessRequest);
    await d.store.createRequest(accessRequest, next, consultation.version);
    const { executionId } = await d.workflow().startExecution(accessRequest.id, {
      requestId: accessRequest.id,
      urgent: accessRequest.urgent,
      timeouts: d.timeouts,
    });
    request.audit.details = {
      ...request.audit.details,
      execution: executionId.split(':').pop() ?? executionId,
    };
    return { statusCode: 202, body: requestView(accessRequest) };
  };

  /** The requester, or a verifying authority of the requester's Member State, reads a request's state. */
  const get: ApiHandler<unknown, RequestPath> = async (request) => {
    const accessRequest = await loadRequest(request.path.requestId);
    annotate(request.audit, accessRequest);
    const { caller } = request;
    const isRequester = isSameOfficial(caller, accessRequest.requester);
    const isVerifier =
      caller.roles.includes('verifying-authority') &&
      caller.memberState === accessRequest.requester.memberState;
    if (!isRequester && !isVerifier)
      throw forbidden('NOT_PERMITTED', 'not the requester nor its verifying authority');
    return ok(requestView(accessRequest));
  };

  /** The verifying authority's queue: requests of its Member State awaiting a decision, oldest first. */
  const listPending: ApiHandler<unknown, Record<string, string>, PendingQuery> = async (request) => {
    const { requests, cursor } = await deps().store.listPending(request.caller.memberState, {
      limit: request.query.limit,
      cursor: request.query.cursor,
    });
    request.audit.resultCount = requests.length;
    request.audit.details = { memberState: request.caller.memberState };
    return ok({ requests: requests.map(requestView), cursor });
  };

  /** Four eyes; the decision goes to the waiting workflow through its task token. */
  const decideRequest: ApiHandler<DecisionBody, RequestPath> = async (request) => {
    const d = deps();
    const accessRequest = await loadRequest(request.path.requestId);
    annotate(request.audit, accessRequest);
    request.audit.details = { ...request.audit.details, decision: request.body.decision };
    const next = decide(accessRequest, request.caller, request.body.decision, request.body.reason, d.now());
    await d.store.saveRequest(next, accessRequest.version);
    try {
      await d.workflow().sendTaskSuccess(accessRequest.taskToken ?? '', {
        decision: request.body.decision,
        decidedBy: request.caller.userId,
      });
    } catch (error) {
      if (error instanceof TaskNoLongerWaiting) {
        throw conflict('NOT_PENDING', 'the request expired before the decision reached its workflow');
      }
      throw error;
    }
    return ok(requestView(next));
  };

  /** Grant use: the data of the granted system for that person, for the requester, while valid. */
  const data: ApiHandler<unknown, RequestPath> = async (request) => {
    const d = deps();
    const accessRequest = await loadRequest(request.path.requestId);
    annotate(request.audit, accessRequest);
    request.audit.details = { ...request.audit.details, grantUse: true };
    assertAccess(accessRequest, request.caller, d.now());
    const consultation = await d.store.getConsultation(accessRequest.consultationId);
    if (!consultation) throw notFound('consultation');
    const refs = hitsIn(consultation, accessRequest.system);
    const files = await d.consultationSearch.files(refs);
    request.audit.records = refs;
    request.audit.resultCount = files.length;
    return ok({
      requestId: accessRequest.id,
      caseReference: accessRequest.caseReference,
      system: accessRequest.system,
      validUntil: accessRequest.grant?.validUntil,
      files: files.map(({ recordId, identity, travelDocuments }) => ({
        recordId,
        identity,
        travelDocuments,
      })),
    });
  };

  return {
    createAccessRequest: create,
    getAccessRequest: get,
    listAccessRequests: listPending,
    decideAccessRequest: decideRequest,
    getAccessRequestData: data,
  };
}
