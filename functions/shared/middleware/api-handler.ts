import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { AuditLog } from '../../audit/domain/ports';
import { type EventRecorder, eventRecorderFromEnv } from '../../statistics/recorder';
import { ApiError } from '../errors';
import type { ApiHandler, ApiResponse } from '../http';
import { logger, metrics, tracer } from '../powertools';
import {
  type ApiContext,
  auditAndRespond,
  authenticate,
  authorise,
  parseAndValidate,
  resolveRoute,
} from './api-pipeline';

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own request types from the route's schemas
type AnyApiHandler = ApiHandler<any, any, any>;

/**
 * One Lambda per component: dispatches by operationId to its handlers, inside the shared middy
 * stack (Powertools logger, metrics, tracer; route, auth, body, zod validation; audit; error mapper).
 */
export function createApiHandler(
  handlers: Record<string, AnyApiHandler>,
  audit: () => AuditLog,
  statistics: () => EventRecorder = eventRecorderFromEnv,
) {
  const dispatch = async (
    _event: APIGatewayProxyEvent,
    context: ApiContext,
  ): Promise<APIGatewayProxyResult> => {
    const { route, request } = context.api;
    const handler = route ? handlers[route.operationId] : undefined;
    if (!route || !request || !handler) throw new ApiError(404, 'NO_SUCH_ROUTE', 'no such route');
    metrics.addDimension('operation', route.operationId);
    const response: ApiResponse = await handler(request);
    return response as unknown as APIGatewayProxyResult;
  };
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, ApiContext>(dispatch)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined }))
    .use(captureLambdaHandler(tracer))
    .use(resolveRoute())
    .use(authenticate())
    .use(authorise())
    .use(parseAndValidate())
    .use(auditAndRespond(audit, statistics));
}
