import { namingRegion } from '../../statistics/domain/naming-regions';
import type { IndividualFile } from '../domain/check';
import { type AutomaticColour, automaticColour, REASON_ARTICLES } from '../domain/colour';
import { documentAgreement } from '../domain/comparators';
import { compareIdentities } from '../domain/compare-identities';
import { identityInputFromRecord } from '../domain/identity-profile';
import { type Link, sameRecord } from '../domain/links';
import type { BiometricOutcome, DocumentOutcome, IdentityComparison } from '../domain/types';
import { compareOptionsOf, type RuleConfig } from './rule-config';

/**
 * Replay of the MID's comparison and colour decision with a candidate configuration, over the pairs of
 * existing links and over pairs the blocking index returns for a sample of files. Pure: it reads what
 * it is given and writes nothing. Each pair is decided twice, with the current configuration and with
 * the candidate, and the difference is tallied; a pair whose decision under the current configuration
 * differs from the stored one (its data changed and its check has not run yet) is counted as drift.
 */
export interface Configs {
  current: RuleConfig;
  candidate: RuleConfig;
}

type Label = 'same' | 'different';
type Prediction = 'same' | 'different' | 'verification';
type Pair<T> = { current: T; candidate: T };

export interface ReplayTally {
  links: number;
  /** Links one of whose files the CIR no longer holds (its deletion is being processed). */
  filesMissing: number;
  /** Pairs whose decision under the current configuration differs from the stored one. */
  drift: number;
  /** `kind|from colour|to colour|from reason|to reason` -> count. */
  changes: Record<string, number>;
  /** Links the candidate would not create: how the verifiers had classified them. */
  wouldNotLink: { total: number; verifiedSame: number; verifiedDifferent: number; unverified: number };
  /** Links a verifier decided: what each configuration's automatic outcome would have said. */
  decided: Pair<Record<'right' | 'wrong' | 'verification', number>>;
  /** Per naming region (of the file whose check produced the link). */
  regions: Record<string, { links: Pair<number>; yellow: Pair<number>; decidedWrong: Pair<number> }>;
  sample: { files: number; pairs: number };
}

export function emptyTally(): ReplayTally {
  return {
    links: 0,
    filesMissing: 0,
    drift: 0,
    changes: {},
    wouldNotLink: { total: 0, verifiedSame: 0, verifiedDifferent: 0, unverified: 0 },
    decided: {
      current: { right: 0, wrong: 0, verification: 0 },
      candidate: { right: 0, wrong: 0, verification: 0 },
    },
    regions: {},
    sample: { files: 0, pairs: 0 },
  };
}

/** The automatic outcome of a pair under a configuration (the decision `checkRecord` makes). */
export function decidePair(
  left: IndividualFile,
  right: IndividualFile,
  given: {
    biometric: BiometricOutcome;
    document: DocumentOutcome;
    hasBiometrics: readonly [boolean, boolean];
  },
  config: RuleConfig,
): { identity: IdentityComparison; automatic: AutomaticColour } {
  const identity = compareIdentities(
    identityInputFromRecord(left.identity),
    identityInputFromRecord(right.identity),
    compareOptionsOf(config),
  );
  const gated =
    config.minimumIdentityScore !== null && identity.score < config.minimumIdentityScore
      ? 'different'
      : identity.verdict;
  return {
    identity: { ...identity, verdict: gated },
    automatic: automaticColour({ ...given, identity: gated }),
  };
}

