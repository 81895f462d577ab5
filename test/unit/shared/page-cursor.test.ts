import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../functions/shared/errors';
import {
  decodePageCursor,
  decodePageCursorWhere,
  encodePageCursor,
} from '../../../functions/shared/page-cursor';

const key = { pk: 'REQUEST#r-1', sk: 'REQUEST', gsi1pk: 'PENDING#DE', gsi1sk: '2026-01-01#r-1' };
const queue = (memberState: string) => ({
  partition: { gsi1pk: `PENDING#${memberState}` },
  keys: ['pk', 'sk', 'gsi1sk'],
});

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
    expect(decodePageCursor(cursor, queue('DE'))).toEqual(key);
  });

  it("refuses another partition's cursor with a 400 naming query.cursor", () => {
    const details = cursorIssue(() => decodePageCursor(encodePageCursor(key), queue('FR')));
    expect(details).toEqual({
      issues: [{ field: 'query.cursor', message: 'not a cursor returned by this API' }],
    });
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON but not an object', Buffer.from('"PENDING#DE"').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['empty', ''],
    ['an array', Buffer.from('[]').toString('base64url')],
  ])('refuses a cursor that is %s', (_, raw) => {
    expect(cursorIssue(() => decodePageCursor(raw, queue('DE')))).toMatchObject({
      issues: [{ field: 'query.cursor' }],
    });
  });

  it.each([
    ['a key attribute of the wrong type', { ...key, sk: 7 }],
    ['a key attribute missing', { pk: key.pk, gsi1pk: key.gsi1pk, gsi1sk: key.gsi1sk }],
    ['an extra attribute', { ...key, gsi2sk: 'x' }],
    ["another index's sort key", { pk: key.pk, sk: key.sk, gsi1pk: key.gsi1pk, gsi2sk: key.gsi1sk }],
    ['an empty key attribute', { ...key, pk: '' }],
    ['a key attribute longer than DynamoDB allows', { ...key, sk: 'x'.repeat(1025) }],
    ['a DynamoDB-typed value', { ...key, sk: { S: 'REQUEST' } }],
  ])('refuses a cursor with the right partition but %s', (_, position) => {
    expect(cursorIssue(() => decodePageCursor(encodePageCursor(position), queue('DE')))).toMatchObject({
      issues: [{ field: 'query.cursor' }],
    });
  });

  it('refuses a sort key outside the range of the query', () => {
    const ranged = {
      ...queue('DE'),
      range: { attribute: 'gsi1sk', from: '2026-02-01', to: '2026-02-28\uffff' },
    };
    cursorIssue(() => decodePageCursor(encodePageCursor(key), ranged));
    const inside = { ...key, gsi1sk: '2026-02-03T10:00:00.000Z#r-1' };
    expect(decodePageCursor(encodePageCursor(inside), ranged)).toEqual(inside);
  });

  it("accepts a store's own position only when its check passes", () => {
    const cursor = encodePageCursor({ partition: 'DAY#2026-01-01' });
    const isPosition = (position: Record<string, unknown>) => typeof position.partition === 'string';
    expect(decodePageCursorWhere<{ partition: string }>(cursor, isPosition).partition).toBe('DAY#2026-01-01');
    cursorIssue(() => decodePageCursorWhere(encodePageCursor({ partition: 7 }), isPosition));
  });
});
