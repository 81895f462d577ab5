import { describe, expect, it } from 'vitest';
import { CheckScopedCirReader, type CirReader } from '../../../functions/mid/cir-reader';
import type { IndividualFile } from '../../../functions/mid/domain/check';
import type { RecordRef } from '../../../functions/mid/domain/types';

const fileOf = (ref: RecordRef): IndividualFile => ({
  ref,
  identity: { surnames: [ref.recordId], firstNames: ['A'] } as IndividualFile['identity'],
  travelDocuments: [],
  hasBiometrics: false,
});

/** A CirReader over fixed blocks that counts the Queries and file reads it is asked for. */
function countingReader(blocks: Record<string, string[]>, deleted: ReadonlySet<string> = new Set()) {
  const queried: string[] = [];
  const read: RecordRef[][] = [];
  const reader = {
    async block(key: string) {
      queried.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return blocks[key] ?? [];
    },
    async files(refs: readonly RecordRef[]) {
      read.push([...refs]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return refs.filter((ref) => !deleted.has(ref.recordId)).map(fileOf);
    },
  } as unknown as CirReader;
  return { reader, queried, read };
}

describe('CheckScopedCirReader', () => {
  it('queries each block and reads each file once for concurrent searches of one check', async () => {
    const { reader, queried, read } = countingReader({
      'sy|a|1980': ['FILE#VIS#v1', 'FILE#SIS#s1'],
      'dc|X1234': ['FILE#VIS#v1'],
    });
    const scoped = new CheckScopedCirReader(reader);
    const search = async (keys: string[]) => scoped.files(await scoped.candidates(keys));
    const [identity, document] = await Promise.all([search(['sy|a|1980', 'dc|X1234']), search(['dc|X1234'])]);
    expect(identity.map((file) => file.ref.recordId).sort()).toEqual(['s1', 'v1']);
    expect(document.map((file) => file.ref.recordId)).toEqual(['v1']);
    expect(queried.sort()).toEqual(['dc|X1234', 'sy|a|1980']);
    expect(
      read
        .flat()
        .map((ref) => ref.recordId)
        .sort(),
    ).toEqual(['s1', 'v1']);

    expect(await scoped.file({ system: 'SIS', recordId: 's1' })).toEqual(
      fileOf({ system: 'SIS', recordId: 's1' }),
    );
    expect(read.flat()).toHaveLength(2);
  });

  it('returns no file for a reference without one, and remembers that', async () => {
    const { reader, read } = countingReader({}, new Set(['gone']));
    const scoped = new CheckScopedCirReader(reader);
    const gone = { system: 'EES' as const, recordId: 'gone' };
    expect(await scoped.files([gone, { system: 'EES', recordId: 'here' }])).toEqual([
      fileOf({ system: 'EES', recordId: 'here' }),
    ]);
    expect(await scoped.file(gone)).toBeUndefined();
    expect(read).toHaveLength(1);
  });
});
