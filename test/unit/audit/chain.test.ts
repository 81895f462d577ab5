import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntry, genesisHash, verifyChain } from '../../../functions/audit/domain/chain';
import type { AuditEntryInput, ChainedAuditEntry } from '../../../functions/audit/domain/entry';

const input = (i: number): AuditEntryInput => ({
  requestId: `req-${i}`,
  timestamp: `2026-11-28T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
  userId: `user-${i % 3}`,
  authority: 'DE-BPOL',
  memberState: 'DE',
  roles: ['border-guard'],
  action: 'espSearch',
  systems: ['SIS', 'EES'],
  records: [],
  resultType: 'success',
  httpStatus: 200,
});

function buildChain(length: number, chain = '2026-11-28#0'): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let prev = genesisHash(chain);
  for (let seq = 1; seq <= length; seq++) {
    const entry = chainEntry(input(seq), chain, seq, prev);
    entries.push(entry);
    prev = entry.hash;
  }
  return entries;
}

const headOf = (entries: ChainedAuditEntry[]) => ({
  seq: entries.length,
  hash: entries.at(-1)?.hash ?? genesisHash('2026-11-28#0'),
});

describe('audit hash chain', () => {
  it('verifies an intact chain of any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (length) => {
        const entries = buildChain(length);
        expect(verifyChain('2026-11-28#0', entries, headOf(entries))).toEqual([]);
      }),
    );
  });

  it('detects an altered field of any entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(), (length, pick) => {
        const entries = buildChain(length);
        const head = headOf(entries);
        const index = pick % length;
        entries[index] = { ...entries[index]!, userId: 'someone-else' };
        const problems = verifyChain('2026-11-28#0', entries, head);
        expect(problems).toContainEqual({ chain: '2026-11-28#0', seq: index + 1, problem: 'altered' });
      }),
    );
  });

  it('detects a removed entry in the middle and a removed tail', () => {
    const entries = buildChain(10);
    const head = headOf(entries);
    const withGap = [...entries.slice(0, 4), ...entries.slice(5)];
    expect(verifyChain('2026-11-28#0', withGap, head).map((p) => p.problem)).toEqual(
      expect.arrayContaining(['missing', 'broken-link']),
    );
    expect(verifyChain('2026-11-28#0', entries.slice(0, 8), head).map((p) => p.problem)).toEqual([
      'head-mismatch',
    ]);
  });

  it('hashes independently of attribute order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });
});
