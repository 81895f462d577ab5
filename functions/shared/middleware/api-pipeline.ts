import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { AuditEntryInput } from '../../audit/domain/entry';
import { resultTypeFor } from '../../audit/domain/entry';
import type { AuditLog } from '../../audit/domain/ports';
import { findRoute, type RouteDefinition } from '../../routes';
import type { EventRecorder } from '../../statistics/recorder';
import { type Caller, callerFromClaims, hasAnyRole, profileAdmitted } from '../auth/claims';
import { loadConfig } from '../config';
import { ApiError, Forbidden, isClientError, Unauthenticated, ValidationFailed } from '../errors';
import { API_SECURITY_HEADERS, type ApiRequest, type ApiResponse, type AuditAnnotations } from '../http';
import { logger, metrics } from '../powertools';
import { parseOrThrow } from '../validation';

export interface ApiState {
  route?: RouteDefinition;
  caller?: Caller;
  request?: ApiRequest;
  annotations: AuditAnnotations;
}

export type ApiContext = Context & { api: ApiState };
export type ApiMiddyRequest = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult, Error, ApiContext>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, ApiContext>;

const MAX_BODY_BYTES = 256 * 1024;

export function resolveRoute(): Middleware {
  return {
    before: (request) => {
      request.context.api = { annotations: {} };
      const route = findRoute(request.event.httpMethod, request.event.resource);
      if (!route) throw new ApiError(404, 'NO_SUCH_ROUTE', 'no such route');
      request.context.api.route = route;
    },
  };
}

export function authenticate(): Middleware {
  return {
    before: (request) => {
      const { route } = request.context.api;
      // A public route ignores any token: every caller is the same anonymous one (and is logged as such).
      const caller = route?.public
        ? ANONYMOUS_CALLER
        : // A Cognito authorizer nests the claims; a Lambda authorizer's context is the claims (LocalStack).
          callerFromClaims(
            request.event.requestContext?.authorizer?.claims ?? request.event.requestContext?.authorizer,
          );
      if (!caller) throw new Unauthenticated();
      request.context.api.caller = caller;
    },
  };
}

export function authorise(): Middleware {
  return {
    before: (request) => {
      const { route, caller } = request.context.api;
      if (!route || !caller) throw new Unauthenticated();
      if (route.public) return;
      if (!hasAnyRole(caller, route.roles)) throw new Forbidden(`role not admitted to ${route.operationId}`);
      // A profile opens systems and fields: one a role does not admit (e.g. a designated authority with a
      // visa profile, which would skip the Art 22 consultation) makes the whole token suspect.
      if (!profileAdmitted(caller)) throw new Forbidden("the token's ESP profile is not one its roles admit");
      if (route.ownSystemOnly && request.event.pathParameters?.system !== caller.system) {
        throw new Forbidden('an origin system may act only on its own records');
      }
    },
  };
}

export function parseAndValidate(): Middleware {
  return {
    before: (request) => {
      const { route, caller } = request.context.api;
      if (!route || !caller) throw new Unauthenticated();
      const { event } = request;
      // Which resource first, then what to do with it: a bad path or query is named even with a bad body.
      const path = route.request.path
        ? parseOrThrow(route.request.path, event.pathParameters ?? {}, 'path')
        : {};
      const query = parseOrThrow(
        route.request.query ?? emptyQuery,
        event.queryStringParameters ?? {},
        'query',
      ) as Record<string, string>;
      const headers = route.request.headers
        ? (parseOrThrow(route.request.headers, lowerCaseHeaders(event.headers), 'headers') as Record<
            string,
            string
          >)
        : undefined;
      let body: unknown;
      if (route.request.body) {
        const raw =
          event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString() : event.body;
        if (!raw) throw new ValidationFailed([{ field: 'body', message: 'a JSON body is required' }]);
        if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
          throw new ValidationFailed([{ field: 'body', message: `larger than ${MAX_BODY_BYTES} bytes` }]);
        }
        try {
          body = JSON.parse(raw);
        } catch {
          throw new ValidationFailed([{ field: 'body', message: 'not valid JSON' }]);
        }
        body = parseOrThrow(route.request.body, body, 'body');
      }
      request.context.api.request = {
        caller,
        body,
        path: path as Record<string, string>,
        query,
        headers,
        requestId: requestIdOf(request),
        audit: request.context.api.annotations,
      };
    },
  };
}