/** Replays one stored link; `files` in the order of `link.records`, undefined where deleted. */
export function replayLink(
  tally: ReplayTally,
  link: Link,
  files: readonly [IndividualFile | undefined, IndividualFile | undefined],
  configs: Configs,
): void {
  tally.links++;
  const [a, b] = files;
  if (!a || !b) {
    tally.filesMissing++;
    return;
  }
  const { evidence } = link;
  const [left, right] = sameRecord(evidence.comparedFrom, a.ref) ? [a, b] : [b, a];
  const given = {
    biometric: evidence.biometric,
    document: evidence.document,
    hasBiometrics: evidence.hasBiometrics,
  };
  const current = decidePair(left, right, given, configs.current);
  const candidate = decidePair(left, right, given, configs.candidate);
  if (
    !sameOutcome(current.automatic, evidence.automatic) ||
    current.identity.verdict !== evidence.identity.verdict
  )
    tally.drift++;

  const label: Label | undefined =
    link.classifiedBy !== 'manual'
      ? undefined
      : link.colour === 'green'
        ? 'different'
        : link.colour === 'white' || link.colour === 'red'
          ? 'same'
          : undefined;
  const colourNow = link.colour;
  let colourThen: Link['colour'] | null;
  if (link.classifiedBy === 'manual') {
    // A verifier's decision stays, unless the outcomes it was made on change: then the link is re-opened.
    colourThen = candidate.identity.verdict !== current.identity.verdict ? 'yellow' : colourNow;
    if (colourThen !== colourNow)
      count(tally, 'reopen', colourNow, colourThen, current.automatic, candidate.automatic);
  } else {
    colourThen = candidate.automatic.outcome === 'link' ? candidate.automatic.colour : null;
    if (colourThen === null)
      count(tally, 'disappear', colourNow, null, current.automatic, candidate.automatic);
    else if (colourThen !== colourNow)
      count(tally, 'colour', colourNow, colourThen, current.automatic, candidate.automatic);
    else if (candidate.automatic.reason !== current.automatic.reason)
      count(tally, 'reason', colourNow, colourThen, current.automatic, candidate.automatic);
  }
  if (candidate.automatic.outcome === 'no-link') {
    tally.wouldNotLink.total++;
    if (label === 'same') tally.wouldNotLink.verifiedSame++;
    else if (label === 'different') tally.wouldNotLink.verifiedDifferent++;
    else tally.wouldNotLink.unverified++;
  }

  const region = regionOf(tally, namingRegion(left.identity.nationalities));
  region.links.current++;
  if (colourThen !== null) region.links.candidate++;
  if (colourNow === 'yellow') region.yellow.current++;
  if (colourThen === 'yellow') region.yellow.candidate++;
  if (label) {
    for (const which of ['current', 'candidate'] as const) {
      const said = prediction(which === 'current' ? current.automatic : candidate.automatic);
      const verdict = said === 'verification' ? 'verification' : said === label ? 'right' : 'wrong';
      tally.decided[which][verdict]++;
      if (verdict === 'wrong') region.decidedWrong[which]++;
    }
  }
}

/**
 * Replays a pair the blocking index returned for a sampled file and no link joins. No link means the
 * sBMS found no biometric match and the documents differ (either makes a link), so only identity data
 * can make the candidate link them.
 */
export function replayUnlinkedPair(
  tally: ReplayTally,
  file: IndividualFile,
  other: IndividualFile,
  configs: Configs,
): void {
  tally.sample.pairs++;
  const bothHoldDocuments = file.travelDocuments.length > 0 && other.travelDocuments.length > 0;
  const agreement = documentAgreement(file.travelDocuments, other.travelDocuments);
  const given = {
    biometric: { kind: 'absent' } as const,
    document:
      agreement === 'near'
        ? ('near' as const)
        : bothHoldDocuments
          ? ('different' as const)
          : ('absent' as const),
    hasBiometrics: [file.hasBiometrics, other.hasBiometrics] as const,
  };
  const current = decidePair(file, other, given, configs.current);
  const candidate = decidePair(file, other, given, configs.candidate);
  if (current.automatic.outcome === 'link' || agreement === 'same') {
    tally.drift++;
    return;
  }
  if (candidate.automatic.outcome === 'no-link') return;
  count(tally, 'appear', null, candidate.automatic.colour, current.automatic, candidate.automatic);
  const region = regionOf(tally, namingRegion(file.identity.nationalities));
  region.links.candidate++;
  if (candidate.automatic.colour === 'yellow') region.yellow.candidate++;
}

