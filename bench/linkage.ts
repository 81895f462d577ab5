// `npm run bench -- linkage --input FILE.csv [--format febrl] [--input-b FILE]`: runs the MID's
// identity-data search (blocking index + comparison, the production code through its ports, with
// in-memory stores) over every record and scores the links against cluster_id. See docs/mid-matching.md.
import { InMemoryCandidateIndex, refKey } from '../functions/mid/domain/candidate-index';
import { AVERAGE_NAME_AGREEMENT, compareIdentities } from '../functions/mid/domain/compare-identities';
import {
  findIdentityMatches,
  type IdentityReader,
  otherSystemOnly,
} from '../functions/mid/domain/identity-matching';
import { DEFAULT_CALIBRATION } from '../functions/mid/domain/identity-score';
import { InMemoryNameFrequencies } from '../functions/mid/domain/name-frequencies';
import type { RecordRef } from '../functions/mid/domain/types';
import { type Options, progress } from '../local/cli';
import { type LinkageRecord, readBenchmarkCsv, readFebrl } from './linkage-data';
import { histogram, PLOT_OPTION, writePlot } from './plot';

export function readInput(args: Record<string, string>): LinkageRecord[] {
  const files = [...(args.input ?? '').split(','), ...(args['input-b'] ? [args['input-b']] : [])].filter(
    (file) => file.length > 0,
  );
  if (files.length === 0)
    throw new Error('--input FILE.csv is required (two files: --input A,B or --input-b B)');
  if (args.format === 'febrl') {
    const systems = ['EES', 'VIS'] as const;
    return files.flatMap((file, i) => readFebrl(file, systems[i] ?? 'EES'));
  }
  return files.flatMap(readBenchmarkCsv);
}

class InMemoryIdentityReader implements IdentityReader {
  constructor(private readonly byRef: Map<string, LinkageRecord>) {}
  async identities(refs: readonly RecordRef[]) {
    return refs.flatMap((ref) => {
      const record = this.byRef.get(refKey(ref));
      return record ? [{ ref, identity: record.identity }] : [];
    });
  }
}

function pairsWithin(counts: Iterable<number>): number {
  let pairs = 0;
  for (const n of counts) pairs += (n * (n - 1)) / 2;
  return pairs;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export const summary =
  "The MID's identity linkage over a labelled file, scored against cluster_id (precision, recall, F1, reduction ratio).";

export const options: Options = {
  input: {
    type: 'string',
    value: 'FILE[,FILE]',
    description: 'records: the benchmark CSV of `npm run generate`, or FEBRL files with --format febrl',
  },
  'input-b': { type: 'string', value: 'FILE', description: 'a second file (the other system)' },
  format: { type: 'string', value: 'csv|febrl', description: 'input format', default: 'csv' },
  plot: PLOT_OPTION,
};

/**
 * Scope: the MID compares a file with files of other systems. A file whose records all come from
 * one system (FEBRL3, a deduplication set) is run with every record comparable to every other.
 */
export async function run(args: Record<string, string>): Promise<object> {
  const records = readInput(args);
  const systems = countBy(records, (record) => record.system);
  const crossSystem = systems.size > 1;
  const isComparable = crossSystem
    ? otherSystemOnly
    : (subject: RecordRef, candidate: RecordRef) => subject.recordId !== candidate.recordId;

  const byRef = new Map<string, LinkageRecord>();
  const clusterOf = new Map<string, string>();
  const index = new InMemoryCandidateIndex();
  const reader = new InMemoryIdentityReader(byRef);
  // Name frequencies counted from the records indexed so far (unlabelled), as the CIR would hold them.
  const frequencies = new InMemoryNameFrequencies(AVERAGE_NAME_AGREEMENT);
  let candidatePairs = 0;
  let trueCandidatePairs = 0;
  let predicted = 0;
  let truePredicted = 0;
  // With --plot: the score of every candidate pair, by whether it is one person (the labels).
  const scores = { same: [] as number[], different: [] as number[] };
  const started = performance.now();
  for (const [i, record] of records.entries()) {
    const ref: RecordRef = { system: record.system, recordId: record.recordId };
    // As in the CIR, where the file is written before its MID check runs.
    frequencies.add(record.identity);
    const { keys, compared, matches } = await findIdentityMatches(
      { ref, identity: record.identity },
      { index, reader },
      { isComparable, frequencies },
    );
    candidatePairs += compared.length;
    trueCandidatePairs += compared.filter(
      (other) => clusterOf.get(refKey(other)) === record.clusterId,
    ).length;
    if (args.plot) {
      for (const other of compared) {
        const score = compareIdentities(record.identity, byRef.get(refKey(other))!.identity, {
          frequencies,
        }).score;
        scores[clusterOf.get(refKey(other)) === record.clusterId ? 'same' : 'different'].push(score);
      }
    }
    predicted += matches.length;
    truePredicted += matches.filter((match) => clusterOf.get(refKey(match.ref)) === record.clusterId).length;
    byRef.set(refKey(ref), record);
    clusterOf.set(refKey(ref), record.clusterId);
    await index.add(ref, keys);
    if ((i + 1) % 2000 === 0) progress(`linkage: ${i + 1}/${records.length} records`);
  }
  const seconds = (performance.now() - started) / 1000;

  const allPairs = pairsWithin([records.length]) - (crossSystem ? pairsWithin(systems.values()) : 0);
  const truePairs = pairsWithin(countBy(records, (record) => record.clusterId).values());
  const precision = predicted === 0 ? 0 : truePredicted / predicted;
  const recall = truePairs === 0 ? 0 : truePredicted / truePairs;
  const round = (value: number) => Number(value.toFixed(4));
  const all = [...scores.same, ...scores.different];
  writePlot(args, {
    title: `Identity scores of candidate pairs (${records.length} records)`,
    xLabel: 'score (log2 likelihood ratio)',
    yLabel: 'candidate pairs',
    logY: true,
    series: [
      { name: 'same person', points: histogram(scores.same, 2, Math.min(...all), Math.max(...all)) },
      {
        name: 'different persons',
        points: histogram(scores.different, 2, Math.min(...all), Math.max(...all)),
      },
    ],
    xMarks: [{ x: DEFAULT_CALIBRATION.threshold, label: `threshold ${DEFAULT_CALIBRATION.threshold}` }],
  });
  return {
    scope: crossSystem ? 'cross-system' : 'within-file',
    truePairs,
    predictedPairs: predicted,
    records: records.length,
    candidatePairs,
    reductionRatio: round(allPairs === 0 ? 1 : 1 - candidatePairs / allPairs),
    pairsCompleteness: round(truePairs === 0 ? 1 : trueCandidatePairs / truePairs),
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    recordsPerSecond: Math.round(records.length / seconds),
  };
}
