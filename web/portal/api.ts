/** The public data-subject request routes: no token, an access code for reading a request back. */

export interface ReceivedRequest {
  reference: string;
  accessCode: string;
  status: string;
  receivedAt: string;
}

/** `GET /v1/data-subject-requests/{reference}` with the access code (functions/rights/domain/request.ts publicView). */
export interface RequestStatus {
  reference: string;
  type: string;
  status: string;
  receivedAt: string;
  deadline: string;
  extended: boolean;
  extensionReason?: string;
  answer?: { at: string; text: string; decision?: string; data?: unknown };
}

export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    /** Field path without the `body.` prefix (e.g. `subject.surname`) -> the API's message. */
    readonly fieldErrors: Readonly<Record<string, string>>,
    /** From `Retry-After` on a 429, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`HTTP ${status}`);
    this.name = 'PortalApiError';
  }
}

export function submitRequest(apiUrl: string, body: unknown): Promise<ReceivedRequest> {
  return call(`${apiUrl}/v1/data-subject-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function followRequest(apiUrl: string, reference: string, accessCode: string): Promise<RequestStatus> {
  return call(`${apiUrl}/v1/data-subject-requests/${encodeURIComponent(reference)}`, {
    headers: { 'x-access-code': accessCode },
  });
}

/** The API's error body (`functions/shared/http.ts`). */
interface ErrorReply {
  error?: { details?: { issues?: { field?: unknown; message?: unknown }[] } };
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new PortalApiError(0, {});
  }
  const body = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  const issues = (body as ErrorReply | undefined)?.error?.details?.issues ?? [];
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue?.field === 'string')
      fieldErrors[issue.field.replace(/^body\./, '')] ??= String(issue.message);
  }
  throw new PortalApiError(response.status, fieldErrors, retryAfter(response.headers.get('retry-after')));
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
