import { describe, expect, it } from 'vitest';
import { normalisingExactMatcher } from '../../../functions/esp/domain/identity-matcher';
import { createMidIdentityMatcher } from '../../../functions/esp/domain/mid-identity-matcher';
import { parseEspQuery } from '../../../functions/esp/domain/query';
import { ReferenceSource } from '../../../functions/esp/domain/reference-source';
import { parseSourceRecord } from '../../../functions/esp/domain/source-records';
import { SEED, seededStore } from './fixtures';

const ana = parseSourceRecord('VIS', SEED.VIS[0]).identity;
const midMatcher = createMidIdentityMatcher();

describe('the MID comparison as the ESP identity matcher', () => {
  it('finds a one-letter spelling variant that the exact matcher misses', () => {
    const query = { surnames: ['Popesku'], firstNames: ['Ana-Maria'], dateOfBirth: '1985-03-14' };
    expect(midMatcher(query, ana).match).toBe(true);
    expect(normalisingExactMatcher(query, ana).match).toBe(false);
  });

  it('does not match a different person', () => {
    expect(
      midMatcher({ surnames: ['Petrov'], firstNames: ['Ivan'], dateOfBirth: '1979-11-02' }, ana).match,
    ).toBe(false);
  });

  it('plugs into a reference source', async () => {
    const source = new ReferenceSource({ system: 'VIS', store: seededStore(), identityMatcher: midMatcher });
    const query = parseEspQuery({
      identity: { surnames: ['Popesku'], firstNames: ['Ana Maria'], dateOfBirth: '1985-03-14' },
    });
    const hits = await source.search(query, new AbortController().signal);
    expect(hits.map((hit) => hit.record.recordId)).toEqual(['vis-1']);
  });
});
