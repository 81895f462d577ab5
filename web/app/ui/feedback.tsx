import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/** An error not tied to one field: the API's message with its code and request id, announced. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const fieldCount = apiError ? Object.keys(apiError.fieldErrors).length : 0;
  return (
    <div className="error-banner" role="alert">
      <strong>{title ?? 'The request was refused'}</strong>
      <p>
        {fieldCount > 0
          ? `Please correct the ${fieldCount === 1 ? 'field' : 'fields'} marked below.`
          : message}
      </p>
      {apiError && (
        <p className="muted small">
          {apiError.status > 0 ? `HTTP ${apiError.status} · ` : ''}
          {apiError.code}
          {apiError.requestId ? ` · request ${apiError.requestId}` : ''}
        </p>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.forField(path) : undefined;
}
