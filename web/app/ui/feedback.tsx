import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * An error not tied to one field: the API's message with its code and request id, announced. With
 * `fields` (the paths the form shows, e.g. `query.identity.surnames`), a field error the form marks
 * is only pointed to; every other one the API named is spelt out here, so no reason stays hidden.
 */
export function ErrorMessage({
  error,
  title,
  fields,
}: {
  error: unknown;
  title?: string;
  fields?: readonly string[];
}) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const named = Object.entries(apiError?.fieldErrors ?? {});
  const isShown = (path: string) =>
    !fields || fields.some((field) => path === field || path.startsWith(`${field}.`));
  const marked = named.filter(([path]) => isShown(path));
  const unmarked = named.filter(([path]) => !isShown(path));
  return (
    <div className="error-banner" role="alert">
      <strong>{title ?? 'The request was refused'}</strong>
      {marked.length > 0 && (
        <p>{`Please correct the ${marked.length === 1 ? 'field' : 'fields'} marked below.`}</p>
      )}
      {unmarked.length > 0 && (
        <ul className="error-list">
          {unmarked.map(([path, text]) => (
            <li key={path}>
              {text} <span className="muted small">({path})</span>
            </li>
          ))}
        </ul>
      )}
      {named.length === 0 && <p>{message}</p>}
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
