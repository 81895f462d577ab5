/** The API's error body: `{ error: { code, message, details: { issues: [{ field, message }] }, requestId } }`. */
interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    requestId?: string;
    details?: { issues?: { field: string; message: string }[]; field?: string } & Record<string, unknown>;
  };
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path without its `body.`/`query.` prefix (e.g. `query.identity.surnames.0`) -> message. */
    readonly fieldErrors: Readonly<Record<string, string>>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for a form field: exact path, or the first error under it (e.g. `identity.surnames.0`). */
  forField(path: string): string | undefined {
    if (this.fieldErrors[path]) return this.fieldErrors[path];
    const nested = Object.keys(this.fieldErrors).find((key) => key.startsWith(`${path}.`));
    return nested ? this.fieldErrors[nested] : undefined;
  }
}

function toApiError(status: number, body: ErrorBody | undefined): ApiError {
  const error = body?.error;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error?.details?.issues ?? []) {
    const field = issue.field.replace(/^(body|query|path)\./, '');
    fieldErrors[field] ??= issue.message;
  }
  // A refusal that names one field (e.g. a query field or purpose the profile does not allow).
  if (typeof error?.details?.field === 'string' && error.message) {
    fieldErrors[error.details.field.replace(/^(body|query|path)\./, '')] ??= error.message;
  }
  const message =
    error?.message ?? body?.message ?? (status === 0 ? 'the API cannot be reached' : `HTTP ${status}`);
  return new ApiError(status, error?.code ?? `HTTP_${status}`, message, fieldErrors, error?.requestId);
}

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** `text`: the reply body as it is (e.g. a CSV export); default: parsed JSON. */
  responseType?: 'json' | 'text';
}

export interface HttpClient {
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options?: RequestOptions): Promise<T>;
}

/** Calls the public API with the user's bearer token; every non-2xx reply becomes an `ApiError`. */
export function httpClient(
  baseUrl: string,
  token: () => string | undefined,
  onUnauthenticated: () => void,
): HttpClient {
  return {
    async request<T>(method: string, path: string, options: RequestOptions = {}) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(options.query ?? {})) {
        if (value !== undefined && value !== '') search.set(key, String(value));
      }
      const url = `${baseUrl}${path}${search.size ? `?${search}` : ''}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token() ?? ''}`,
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch {
        throw toApiError(0, undefined);
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (!response.ok) {
        if (response.status === 401) onUnauthenticated();
        throw toApiError(response.status, parsed as ErrorBody | undefined);
      }
      return (options.responseType === 'text' ? text : parsed) as T;
    },
  };
}
