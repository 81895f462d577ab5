/**
 * Typed errors that map to a 4xx response. Anything else that escapes a handler becomes a
 * generic 500 carrying only the request id.
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends ApiError {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(400, 'VALIDATION_FAILED', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), {
      issues,
    });
  }
}

export class Unauthenticated extends ApiError {
  constructor() {
    super(401, 'UNAUTHENTICATED', 'a valid bearer token is required');
  }
}

export class Forbidden extends ApiError {
  constructor(message = 'not permitted for this caller') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFound extends ApiError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', `${what} not found`);
  }
}

export class Conflict extends ApiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(409, 'CONFLICT', message, details);
  }
}

/** Duck-typed so that component domains can define their own error classes without importing this one. */
export function isClientError(
  error: unknown,
): error is { httpStatus: number; code: string; message: string; details?: Record<string, unknown> } {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { httpStatus?: unknown; code?: unknown };
  return (
    typeof candidate.httpStatus === 'number' &&
    candidate.httpStatus >= 400 &&
    candidate.httpStatus < 500 &&
    typeof candidate.code === 'string'
  );
}
