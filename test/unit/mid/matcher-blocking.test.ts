import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  blockingKeysOfRecord,
  MAX_KEYS_PER_RECORD,
} from '../../../functions/mid/domain/blocking';
import { InMemoryCandidateIndex } from '../../../functions/mid/domain/candidate-index';
import { findIdentityMatches } from '../../../functions/mid/domain/identity-matching';
import type { IdentityInput } from '../../../functions/mid/domain/identity-profile';
import type { RecordRef } from '../../../functions/mid/domain/types';

const base: IdentityInput = {
  surnames: ['AL-HASSAN'],
  firstNames: ['MOHAMMED AHMED'],
  dateOfBirth: '1984-03-12',
  nationalities: ['SYR'],
  documentNumbers: ['N01234567', 'P9876543'],
};
const shares = (a: IdentityInput, b: IdentityInput) =>
  blockingKeys(a).some((key) => blockingKeys(b).includes(key));

describe('blockingKeys', () => {
  it('gives a few keys per file', () => {
    const keys = blockingKeys(base);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.length).toBeLessThanOrEqual(MAX_KEYS_PER_RECORD);
  });

  it.each<[string, IdentityInput]>([
    [
      'transliterated names, other passport',
      { ...base, surnames: ['EL HASSAN'], firstNames: ['MUHAMMAD'], documentNumbers: ['X1'] },
    ],
    [
      'swapped name groups, year wrong',
      { ...base, surnames: ['MOHAMMED'], firstNames: ['HASSAN'], dateOfBirth: '1985-03-12' },
    ],
    [
      'day and month swapped, surname garbled',
      { ...base, surnames: ['HSSAN'], dateOfBirth: '1984-12-03', documentNumbers: [] },
    ],
    [
      'partial date, first name misspelt',
      { ...base, firstNames: ['MOHAMED'], dateOfBirth: '1984-00-00', documentNumbers: [] },
    ],
    [
      'all identity data changed, same passport with OCR error',
      { surnames: ['X'], documentNumbers: ['NO1234567'] },
    ],
    [
      'whole name in one field',
      { ...base, surnames: ['MOHAMMED AL-HASSAN'], firstNames: [], documentNumbers: [] },
    ],
  ])('a variant of the same person shares a key: %s', (_, variant) => {
    expect(shares(base, variant)).toBe(true);
  });

  it('a different person of the same nationality shares none', () => {
    expect(
      shares(base, {
        surnames: ['IVANOV'],
        firstNames: ['OLGA'],
        dateOfBirth: '1990-07-01',
        nationalities: ['SYR'],
      }),
    ).toBe(false);
  });

  it('reads CIR records', () => {
    const keys = blockingKeysOfRecord(
      {
        surnames: ['IVANOV'],
        firstNames: ['OLGA'],
        formerSurnames: [],
        formerFirstNames: [],
        aliases: [],
        nationalities: ['RUS'],
        dateOfBirth: '1990-07-01',
      },
      [{ type: 'P', number: '7512345678', issuingCountry: 'RUS' }],
    );
    expect(keys).toContain('dc|7512345678');
  });
});

describe('InMemoryCandidateIndex', () => {
  const ref = (recordId: string, system: RecordRef['system'] = 'EES'): RecordRef => ({ system, recordId });

  it('finds files sharing a key and forgets removed ones', async () => {
    const index = new InMemoryCandidateIndex();
    await index.add(ref('a'), ['k1', 'k2']);
    await index.add(ref('b'), ['k2']);
    expect((await index.candidates(['k2'])).map((r) => r.recordId).sort()).toEqual(['a', 'b']);
    await index.remove(ref('a'));
    expect((await index.candidates(['k1', 'k2'])).map((r) => r.recordId)).toEqual(['b']);
  });

  it('re-adding a file replaces its keys', async () => {
    const index = new InMemoryCandidateIndex();
    await index.add(ref('a'), ['old']);
    await index.add(ref('a'), ['new']);
    expect(await index.candidates(['old'])).toEqual([]);
  });

  it('skips blocks larger than the cap', async () => {
    const index = new InMemoryCandidateIndex(2);
    for (const id of ['a', 'b', 'c']) await index.add(ref(id), ['common', `own-${id}`]);
    expect(await index.candidates(['common'])).toEqual([]);
    expect((await index.candidates(['common', 'own-a'])).map((r) => r.recordId)).toEqual(['a']);
  });
});

describe('findIdentityMatches', () => {
  it('compares with files of other systems only and returns those it links', async () => {
    const index = new InMemoryCandidateIndex();
    const store = new Map<string, IdentityInput>();
    const put = async (r: RecordRef, identity: IdentityInput) => {
      store.set(r.recordId, identity);
      await index.add(r, blockingKeys(identity));
    };
    await put({ system: 'VIS', recordId: 'v1' }, { ...base, firstNames: ['MUHAMMAD AHMED'] });
    await put({ system: 'EES', recordId: 'e1' }, base);
    await put(
      { system: 'SIS', recordId: 's1' },
      { surnames: ['AL-HASSAN'], firstNames: ['OMAR'], dateOfBirth: '1962-05-02' },
    );
    const reader = {
      identities: async (refs: readonly RecordRef[]) =>
        refs.map((r) => ({ ref: r, identity: store.get(r.recordId)! })),
    };
    const result = await findIdentityMatches(
      { ref: { system: 'EES', recordId: 'e2' }, identity: base },
      { index, reader },
    );
    expect(result.matches.map((m) => m.ref.recordId)).toEqual(['v1']);
    expect(result.matches[0]!.comparison.verdict).toBe('similar');
  });
});
