// `npm run bench -- linkage-calibrate [--people 5000] [--seed 9001] [--random-pairs 300000] [--out FILE]`:
// estimates the Fellegi-Sunter parameters of the identity score from UNLABELLED generated records
// (cluster ids are never read) and writes functions/mid/domain/calibration.json.
// u: agreement-level frequencies among random pairs of files (almost all are different persons).
// m: from high-confidence candidate pairs (see highConfidenceM); the match share among candidate
// pairs: EM with m and u held fixed.
// threshold: the score at which a pair is as likely the same person as not, given the share of
// matches among all comparable pairs of the calibration set. See docs/mid-matching.md.
import { writeFileSync } from 'node:fs';
import { blockingKeys } from '../functions/mid/domain/blocking';
import { InMemoryCandidateIndex, refKey } from '../functions/mid/domain/candidate-index';
import {
  type ComparisonVector,
  comparisonVector,
  LEVELS,
  VARIABLES,
  type Variable,
} from '../functions/mid/domain/comparison-levels';
import { type IdentityInput, prepareIdentity } from '../functions/mid/domain/identity-profile';
import type { Calibration } from '../functions/mid/domain/identity-score';
import { type FrequencyKind, frequencyKeys } from '../functions/mid/domain/name-frequencies';
import { numberArg, type Options, progress } from '../local/cli';
import { createRng, generatePeople } from '../local/synthetic/people';

const EM_ITERATIONS = 50;
/**
 * Disagreement is never believed rarer than 1 in 100 among pairs of one person, whatever the
 * generated data say: real registrations mistype sex and nationality more often than the generator.
 */
const MIN_M_PROBABILITY = 0.01;

interface Pattern {
  levels: Array<number | undefined>;
  count: number;
}

function encode(vector: ComparisonVector): Array<number | undefined> {
  return VARIABLES.map((variable) => {
    const level = vector[variable]?.level;
    return level === undefined ? undefined : (LEVELS[variable] as readonly string[]).indexOf(level);
  });
}

function tally(vectors: Iterable<ComparisonVector>): Pattern[] {
  const patterns = new Map<string, Pattern>();
  for (const vector of vectors) {
    const levels = encode(vector);
    const key = levels.join(',');
    const pattern = patterns.get(key);
    if (pattern) pattern.count++;
    else patterns.set(key, { levels, count: 1 });
  }
  return [...patterns.values()];
}

type Table = number[][];

/**
 * Level frequencies, with half a pair of pseudo-count per level; `floor` (for m) keeps the
 * disagreement level, always the last, from being estimated as near impossible.
 */
function frequencies(patterns: readonly Pattern[], weightOf: (pattern: Pattern) => number, floor = 0): Table {
  return VARIABLES.map((variable, v) => {
    const counts = new Array<number>(LEVELS[variable].length).fill(0.5);
    for (const pattern of patterns) {
      const level = pattern.levels[v];
      if (level !== undefined) counts[level]! += weightOf(pattern);
    }
    const total = counts.reduce((sum, count) => sum + count, 0);
    const probabilities = counts.map((count) => count / total);
    const last = probabilities.length - 1;
    probabilities[last] = Math.max(floor, probabilities[last]!);
    const flooredTotal = probabilities.reduce((sum, p) => sum + p, 0);
    return probabilities.map((p) => p / flooredTotal);
  });
}

function likelihood(table: Table, levels: Array<number | undefined>): number {
  let product = 1;
  levels.forEach((level, v) => {
    if (level !== undefined) product *= table[v]![level]!;
  });
  return product;
}

/**
 * m from high-confidence pairs, each variable estimated on pairs selected WITHOUT that variable:
 * the document number from pairs agreeing exactly on surname, first names and date of birth;
 * every other variable from pairs agreeing on the document number (exact or OCR confusion).
 */
function highConfidenceM(patterns: readonly Pattern[]): Table {
  const at = (variable: Variable) => VARIABLES.indexOf(variable);
  const agreesOnDocument = (pattern: Pattern) => (pattern.levels[at('travelDocument')] ?? 99) <= 1;
  const agreesOnIdentity = (pattern: Pattern) =>
    pattern.levels[at('surname')] === 0 &&
    pattern.levels[at('firstNames')] === 0 &&
    pattern.levels[at('dateOfBirth')] === 0;
  const byDocument = frequencies(
    patterns,
    (pattern) => (agreesOnDocument(pattern) ? pattern.count : 0),
    MIN_M_PROBABILITY,
  );
  const byIdentity = frequencies(
    patterns,
    (pattern) => (agreesOnIdentity(pattern) ? pattern.count : 0),
    MIN_M_PROBABILITY,
  );
  return VARIABLES.map((variable, v) => (variable === 'travelDocument' ? byIdentity[v]! : byDocument[v]!));
}

/** Share of matches among the candidate pairs: EM on the one unknown, m and u held fixed. */
function matchShare(patterns: readonly Pattern[], m: Table, u: Table): number {
  let share = 0.5;
  for (let iteration = 0; iteration < EM_ITERATIONS; iteration++) {
    let matches = 0;
    let total = 0;
    for (const pattern of patterns) {
      const match = share * likelihood(m, pattern.levels);
      const p = match / (match + (1 - share) * likelihood(u, pattern.levels));
      matches += p * pattern.count;
      total += pattern.count;
    }
    share = matches / total;
  }
  return share;
}

function randomPairs(
  records: readonly { system: string; identity: IdentityInput }[],
  count: number,
  seed: number,
) {
  const rng = createRng(seed);
  const vectors: ComparisonVector[] = [];
  while (vectors.length < count) {
    const a = records[rng.int(records.length)]!;
    const b = records[rng.int(records.length)]!;
    if (a === b || a.system === b.system) continue;
    vectors.push(comparisonVector(prepareIdentity(a.identity), prepareIdentity(b.identity)));
  }
  return vectors;
}

