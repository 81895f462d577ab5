import { ValidationFailed } from './errors';

/** A position in a listing (a DynamoDB LastEvaluatedKey, or a store's own) handed to clients as an opaque cursor. */
export function encodePageCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The key behind a cursor, accepted only when it carries the given key attributes: a cursor of
 * another queue or partition would make DynamoDB fail, or read where the caller may not.
 */
export function decodePageCursor(raw: string, partition: Record<string, string>): Record<string, unknown> {
  return decodePageCursorWhere(raw, (position) =>
    Object.entries(partition).every(([name, value]) => position[name] === value),
  );
}

/** The position behind a cursor that `accepts` recognises as one of this listing's; anything else is a 400. */
export function decodePageCursorWhere<T extends object>(
  raw: string,
  accepts: (position: Record<string, unknown>) => boolean,
): T {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (parsed && typeof parsed === 'object' && accepts(parsed as Record<string, unknown>))
      return parsed as T;
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'query.cursor', message: 'not a cursor returned by this API' }]);
}
