import type { Variable } from './comparison-levels';
import { type IdentityInput, type PreparedIdentity, prepareIdentity } from './identity-profile';
import type { ScoredVariable } from './identity-score';
import staticTable from './name-frequencies.json';

/**
 * Term-frequency adjustment of the name weights: agreeing on a rare name is stronger evidence
 * than agreeing on a common one (Winkler 1988; Splink's term-frequency adjustments). The
 * calibrated weight of a name level is an average over all names; a name's own frequency moves
 * it by log2(average chance agreement / this name's share), so MOHAMMED or WANG weighs less and a
 * rare name more. Surname and first names are adjusted separately (a full-name adjustment, which
 * would also correct their dependence, was tried and cost FEBRL3 recall; docs/mid-matching.md).
 *
 * Frequencies are counted from unlabelled data: the files being linked (in memory), in
 * production the CIR itself (a counter per name key; docs/mid-matching.md). Keys are the variant
 * key of the whole name field (transliteration variants count as one name).
 */
export type FrequencyKind = 'surname' | 'firstName' | 'fullName';

/** Port: the share of files holding a name key, or undefined when the source knows nothing of it. */
export interface NameFrequencies {
  share(kind: FrequencyKind, key: string): number | undefined;
}

/** Largest adjustment, in bits, up (rare names) and down (common names), per variable and for the full name. */
export const MAX_RAISE = 3;
export const MAX_LOWER = 8;
/** Pseudo-files of prior (the calibration's average) in every share: a small count moves little. */
export const PRIOR_FILES = 500;
/** Name levels the adjustment applies to: agreement on (nearly) the same name. */
const AGREEING: ReadonlySet<string> = new Set(['exact', 'variant', 'close', 'partial']);

export function frequencyKeys(identity: PreparedIdentity): Array<{ kind: FrequencyKind; key: string }> {
  const surname = identity.surnames[0]?.variant;
  const firstName = identity.firstNames[0]?.variant;
  const keys: Array<{ kind: FrequencyKind; key: string }> = [];
  if (surname) keys.push({ kind: 'surname', key: surname });
  if (firstName) keys.push({ kind: 'firstName', key: firstName });
  if (surname && firstName) keys.push({ kind: 'fullName', key: `${surname}|${firstName}` });
  return keys;
}

/** Counts of name keys over the files added (the benchmark's records; a test's fixtures). */
export class InMemoryNameFrequencies implements NameFrequencies {
  private readonly counts = new Map<string, number>();
  private files = 0;

  constructor(private readonly prior: Record<FrequencyKind, number>) {}

  add(input: IdentityInput): void {
    this.files++;
    for (const { kind, key } of frequencyKeys(prepareIdentity(input))) {
      const id = `${kind}|${key}`;
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    }
  }

  remove(input: IdentityInput): void {
    this.files = Math.max(0, this.files - 1);
    for (const { kind, key } of frequencyKeys(prepareIdentity(input))) {
      const id = `${kind}|${key}`;
      const count = (this.counts.get(id) ?? 0) - 1;
      if (count > 0) this.counts.set(id, count);
      else this.counts.delete(id);
    }
  }

  /** Share of the OTHER files holding the key: the file itself (counted before it is compared) is left out. */
  share(kind: FrequencyKind, key: string): number {
    const count = Math.max(0, (this.counts.get(`${kind}|${key}`) ?? 0) - 1);
    return (count + PRIOR_FILES * this.prior[kind]) / (this.files + PRIOR_FILES);
  }
}

interface StaticTable {
  generatedBy: string;
  files: number;
  shares: Record<FrequencyKind, Record<string, number>>;
}

/**
 * The production default until the CIR counters are wired: the commonest name keys of the
 * calibration data with their shares (common names weigh less); any other name is unknown and
 * keeps its calibrated weight (never raised: absence from a small table says nothing).
 */
export class StaticNameFrequencies implements NameFrequencies {
  constructor(private readonly table: StaticTable) {}
  share(kind: FrequencyKind, key: string): number | undefined {
    return this.table.shares[kind]?.[key];
  }
}

export const STATIC_NAME_FREQUENCIES = new StaticNameFrequencies(staticTable as StaticTable);

const clamp = (value: number) => Math.max(-MAX_LOWER, Math.min(MAX_RAISE, value));

/**
 * Adjusts the weights of agreeing surname and first-name levels (in place of copies) by the
 * frequencies of the two files' names; `average` is the calibration's chance agreement per kind.
 * Never turns an agreement into evidence against, and a file with first names never scores lower
 * on names than the same file without them (missing fields never raise a score).
 */
export function adjustNameWeights(
  scored: readonly ScoredVariable[],
  left: PreparedIdentity,
  right: PreparedIdentity,
  frequencies: NameFrequencies,
  average: Record<FrequencyKind, number>,
): ScoredVariable[] {
  const entry = (variable: Variable) => scored.find((item) => item.variable === variable);
  const adjustable = (item: ScoredVariable | undefined) =>
    item !== undefined && AGREEING.has(item.level) && !/^(swapped|across):/.test(item.fields);
  const surname = entry('surname');
  const firstNames = entry('firstNames');
  const keysOf = (identity: PreparedIdentity) =>
    new Map(frequencyKeys(identity).map(({ kind, key }) => [kind, key]));
  const [a, b] = [keysOf(left), keysOf(right)];
  /** Bits to add for a kind: log2(average / share), using the commoner of the two names. */
  const bits = (kind: FrequencyKind): number => {
    const shares = [a.get(kind), b.get(kind)].map((key) =>
      key === undefined ? undefined : frequencies.share(kind, key),
    );
    if (shares.some((share) => share === undefined)) return 0;
    const share = Math.max(...(shares as number[]));
    return share > 0 ? clamp(Math.log2(average[kind] / share)) : 0;
  };
  const adjusted = new Map<Variable, number>();
  const surnameBits = adjustable(surname) ? bits('surname') : 0;
  const firstNameBits = adjustable(firstNames) ? bits('firstName') : 0;
  if (surname && adjustable(surname)) adjusted.set('surname', Math.max(0, surname.weight + surnameBits));
  if (firstNames && adjustable(firstNames))
    adjusted.set('firstNames', Math.max(0, firstNames.weight + firstNameBits));
  return scored.map((item) =>
    adjusted.has(item.variable) ? { ...item, weight: adjusted.get(item.variable)! } : item,
  );
}
