import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../local/rate-limit';

describe('token buckets per client address (public routes)', () => {
  it('lets a burst through, then asks to wait until a token is back, per address', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 0.5, () => now);
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(2);
    expect(buckets.take('b')).toBe(0);
    now += 1000;
    expect(buckets.take('a')).toBe(1);
    now += 1000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(2);
    // A long pause refills no more than the burst.
    now += 3_600_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([0, 0, 0, 2]);
  });
});
