import { ValidationFailed } from './errors';

/** A DynamoDB LastEvaluatedKey handed to clients as an opaque cursor. */
export function encodePageCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key behind a cursor, accepted only when it carries the given key attributes: a cursor of
 * another queue or partition would make DynamoDB fail, or read where the caller may not.
 */
export function decodePageCursor(raw: string, partition: Record<string, string>): Record<string, unknown> {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Record<string, unknown>;
    if (
      parsed &&
      typeof parsed === 'object' &&
      Object.entries(partition).every(([name, value]) => parsed[name] === value)
    )
      return parsed;
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'query.cursor', message: 'not a cursor returned by this API' }]);
}
