import { NotFound } from '../../shared/errors';
import { type ApiHandler, type ApiResponse, ok } from '../../shared/http';
import type {
  AnswerBody,
  DataSubjectRequestBody,
  ExtensionBody,
  IdentityVerificationBody,
  RequestQueueQuery,
} from '../../shared/schemas/rights';
import type { PersonDirectory, RightsStore } from '../domain/ports';
import {
  answerRequest,
  assertAwaitsIdentity,
  assertHeldBy,
  daysLeft,
  extendDeadline,
  type Officer,
  officerView,
  publicView,
  receiveRequest,
  recordIdentityVerification,
} from '../domain/request';

export interface RequestDependencies {
  store: RightsStore;
  directory: PersonDirectory;
  now: () => Date;
}

type ReferencePath = { reference: string };

/** Wrong access codes after which a request reference is locked (issue 20). */
export const MAX_ACCESS_CODE_FAILURES = 10;

const officerOf = (request: { caller: Officer }): Officer => ({
  userId: request.caller.userId,
  authority: request.caller.authority,
  memberState: request.caller.memberState,
});

/** Arts 47-49: the public request, its status, and the authority's queue, identity step, extension and answer. */
export function requestHandlers(dependencies: () => RequestDependencies) {
  const submitDataSubjectRequest: ApiHandler<DataSubjectRequestBody> = async (request) => {
    const { store, now } = dependencies();
    // No lookup of CIR or MID data here: the reply must not depend on whether data exist.
    const { request: received, accessCode } = receiveRequest(request.body, now());
    await store.createRequest(received);
    request.audit.purpose = 'data-subject-request';
    request.audit.caseReference = received.reference;
    request.audit.details = { type: received.type, lodgedWith: received.lodgedWith, step: 'received' };
    return {
      statusCode: 202,
      body: {
        reference: received.reference,
        accessCode,
        status: received.status,
        receivedAt: received.receivedAt,
      },
    };
  };

  /**
   * After MAX_ACCESS_CODE_FAILURES wrong codes for a reference (from any address) the reference is
   * locked: every later call, even with the right code, gets the reply of an unknown reference. The
   * same reads and writes happen whether or not the reference exists, so neither reply nor timing
   * tells the two apart. The person then asks the authority, which sees the request in its queue.
   */
  const getDataSubjectRequestStatus: ApiHandler<unknown, ReferencePath> = async (request) => {
    const { store, now } = dependencies();
    const { reference } = request.path;
    request.audit.purpose = 'data-subject-request';
    request.audit.caseReference = reference;
    const [failures, stored] = await Promise.all([
      store.accessCodeFailures(reference),
      store.getRequest(reference),
    ]);
    if (failures >= MAX_ACCESS_CODE_FAILURES) {
      request.audit.details = { accessCode: 'locked' };
      throw new NotFound('request');
    }
    try {
      return ok(publicView(stored, request.headers?.['x-access-code'] ?? ''));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      request.audit.details = { accessCode: 'refused' };
      await store.countAccessCodeFailure(reference, now());
      throw error;
    }
  };

  const listDataSubjectRequests: ApiHandler<unknown, Record<string, string>, RequestQueueQuery> = async (
    request,
  ) => {
    const { store, now } = dependencies();
    const page = await store.listOpen(request.caller.memberState, request.query);
    request.audit.purpose = 'data-subject-request';
    request.audit.resultCount = page.items.length;
    const at = now();
    return ok({
      memberState: request.caller.memberState,
      requests: page.items.map((item) => ({ ...officerView(item), daysLeft: daysLeft(item, at) })),
      cursor: page.cursor,
    });
  };

  /** Reads the request held by the caller's Member State, applies a step, saves it conditionally. */
  const step =
    <Body>(
      name: string,
      apply: (
        held: ReturnType<typeof assertHeldBy>,
        body: Body,
        officer: Officer,
        dependencies: RequestDependencies,
      ) => Promise<{ next: ReturnType<typeof assertHeldBy>; reply?: Record<string, unknown> }>,
    ): ApiHandler<Body, ReferencePath> =>
    async (request): Promise<ApiResponse> => {
      const deps = dependencies();
      request.audit.purpose = 'data-subject-request';
      request.audit.caseReference = request.path.reference;
      const officer = officerOf(request);
      const held = assertHeldBy(await deps.store.getRequest(request.path.reference), officer);
      const { next, reply } = await apply(held, request.body, officer, deps);
      // The person's files the step read (identity step, access answer) or instructed (rectification, erasure).
      if (next.person && name !== 'extended') request.audit.records = next.person.records;
      request.audit.details = { step: name, type: next.type, status: next.status, heldBy: next.memberState };
      return ok({ request: officerView(next), ...reply });
    };

  const verifyRequesterIdentity = step<IdentityVerificationBody>(
    'identity-verified',
    async (held, body, officer, { store, directory, now }) => {
      assertAwaitsIdentity(held);
      const person = await directory.find(held.subject);
      const next = recordIdentityVerification(held, body, officer, person, now());
      await store.saveRequest(next, held.version);
      return { next, reply: { forwarded: next.memberState !== held.memberState } };
    },
  );

  const extendRequestDeadline = step<ExtensionBody>(
    'extended',
    async (held, body, officer, { store, now }) => {
      const next = extendDeadline(held, body.reason, officer, now());
      await store.saveRequest(next, held.version);
      return { next };
    },
  );

  const answerDataSubjectRequest = step<AnswerBody>(
    'answered',
    async (held, body, officer, { store, directory, now }) => {
      const data = held.type === 'access' && held.person ? await directory.dataOf(held.person) : undefined;
      const { request: next, instructions } = answerRequest(held, body, officer, now(), data);
      await store.saveAnswer(next, held.version, instructions);
      return { next, reply: { instructions } };
    },
  );

  return {
    submitDataSubjectRequest,
    getDataSubjectRequestStatus,
    listDataSubjectRequests,
    verifyRequesterIdentity,
    extendRequestDeadline,
    answerDataSubjectRequest,
  };
}
