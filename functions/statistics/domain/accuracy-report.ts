import { REASON_ARTICLES } from '../../mid/domain/colour';
import { AUTOMATIC_REASONS, type MetricName, WAIT_BUCKETS } from './counters';
import { NAMING_REGIONS } from './naming-regions';
import type { StoredCounter } from './ports';
import { SUPPRESSION_THRESHOLD } from './report';

/** The counters the accuracy report reads. */
export const ACCURACY_METRICS: readonly MetricName[] = [
  'midChecks',
  'midLinkOutcomes',
  'midVerificationTime',
];

const YELLOW_REASONS: ReadonlySet<string> = new Set(
  AUTOMATIC_REASONS.filter((reason) => !reason.startsWith('art33')),
);

/** A count, or null when it is below the suppression threshold (1 to 4); 0 is shown. */
export type Shown = number | null;

export interface AccuracyFigures {
  /** Links the MID created. */
  created: Shown;
  /** Verifications of links from the queue (a link re-opened and verified again counts twice). */
  verified: Shown;
  /** Links still in the verification queue. */
  waiting: Shown;
  /** Later changes of a verifier's decision. */
  rectified: Shown;
  /** Of the verified links, after rectifications: same person (white or red), different (green). */
  sameShare: number | null;
  differentShare: number | null;
  /** The histogram bucket holding the median time from entering the queue to verification. */
  medianTimeToVerification: { bucket: string; fromHours: number; toHours: number | null } | null;
}

export interface RegionFigures extends AccuracyFigures {
  region: string;
  checks: Shown;
  yellowCreated: Shown;
  /** Yellow links created per 1,000 MID checks of files of the region. */
  yellowPer1000Checks: number | null;
  /** The region's false-alarm (green) share exceeds the overall one by more than the configured ratio. */
  flagged: boolean;
}

export interface AccuracyReport {
  suppressionThreshold: number;
  flagRatio: number;
  total: AccuracyFigures & { checks: Shown; yellowCreated: Shown; yellowPer1000Checks: number | null };
  byReason: (AccuracyFigures & { reason: string; article: string })[];
  bySystems: (AccuracyFigures & { systems: string })[];
  byRegion: RegionFigures[];
}

interface Sums {
  events: Map<string, number>;
  waits: Map<string, number>;
  checks: number;
  yellowCreated: number;
}

const emptySums = (): Sums => ({ events: new Map(), waits: new Map(), checks: 0, yellowCreated: 0 });

/**
 * The accuracy of the MID's automatic rules measured from verifiers' decisions, per reason code, per
 * system pair and per naming region. Figures are summed first and suppressed after (counts 1-4 become
 * null, shares and medians need 5 decisions behind them), so no figure rests on fewer than 5 links.
 */
export function accuracyReport(counters: readonly StoredCounter[], flagRatio: number): AccuracyReport {
  const total = emptySums();
  const byReason = new Map<string, Sums>();
  const bySystems = new Map<string, Sums>();
  const byRegion = new Map<string, Sums>(NAMING_REGIONS.map((region) => [region, emptySums()]));
  const groupsOf = (dims: Record<string, string>) => [
    total,
    ...(dims.reason ? [at(byReason, dims.reason)] : []),
    ...(dims.systems ? [at(bySystems, dims.systems)] : []),
    at(byRegion, dims.region ?? 'unknown'),
  ];
  for (const counter of counters) {
    const dims = counter.dimensions;
    for (const sums of groupsOf(dims)) {
      if (counter.metric === 'midChecks') sums.checks += counter.count;
      else if (counter.metric === 'midVerificationTime') add(sums.waits, dims.wait!, counter.count);
      else if (counter.metric === 'midLinkOutcomes') {
        add(sums.events, dims.event!, counter.count);
        if (dims.event === 'created' && YELLOW_REASONS.has(dims.reason!)) sums.yellowCreated += counter.count;
      }
    }
  }

  const overall = { ...figures(total), ...burden(total) };
  return {
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    flagRatio,
    total: overall,
    byReason: [...byReason]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, sums]) => ({
        reason,
        article: REASON_ARTICLES[reason as keyof typeof REASON_ARTICLES] ?? '',
        ...figures(sums),
      })),
    bySystems: [...bySystems]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([systems, sums]) => ({ systems, ...figures(sums) })),
    byRegion: [...byRegion].map(([region, sums]) => {
      const shown = figures(sums);
      return {
        region,
        ...shown,
        ...burden(sums),
        flagged:
          shown.differentShare !== null &&
          overall.differentShare !== null &&
          shown.differentShare > overall.differentShare * flagRatio,
      };
    }),
  };
}

function figures(sums: Sums): AccuracyFigures {
  const n = (event: string) => sums.events.get(event) ?? 0;
  const verified = n('same') + n('different');
  const same = Math.max(0, n('same') + n('correctedToSame') - n('correctedToDifferent'));
  const different = Math.max(0, n('different') + n('correctedToDifferent') - n('correctedToSame'));
  const decided = same + different;
  const enough = decided >= SUPPRESSION_THRESHOLD;
  return {
    created: shown(n('created')),
    verified: shown(verified),
    waiting: shown(Math.max(0, n('yellow') - verified - n('leftYellow'))),
    rectified: shown(n('rectified')),
    sameShare: enough ? round(same / decided) : null,
    differentShare: enough ? round(different / decided) : null,
    medianTimeToVerification: median(sums.waits),
  };
}

function burden(sums: Sums) {
  const enough = sums.checks >= SUPPRESSION_THRESHOLD && shown(sums.yellowCreated) !== null;
  return {
    checks: shown(sums.checks),
    yellowCreated: shown(sums.yellowCreated),
    yellowPer1000Checks: enough ? round((sums.yellowCreated / sums.checks) * 1000) : null,
  };
}

function median(waits: ReadonlyMap<string, number>): AccuracyFigures['medianTimeToVerification'] {
  const total = [...waits.values()].reduce((a, b) => a + b, 0);
  if (total < SUPPRESSION_THRESHOLD) return null;
  let seen = 0;
  for (const [i, bucket] of WAIT_BUCKETS.entries()) {
    seen += waits.get(bucket.label) ?? 0;
    if (seen * 2 >= total) {
      return {
        bucket: bucket.label,
        fromHours: round(i === 0 ? 0 : WAIT_BUCKETS[i - 1]!.maxHours),
        toHours: Number.isFinite(bucket.maxHours) ? round(bucket.maxHours) : null,
      };
    }
  }
  return null;
}

const shown = (count: number): Shown => (count === 0 || count >= SUPPRESSION_THRESHOLD ? count : null);
const round = (value: number) => Math.round(value * 1000) / 1000;
const add = (map: Map<string, number>, key: string, count: number) =>
  map.set(key, (map.get(key) ?? 0) + count);
function at(map: Map<string, Sums>, key: string): Sums {
  const sums = map.get(key) ?? emptySums();
  map.set(key, sums);
  return sums;
}
