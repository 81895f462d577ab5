import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toProbe } from '../../../functions/sbms/domain/quality-gate';
import { ShardIndex } from '../../../functions/sbms/domain/shard-index';
import { config, fusion, probeOf, recordOf, refOf } from './fixtures';

const PERSONS = 40;
/** A shortlist longer than the gallery: every live record is a candidate, so absence means deleted. */
const everyRecord = { ...config, shortlist: 64 };
const records = Array.from({ length: PERSONS }, (_, id) => recordOf(id));
const probes = Array.from({ length: PERSONS }, (_, id) => probeOf(id));

describe('deletion and replacement', () => {
  it('never returns a deleted record, even for its own enrolled templates', () => {
    const index = new ShardIndex('s', everyRecord, fusion);
    for (const record of records) index.upsert(record);
    index.remove(refOf(5));
    const candidates = index.search(toProbe(records[5]!.templates), { topK: PERSONS });
    expect(candidates).toHaveLength(PERSONS - 1);
    expect(candidates.some((c) => c.recordId === 'R5')).toBe(false);
    expect(index.templateCount).toBe((PERSONS - 1) * 3);
  });

  it('replaces the templates of an updated record', () => {
    const index = new ShardIndex('s', everyRecord, fusion);
    for (const record of records) index.upsert(record);
    index.upsert(recordOf(1, 0, 900));
    expect(index.templateCount).toBe(PERSONS * 3);
    expect(index.search(probeOf(1), { topK: 1 })[0]?.recordId).not.toBe('R1');
    expect(index.search(probeOf(900), { topK: 1 })[0]).toMatchObject(refOf(1));
  });

  it('after any sequence of writes and deletes, returns exactly the live records (slot reuse included)', () => {
    const operation = fc.record({ id: fc.integer({ min: 0, max: 11 }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const index = new ShardIndex('s', everyRecord, fusion);
        const live = new Set<number>();
        for (const { id, remove } of operations) {
          if (remove) {
            index.remove(refOf(id));
            live.delete(id);
          } else {
            index.upsert(records[id]!);
            live.add(id);
          }
        }
        for (const id of [0, 6, 11]) {
          const found = index.search(probes[id]!, { topK: 20 }).map((c) => c.recordId);
          expect(found.sort()).toEqual([...live].map((i) => `R${i}`).sort());
          if (live.has(id)) expect(index.search(probes[id]!, { topK: 1 })[0]?.recordId).toBe(`R${id}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
