import * as z from 'zod';
import { ROUTES, type RouteDefinition } from '../routes';

/** JSON Schema of a request body as API Gateway request validation wants it (draft-04). */
export function requestModelSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-04',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        requestId: { type: 'string' },
        details: { type: 'object' },
      },
      required: ['code', 'message'],
    },
  },
};

/** The OpenAPI 3.0 document, generated from the route table and its zod schemas. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'EU interoperability components API',
      version: '1.0.0',
      description:
        'CIR ingestion, sBMS, MID, ESP, consultation, logs and statistics (Regulations (EU) 2019/817 and 2019/818).',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }],
    paths: {
      '/health': {
        get: { operationId: 'health', security: [], responses: { 200: { description: 'alive' } } },
      },
      ...paths,
    },
  };
}

function operation(route: RouteDefinition) {
  const parameters = [
    ...objectParameters(route.request.path, 'path'),
    ...objectParameters(route.request.query, 'query'),
    ...objectParameters(route.request.headers, 'header'),
  ];
  const errors = route.public
    ? { 400: 'invalid request' }
    : { 400: 'invalid request', 401: 'no valid token', 403: 'role or system not admitted' };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.public
      ? 'Public: no token; rate-limited per source address (429 with Retry-After)'
      : `Roles: ${route.roles.join(', ')}`,
    tags: [route.component],
    ...(route.public ? { security: [] } : {}),
    parameters,
    ...(route.request.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: openApiSchema(route.request.body) } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries({ ...errors, ...route.responses }).map(([status, description]) => [
        status,
        Number(status) >= 400
          ? {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            }
          : { description },
      ]),
    ),
  };
}

function objectParameters(schema: z.ZodObject | undefined, location: 'path' | 'query' | 'header') {
  if (!schema) return [];
  const json = openApiSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function openApiSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
}
