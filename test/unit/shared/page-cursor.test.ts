import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../functions/shared/errors';
import {
  decodePageCursor,
  decodePageCursorWhere,
  encodePageCursor,
} from '../../../functions/shared/page-cursor';

const key = { pk: 'REQUEST#r-1', sk: 'REQUEST', gsi1pk: 'PENDING#DE', gsi1sk: '2026-01-01#r-1' };

function cursorIssue(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).details;
  }
  throw new Error('the cursor was accepted');
}

describe('page cursor', () => {
  it('gives back the key it was made from, as an opaque URL-safe string', () => {
    const cursor = encodePageCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, { gsi1pk: 'PENDING#DE' })).toEqual(key);
  });

  it("refuses another partition's cursor with a 400 naming query.cursor", () => {
    const details = cursorIssue(() => decodePageCursor(encodePageCursor(key), { gsi1pk: 'PENDING#FR' }));
    expect(details).toEqual({
      issues: [{ field: 'query.cursor', message: 'not a cursor returned by this API' }],
    });
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON but not an object', Buffer.from('"PENDING#DE"').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['empty', ''],
  ])('refuses a cursor that is %s', (_, raw) => {
    expect(cursorIssue(() => decodePageCursor(raw, { gsi1pk: 'PENDING#DE' }))).toMatchObject({
      issues: [{ field: 'query.cursor' }],
    });
  });

  it("accepts a store's own position only when its check passes", () => {
    const cursor = encodePageCursor({ partition: 'DAY#2026-01-01' });
    const isPosition = (position: Record<string, unknown>) => typeof position.partition === 'string';
    expect(decodePageCursorWhere<{ partition: string }>(cursor, isPosition).partition).toBe('DAY#2026-01-01');
    cursorIssue(() => decodePageCursorWhere(encodePageCursor({ partition: 7 }), isPosition));
  });
});