async function blockedPairs(
  records: readonly { recordId: string; system: string; identity: IdentityInput }[],
) {
  const index = new InMemoryCandidateIndex();
  const byKey = new Map<string, (typeof records)[number]>();
  const vectors: ComparisonVector[] = [];
  for (const record of records) {
    const ref = { system: record.system as 'EES', recordId: record.recordId };
    const keys = blockingKeys(record.identity);
    for (const other of await index.candidates(keys)) {
      if (other.system === ref.system) continue;
      const candidate = byKey.get(refKey(other))!;
      vectors.push(comparisonVector(prepareIdentity(record.identity), prepareIdentity(candidate.identity)));
    }
    byKey.set(refKey(ref), record);
    await index.add(ref, keys);
  }
  return vectors;
}

/** Name keys kept per kind in the static table (the production default; docs/mid-matching.md). */
const STATIC_TABLE_SIZE = 300;

/** The commonest name keys of the calibration records with their shares of files. */
function staticNameTable(identities: readonly IdentityInput[], generatedBy: string) {
  const counts: Record<FrequencyKind, Map<string, number>> = {
    surname: new Map(),
    firstName: new Map(),
    fullName: new Map(),
  };
  for (const identity of identities)
    for (const { kind, key } of frequencyKeys(prepareIdentity(identity)))
      counts[kind].set(key, (counts[kind].get(key) ?? 0) + 1);
  const shares = Object.fromEntries(
    Object.entries(counts).map(([kind, map]) => [
      kind,
      Object.fromEntries(
        [...map]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .slice(0, STATIC_TABLE_SIZE)
          .map(([key, count]) => [key, Number((count / identities.length).toPrecision(3))]),
      ),
    ]),
  );
  return { generatedBy, files: identities.length, shares };
}

export const summary =
  "Estimates the identity score's Fellegi-Sunter parameters from unlabelled generated records and writes the calibration file.";

export const options: Options = {
  people: { type: 'string', value: 'N', description: 'generated persons', default: '5000' },
  seed: { type: 'string', value: 'S', description: 'random seed', default: '9001' },
  'random-pairs': {
    type: 'string',
    value: 'N',
    description: 'random pairs for the u probabilities',
    default: '300000',
  },
  out: {
    type: 'string',
    value: 'FILE',
    description: 'calibration file',
    default: 'functions/mid/domain/calibration.json',
  },
  'frequencies-out': {
    type: 'string',
    value: 'FILE',
    description: 'name frequency table',
    default: 'functions/mid/domain/name-frequencies.json',
  },
};

export async function run(args: Record<string, string>): Promise<object> {
  const people = numberArg(args, 'people', 5000);
  const seed = numberArg(args, 'seed', 9001);
  const randomPairCount = numberArg(args, 'random-pairs', 300_000);
  const out = args.out ?? 'functions/mid/domain/calibration.json';
  const records = generatePeople({ people, seed }).map((record) => ({
    recordId: record.recordId,
    system: record.system,
    identity: {
      surnames: record.surname ? [record.surname] : [],
      firstNames: record.givenNames ? [record.givenNames] : [],
      dateOfBirth: record.dateOfBirth || undefined,
      sex: record.sex || undefined,
      nationalities: record.nationality ? record.nationality.split(';') : [],
      placeOfBirth: record.placeOfBirth || undefined,
      documentNumbers: record.documentNumber ? [record.documentNumber] : [],
    } satisfies IdentityInput,
  }));
  progress(`calibrate: ${records.length} records; u from ${randomPairCount} random pairs`);
  const u = frequencies(tally(randomPairs(records, randomPairCount, seed + 1)), (pattern) => pattern.count);
  const blocked = await blockedPairs(records);
  progress(`calibrate: m from high-confidence pairs among ${blocked.length} candidate pairs`);
  const patterns = tally(blocked);
  const m = highConfidenceM(patterns);
  const share = matchShare(patterns, m, u);

  const systems = new Map<string, number>();
  for (const record of records) systems.set(record.system, (systems.get(record.system) ?? 0) + 1);
  let comparablePairs = (records.length * (records.length - 1)) / 2;
  for (const n of systems.values()) comparablePairs -= (n * (n - 1)) / 2;
  const matchShareOfAllPairs = (share * blocked.length) / comparablePairs;
  const threshold = Number(Math.log2((1 - matchShareOfAllPairs) / matchShareOfAllPairs).toFixed(2));

  const variables = {} as Calibration['variables'];
  VARIABLES.forEach((variable: Variable, v) => {
    variables[variable] = Object.fromEntries(
      LEVELS[variable].map((level, i) => [
        level,
        { m: Number(m[v]![i]!.toPrecision(4)), u: Number(u[v]![i]!.toPrecision(4)) },
      ]),
    );
  });
  const calibration = {
    generatedBy: `npm run bench -- linkage-calibrate --people ${people} --seed ${seed} --random-pairs ${randomPairCount}`,
    records: records.length,
    candidatePairs: blocked.length,
    estimatedMatchShareAmongCandidates: Number(share.toFixed(4)),
    threshold,
    variables,
  };
  writeFileSync(out, `${JSON.stringify(calibration, null, 2)}\n`);
  const frequenciesOut = args['frequencies-out'] ?? 'functions/mid/domain/name-frequencies.json';
  const table = staticNameTable(
    records.map((record) => record.identity),
    calibration.generatedBy,
  );
  writeFileSync(frequenciesOut, `${JSON.stringify(table)}\n`);
  return {
    out,
    records: records.length,
    candidatePairs: blocked.length,
    matchShare: Number(share.toFixed(4)),
    threshold,
  };
}
