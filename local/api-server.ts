import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type Component, ROUTES, type RouteDefinition } from '../functions/routes';
import { loadConfig, type PlatformConfig } from '../functions/shared/config';
import { API_SECURITY_HEADERS } from '../functions/shared/http';
import { logger } from '../functions/shared/powertools';
import type { LocalTokenIssuer } from './auth/tokens';
import { TokenBuckets } from './rate-limit';

/** API Gateway refuses bodies over 10 MB before any function runs; so does the local server. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export type ApiGatewayHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;
export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => boolean;
/** Local-only routes outside the route table (e.g. demo sign-in); answers true when it handled the request. */
export type ExtraRoutes = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

export interface ApiServerOptions {
  port: number;
  /** Rate limit of the public routes per client address (default: from the config loader). */
  publicRateLimit?: Pick<PlatformConfig, 'PUBLIC_RATE_LIMIT_PER_MINUTE' | 'PUBLIC_RATE_BURST'>;
  tokens: LocalTokenIssuer;
  loadHandler: (component: Component) => Promise<ApiGatewayHandler>;
  openApi: () => object;
  staticFiles?: StaticHandler;
  extraRoutes?: ExtraRoutes;
}

/**
 * Serves the route table as API Gateway would: the bearer token is verified here (the Cognito
 * authorizer's job), then the request becomes a REST API proxy event for the component's handler.
 */
export async function startApiServer(
  options: ApiServerOptions,
): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const limits = options.publicRateLimit ?? loadConfig();
  const publicLimiter = new TokenBuckets(limits.PUBLIC_RATE_BURST, limits.PUBLIC_RATE_LIMIT_PER_MINUTE / 60);
  const server = createServer((request, response) => {
    handle(options, publicLimiter, request, response).catch((error: unknown) => {
      logger.error('local api server: unhandled error', { error: error as Error });
      if (!response.headersSent) send(response, 502, { message: 'Internal server error' });
    });
  });
  // Node answers an oversized header block (431) or a malformed request (400) itself: logged like any refusal.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    logRefusal({ status, sourceIp: socket.remoteAddress, reason: error.code ?? 'client error' });
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n${Object.entries(
          API_SECURITY_HEADERS,
        )
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('')}\r\n`,
      );
    } else socket.destroy();
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  options: ApiServerOptions,
  publicLimiter: TokenBuckets,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  // API Gateway refuses a path it cannot decode before any route or file is looked up.
  if (!isDecodable(url.pathname)) {
    return send(response, 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'path: malformed percent-encoding',
        details: { issues: [{ field: 'path', message: 'malformed percent-encoding' }] },
      },
    });
  }
  if (method === 'GET' && url.pathname === '/health') return send(response, 200, { status: 'ok' });
  if (method === 'GET' && url.pathname === '/openapi.json') return send(response, 200, options.openApi());
  if (await options.extraRoutes?.(request, response)) return;
  const match = matchRoute(method, url.pathname);
  const refuse = (status: number, reply: Record<string, string>, headers: Record<string, string> = {}) => {
    logRefusal({
      status,
      method,
      path: match?.route.path ?? 'unmatched',
      sourceIp: request.socket.remoteAddress,
    });
    send(response, status, reply, headers);
  };
  if (!match) {
    // The API's own paths never fall through to the web app: an unknown one is a JSON 404.
    if (method === 'GET' && !isApiPath(url.pathname) && options.staticFiles?.(request, response)) return;
    const pathKnown = compiled.some((c) => c.pattern.test(url.pathname));
    return send(response, pathKnown ? 405 : 404, { message: pathKnown ? 'Method not allowed' : 'Not found' });
  }
  if (match.route.public) {
    // What the WAF rate-based rule does in AWS: per source address, before any function runs.
    const wait = publicLimiter.take(request.socket.remoteAddress ?? 'unknown');
    if (wait > 0) return refuse(429, { message: 'Too many requests' }, { 'retry-after': String(wait) });
  }
  const tooLarge = () => refuse(413, { message: 'Request too large' }, { connection: 'close' });
  if (Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return tooLarge();
  const body = await readBody(request);
  if (body === undefined) return tooLarge();
  // Public routes have no authorizer: a token, valid or not, is neither checked nor passed on.
  const authorization = match.route.public ? '' : (request.headers.authorization ?? '');
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const claims = token ? await options.tokens.verify(token) : undefined;
  if (!claims && !match.route.public) return refuse(401, { message: 'Unauthorized' });

  const requestId = randomUUID();
  const event = toEvent(match, method, url, request, body, claims, requestId);
  const handler = await options.loadHandler(match.route.component);
  const result = await handler(event, lambdaContext(match.route.component, requestId));
  response.writeHead(result.statusCode, { ...(result.headers as Record<string, string>) });
  response.end(result.body);
}

function matchRoute(method: string, pathname: string) {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const found = candidate.pattern.exec(pathname);
    if (!found) continue;
    // The whole path decodes (checked first), so each of its segments does.
    const params = Object.fromEntries(
      candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
    );
    return { route: candidate.route, params };
  }
  return undefined;
}

function toEvent(
  match: { route: RouteDefinition; params: Record<string, string> },
  method: string,
  url: URL,
  request: IncomingMessage,
  body: string,
  claims: Record<string, unknown> | undefined,
  requestId: string,
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
  }
  const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : null;
  // API Gateway passes claims to the function as strings; arrays become comma-separated.
  const stringClaims = Object.fromEntries(
    Object.entries(claims ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
  return {
    resource: match.route.path,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders: {},
    queryStringParameters: query,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(match.params).length ? match.params : null,
    stageVariables: null,
    body: body.length ? body : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: claims ? { claims: stringClaims } : null,
      httpMethod: method,
      identity: { sourceIp: request.socket.remoteAddress ?? '127.0.0.1' },
      path: url.pathname,
      protocol: 'HTTP/1.1',
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: match.route.path,
      stage: 'local',
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

function lambdaContext(component: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${component}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:local-${component}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/local/${component}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...API_SECURITY_HEADERS, ...headers });
  response.end(JSON.stringify(body));
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Paths of the API (route table, health, OpenAPI), which the web app never answers. */
const isApiPath = (pathname: string) => pathname === '/v1' || pathname.startsWith('/v1/');

/**
 * A request refused before any function ran (no audit entry is written for it): one line in the
 * structured log, as API Gateway's access log records it in AWS (docs/reliability.md).
 */
function logRefusal(refusal: {
  status: number;
  sourceIp?: string;
  method?: string;
  path?: string;
  reason?: string;
}) {
  logger.warn('request refused', { requestId: randomUUID(), ...refusal });
}

export { lambdaContext };