/**
 * Attached last, so that its onError runs first: maps typed errors to 4xx and anything else to a
 * generic 500, serialises the reply and writes exactly one audit entry for every authenticated request.
 */
export function auditAndRespond(audit: () => AuditLog, statistics?: () => EventRecorder): Middleware {
  const finish = async (request: ApiMiddyRequest, response: ApiResponse) => {
    const { caller, route, annotations } = request.context.api ?? { annotations: {} };
    metrics.addMetric(
      response.statusCode >= 500 ? 'serverErrors' : response.statusCode >= 400 ? 'clientErrors' : 'requests',
      MetricUnit.Count,
      1,
    );
    if (caller && route) {
      const entry = auditEntry(request, caller, route, annotations, response.statusCode);
      await audit().append(entry);
      // CRRS (Art 39): the anonymised counters derived from the entry (never fails the request).
      await statistics?.().auditEntry(entry);
    }
    request.response = toProxyResult(response, requestIdOf(request));
  };
  return {
    after: async (request) => {
      await finish(request, request.response as unknown as ApiResponse);
    },
    onError: async (request) => {
      const error = request.error;
      if (isClientError(error)) {
        await finish(request, {
          statusCode: error.httpStatus,
          body: { error: { code: error.code, message: error.message, details: error.details } },
        });
        return;
      }
      logger.error('unhandled error', { error: error as Error });
      await finish(request, {
        statusCode: 500,
        body: { error: { code: 'INTERNAL', message: 'internal error; quote the request id' } },
      });
    },
  };
}

/** The caller of a public route: no identity, no role, nothing personal in its audit entry. */
export const ANONYMOUS_CALLER: Caller = {
  userId: 'anonymous',
  authority: 'PUBLIC',
  memberState: 'EU',
  roles: [],
};

function lowerCaseHeaders(headers: APIGatewayProxyEvent['headers'] | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), value]],
    ),
  );
}

const emptyQuery = {
  safeParse: (value: unknown) => ({ success: true as const, data: value }),
} as unknown as NonNullable<RouteDefinition['request']['query']>;

function requestIdOf(request: ApiMiddyRequest): string {
  return request.event.requestContext?.requestId ?? request.context.awsRequestId;
}

function auditEntry(
  request: ApiMiddyRequest,
  caller: Caller,
  route: RouteDefinition,
  annotations: AuditAnnotations,
  status: number,
): AuditEntryInput {
  return {
    requestId: requestIdOf(request),
    timestamp: new Date().toISOString(),
    userId: caller.userId,
    authority: caller.authority,
    memberState: caller.memberState,
    roles: caller.roles,
    profile: caller.profile,
    purpose: annotations.purpose,
    caseReference: annotations.caseReference,
    action: route.operationId,
    systems: annotations.systems ?? [],
    records: annotations.records ?? [],
    resultType: resultTypeFor(status),
    httpStatus: status,
    resultCount: annotations.resultCount,
    details: annotations.details,
  };
}

function toProxyResult(response: ApiResponse, requestId: string): APIGatewayProxyResult {
  let body = response.body;
  if (response.statusCode >= 400 && body && typeof body === 'object' && 'error' in body) {
    body = { error: { ...(body as { error: object }).error, requestId } };
  }
  return {
    statusCode: response.statusCode,
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...corsHeaders(loadConfig().CORS_ALLOWED_ORIGIN),
      ...response.headers,
      ...API_SECURITY_HEADERS,
    },
    // A text reply (e.g. a CSV export) goes out as it is; everything else is JSON.
    body:
      body === undefined
        ? ''
        : typeof body === 'string' && response.headers?.['content-type']?.startsWith('text/')
          ? body
          : JSON.stringify(body),
  };
}

/** The browser app's origin (AWS only; locally the app and the API share one origin). */
const corsHeaders = (origin: string | undefined): Record<string, string> =>
  origin
    ? {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'x-request-id, content-disposition, retry-after',
        vary: 'Origin',
      }
    : {};
