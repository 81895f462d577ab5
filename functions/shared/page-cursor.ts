import { ValidationFailed } from './errors';

/** A position in a listing (a DynamoDB LastEvaluatedKey, or a store's own) handed to clients as an opaque cursor. */
export function encodePageCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The key a listing's query may start from: exactly these attributes, as DynamoDB would return them
 * in LastEvaluatedKey. Anything else (a wrong type, a missing or extra attribute, a sort key of
 * another index or outside the query's range) would make DynamoDB fail the query, so it is a 400.
 */
export interface CursorKeySchema {
  /** Key attributes with the one value the listing reads (its partition): another queue's cursor is refused. */
  partition: Record<string, string>;
  /** The other key attributes (table and index keys), each a string. */
  keys: readonly string[];
  /** The sort key range of the query's key condition (inclusive), when it has one. */
  range?: { attribute: string; from: string; to: string };
}

/** DynamoDB's limit on a sort key (the partition key's is 2048 bytes; a cursor never needs more). */
const MAX_KEY_BYTES = 1024;

export function matchesKeySchema(position: Record<string, unknown>, schema: CursorKeySchema): boolean {
  const names = [...Object.keys(schema.partition), ...schema.keys];
  const attributes = Object.keys(position);
  if (attributes.length !== names.length || !names.every((name) => Object.hasOwn(position, name)))
    return false;
  if (!Object.entries(schema.partition).every(([name, value]) => position[name] === value)) return false;
  const keysAreStrings = schema.keys.every((name) => {
    const value = position[name];
    return typeof value === 'string' && value.length > 0 && Buffer.byteLength(value) <= MAX_KEY_BYTES;
  });
  if (!keysAreStrings || !schema.range) return keysAreStrings;
  const sortKey = position[schema.range.attribute] as string;
  return sortKey >= schema.range.from && sortKey <= schema.range.to;
}

/** The key behind a cursor, accepted only when it is a key of the listing's query (see CursorKeySchema). */
export function decodePageCursor(raw: string, schema: CursorKeySchema): Record<string, unknown> {
  return decodePageCursorWhere(raw, (position) => matchesKeySchema(position, schema));
}

/** The position behind a cursor that `accepts` recognises as one of this listing's; anything else is a 400. */
export function decodePageCursorWhere<T extends object>(
  raw: string,
  accepts: (position: Record<string, unknown>) => boolean,
): T {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (
      parsed &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      accepts(parsed as Record<string, unknown>)
    )
      return parsed as T;
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'query.cursor', message: 'not a cursor returned by this API' }]);
}