/** Adds one tally into another (partial results of a distributed replay). */
export function mergeTallies(into: ReplayTally, from: ReplayTally): ReplayTally {
  into.links += from.links;
  into.filesMissing += from.filesMissing;
  into.drift += from.drift;
  for (const [key, n] of Object.entries(from.changes)) into.changes[key] = (into.changes[key] ?? 0) + n;
  for (const key of Object.keys(into.wouldNotLink) as (keyof ReplayTally['wouldNotLink'])[])
    into.wouldNotLink[key] += from.wouldNotLink[key];
  for (const which of ['current', 'candidate'] as const)
    for (const key of ['right', 'wrong', 'verification'] as const)
      into.decided[which][key] += from.decided[which][key];
  for (const [name, region] of Object.entries(from.regions)) {
    const target = regionOf(into, name);
    for (const measure of ['links', 'yellow', 'decidedWrong'] as const) {
      target[measure].current += region[measure].current;
      target[measure].candidate += region[measure].candidate;
    }
  }
  into.sample.files += from.sample.files;
  into.sample.pairs += from.sample.pairs;
  return into;
}

export interface ReplayChange {
  kind: 'colour' | 'reason' | 'disappear' | 'appear' | 'reopen';
  from: string | null;
  to: string | null;
  fromReason: string;
  toReason: string;
  /** The article behind the candidate's outcome. */
  article: string;
  count: number;
}

/** The report of a replay: changes grouped by kind, colours and reason codes, and their totals. */
export function replayReport(tally: ReplayTally) {
  const changes: ReplayChange[] = Object.entries(tally.changes)
    .map(([key, n]) => {
      const [kind, from, to, fromReason, toReason] = key.split('|') as [
        ReplayChange['kind'],
        string,
        string,
        string,
        string,
      ];
      return {
        kind,
        from: from || null,
        to: to || null,
        fromReason,
        toReason,
        article: REASON_ARTICLES[toReason as keyof typeof REASON_ARTICLES] ?? '',
        count: n,
      };
    })
    .sort((x, y) => y.count - x.count || x.kind.localeCompare(y.kind));
  const total = (kind: ReplayChange['kind']) =>
    changes.filter((change) => change.kind === kind).reduce((sum, change) => sum + change.count, 0);
  return {
    linksReplayed: tally.links,
    filesMissing: tally.filesMissing,
    drift: tally.drift,
    sample: tally.sample,
    totals: {
      changeColour: total('colour'),
      changeReason: total('reason'),
      disappear: total('disappear'),
      appear: total('appear'),
      reopen: total('reopen'),
    },
    changes,
    wouldNotLink: tally.wouldNotLink,
    decided: tally.decided,
    fairness: Object.fromEntries(Object.entries(tally.regions).sort(([x], [y]) => x.localeCompare(y))),
  };
}

export type ReplayReport = ReturnType<typeof replayReport>;

function count(
  tally: ReplayTally,
  kind: ReplayChange['kind'],
  from: string | null,
  to: string | null,
  current: AutomaticColour,
  candidate: AutomaticColour,
): void {
  const key = [kind, from ?? '', to ?? '', current.reason, candidate.reason].join('|');
  tally.changes[key] = (tally.changes[key] ?? 0) + 1;
}

function regionOf(tally: ReplayTally, name: string) {
  tally.regions[name] ??= {
    links: { current: 0, candidate: 0 },
    yellow: { current: 0, candidate: 0 },
    decidedWrong: { current: 0, candidate: 0 },
  };
  return tally.regions[name];
}

const sameOutcome = (a: AutomaticColour, b: AutomaticColour) =>
  a.outcome === b.outcome && a.reason === b.reason;

function prediction(automatic: AutomaticColour): Prediction {
  if (automatic.outcome === 'no-link') return 'different';
  return automatic.colour === 'white' ? 'same' : 'verification';
}
