// `npm run bench -- linkage-errors --input FILE.csv [--format febrl] [--out FILE.jsonl]`: the same run
// as `linkage`, listing the false positives, the false negatives and the true pairs that share no
// blocking key, with their comparison (level per variable, score, verdict). A diagnostic for
// engineers: cluster_id is read only to label the errors, never by the matcher.
import { writeFileSync } from 'node:fs';
import { blockingKeys } from '../functions/mid/domain/blocking';
import { InMemoryCandidateIndex, refKey } from '../functions/mid/domain/candidate-index';
import { AVERAGE_NAME_AGREEMENT, compareIdentities } from '../functions/mid/domain/compare-identities';
import {
  findIdentityMatches,
  type IdentityReader,
  otherSystemOnly,
} from '../functions/mid/domain/identity-matching';
import { InMemoryNameFrequencies } from '../functions/mid/domain/name-frequencies';
import type { RecordRef } from '../functions/mid/domain/types';
import type { Options } from '../local/cli';
import { readInput } from './linkage';
import type { LinkageRecord } from './linkage-data';

export const summary =
  'The linkage run listing its false positives, false negatives and unblocked true pairs (JSONL).';

export const options: Options = {
  input: { type: 'string', value: 'FILE[,FILE]', description: 'records, as for linkage' },
  'input-b': { type: 'string', value: 'FILE', description: 'a second file (the other system)' },
  format: { type: 'string', value: 'csv|febrl', description: 'input format', default: 'csv' },
  out: { type: 'string', value: 'FILE', description: 'output file', default: '/tmp/linkage-errors.jsonl' },
  all: { type: 'boolean', description: 'also list the true pairs found' },
};

export async function run(args: Record<string, string>): Promise<object> {
  const records = readInput(args);
  const crossSystem = new Set(records.map((r) => r.system)).size > 1;
  const isComparable = crossSystem
    ? otherSystemOnly
    : (subject: RecordRef, candidate: RecordRef) => subject.recordId !== candidate.recordId;
  const byRef = new Map<string, LinkageRecord>();
  const reader: IdentityReader = {
    async identities(refs) {
      return refs.flatMap((ref) => {
        const record = byRef.get(refKey(ref));
        return record ? [{ ref, identity: record.identity }] : [];
      });
    },
  };
  const index = new InMemoryCandidateIndex();
  const frequencies = new InMemoryNameFrequencies(AVERAGE_NAME_AGREEMENT);
  const lines: string[] = [];
  const describe = (kind: string, a: LinkageRecord, b: LinkageRecord) => {
    const c = compareIdentities(a.identity, b.identity, { frequencies });
    lines.push(
      JSON.stringify({
        kind,
        a: a.identity,
        b: b.identity,
        score: Number(c.score.toFixed(2)),
        verdict: c.verdict,
        conflicts: c.conflicts,
        levels: Object.fromEntries(
          c.evidence
            .filter((e) => e.source === 'score')
            .map((e) => [e.fields, `${e.rule} ${e.weight.toFixed(1)}`]),
        ),
      }),
    );
  };
  const byCluster = new Map<string, LinkageRecord[]>();
  const counts = { fp: 0, fn: 0, unblocked: 0 };
  for (const record of records) {
    const ref: RecordRef = { system: record.system, recordId: record.recordId };
    frequencies.add(record.identity);
    const { keys, compared, matches } = await findIdentityMatches(
      { ref, identity: record.identity },
      { index, reader },
      { isComparable, frequencies },
    );
    const matched = new Set(matches.map((m) => refKey(m.ref)));
    const comparedSet = new Set(compared.map(refKey));
    for (const m of matches) {
      const other = byRef.get(refKey(m.ref))!;
      if (other.clusterId !== record.clusterId) {
        counts.fp++;
        describe('fp', other, record);
      } else if (args.all) describe('tp', other, record);
    }
    for (const other of byCluster.get(record.clusterId) ?? []) {
      const otherRef = { system: other.system, recordId: other.recordId };
      if (!isComparable(ref, otherRef)) continue;
      const id = refKey(otherRef);
      if (!comparedSet.has(id)) {
        counts.unblocked++;
        describe('unblocked', other, record);
        const shared = blockingKeys(other.identity).filter((k) => keys.includes(k));
        if (shared.length > 0) lines.push(JSON.stringify({ kind: 'capped', shared }));
      } else if (!matched.has(id)) {
        counts.fn++;
        describe('fn', other, record);
      }
    }
    byRef.set(refKey(ref), record);
    byCluster.set(record.clusterId, [...(byCluster.get(record.clusterId) ?? []), record]);
    await index.add(ref, keys);
  }
  writeFileSync(args.out ?? '/tmp/linkage-errors.jsonl', `${lines.join('\n')}\n`);
  return counts;
}
