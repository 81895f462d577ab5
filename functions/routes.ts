import { z } from 'zod';
import type { Role } from './shared/auth/roles';
import { auditQuerySchema } from './shared/schemas/audit';
import { originSystemSchema, recordBodySchema, recordIdSchema } from './shared/schemas/record';

/**
 * The route table, defined once: the CDK API construct and the local API server both read it, the
 * OpenAPI document is generated from it, and the authorisation matrix test walks it.
 */
export const COMPONENTS = ['cir', 'audit'] as const;
export type Component = (typeof COMPONENTS)[number];

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteDefinition {
  operationId: string;
  method: HttpMethod;
  /** API Gateway resource path, `{name}` for parameters. */
  path: string;
  component: Component;
  roles: readonly Role[];
  summary: string;
  request: {
    path?: z.ZodObject;
    query?: z.ZodObject;
    body?: z.ZodType;
  };
  /** Status codes the route answers with, beyond 400/401/403/500 which every route may return. */
  responses: Record<number, string>;
  /** Only origin systems writing their own records: the `{system}` path parameter must equal the token's. */
  ownSystemOnly?: boolean;
}

const recordPath = z.object({ system: originSystemSchema, recordId: recordIdSchema });

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
    operationId: 'listAudit',
    method: 'GET',
    path: '/v1/audit',
    component: 'audit',
    roles: ['data-protection-officer'],
    summary: 'Read the access log (Arts 10, 16, 24, 36), filtered by day range, user, authority, action',
    request: { query: auditQuerySchema },
    responses: { 200: 'log entries, newest first, with a cursor' },
  },
];

export function findRoute(method: string, path: string): RouteDefinition | undefined {
  return ROUTES.find((route) => route.method === method && route.path === path);
}
