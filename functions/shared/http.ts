import type { RecordRef } from '../mid/domain/types';
import type { Caller } from './auth/claims';

/** What the audit middleware records beside who/when/what: filled in by the handler. */
export interface AuditAnnotations {
  systems?: string[];
  records?: RecordRef[];
  purpose?: string;
  caseReference?: string;
  resultCount?: number;
  /** Non-personal details, e.g. `{ removedTemplates: 3 }`. */
  details?: Record<string, string | number | boolean>;
}

export interface ApiRequest<Body = unknown, Path = Record<string, string>, Query = Record<string, string>> {
  caller: Caller;
  body: Body;
  path: Path;
  query: Query;
  /** The route's declared headers (lower-case names), validated; absent where it declares none. */
  headers?: Record<string, string>;
  requestId: string;
  /** Annotations for the audit entry, written by the handler as it learns them. */
  audit: AuditAnnotations;
}

export interface ApiResponse {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler<Body = unknown, Path = Record<string, string>, Query = Record<string, string>> = (
  request: ApiRequest<Body, Path, Query>,
) => Promise<ApiResponse>;

export const ok = (body: unknown): ApiResponse => ({ statusCode: 200, body });
export const created = (body: unknown): ApiResponse => ({ statusCode: 201, body });

/**
 * Every API reply: never sniffed as another type, never cached (a reply may carry personal data,
 * e.g. the public request-status answer). The local server and API Gateway's own replies carry them too.
 */
export const API_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;
