import type { StatisticsRow } from '../api/types';
import type { Figure } from '../ui/figure';
import { humanise } from '../ui/format';

/** One chart: which metric, which dimensions make a bar, and how a bar is named. */
export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  metric: StatisticsRow['metric'];
  /** The dimensions that tell bars apart; the others are summed. */
  by: readonly string[];
  /** Every value of the one dimension, in order (a histogram, the colours); otherwise the largest first. */
  order?: readonly string[];
  label?: (values: readonly string[]) => string;
}

const YELLOW_AGE: Record<string, string> = {
  lt1h: 'under 1 hour',
  '1h-1d': '1 hour to 1 day',
  '1d-7d': '1 to 7 days',
  '7d-30d': '7 to 30 days',
  ge30d: '30 days or more',
};

const OUTCOME: Record<string, string> = {
  hit: 'hit',
  noHit: 'no hit',
  flagged: 'at least one flag',
  noFlag: 'no flag',
  submitted: 'submitted',
  submittedUrgent: 'submitted (urgent)',
  approved: 'approved',
  refused: 'refused',
};

export const CHARTS: readonly ChartSpec[] = [
  {
    id: 'espSearches',
    title: 'ESP searches per profile',
    description: 'Searches through the European Search Portal, by the ESP profile of the user.',
    metric: 'espSearches',
    by: ['profile'],
    label: ([profile]) => humanise(profile ?? ''),
  },
  {
    id: 'identityChecks',
    title: 'Identity checks (Art 20)',
    description: 'Police identity checks with and without live biometrics, and whether they found a file.',
    metric: 'identityChecks',
    by: ['biometrics', 'outcome'],
    label: ([biometrics, outcome]) => `${biometrics} biometrics, ${OUTCOME[outcome ?? ''] ?? outcome}`,
  },
  {
    id: 'linksByColour',
    title: 'Links created per colour',
    description: 'Links created by the multiple-identity detector, by colour.',
    metric: 'linksCreated',
    by: ['colour'],
    order: ['white', 'yellow', 'green', 'red'],
  },
  {
    id: 'linksBySystems',
    title: 'Links created per system pair',
    description: 'Links created by the multiple-identity detector, by the pair of systems they join.',
    metric: 'linksCreated',
    by: ['systems'],
    label: ([systems]) => (systems ?? '').replace('-', ' – '),
  },
  {
    id: 'yellowDuration',
    title: 'Time links stayed yellow',
    description: 'Yellow links resolved in the period, by how long they waited for manual verification.',
    metric: 'yellowDuration',
    by: ['bucket'],
    order: Object.keys(YELLOW_AGE),
    label: ([bucket]) => YELLOW_AGE[bucket ?? ''] ?? bucket ?? '',
  },
  {
    id: 'hits',
    title: 'Hits per system',
    description:
      'Searches with at least one result in a system (ESP searches, identity checks, Art 22 flags).',
    metric: 'hits',
    by: ['system'],
  },
  {
    id: 'consultations',
    title: 'Consultations (Art 22, step 1)',
    description: 'Consultations of designated authorities, by whether any system flagged a record.',
    metric: 'consultations',
    by: ['outcome'],
    label: ([outcome]) => OUTCOME[outcome ?? ''] ?? outcome ?? '',
  },
  {
    id: 'accessRequests',
    title: 'Access requests (Art 22, step 2)',
    description: 'Access requests submitted to verifying authorities and their decisions.',
    metric: 'accessRequests',
    by: ['outcome'],
    label: ([outcome]) => OUTCOME[outcome ?? ''] ?? outcome ?? '',
  },
];

export interface Bar {
  key: string;
  label: string;
  figure: Figure;
}

/**
 * The bars of a chart: rows of its metric summed over days, Member States and the dimensions it does
 * not show. A suppressed row adds nothing to the known total and is counted as suppressed, so a bar
 * never shows 0 for counts that exist but are below the threshold.
 */
export function barsOf(chart: ChartSpec, rows: readonly StatisticsRow[]): Bar[] {
  const bars = new Map<string, Bar>();
  // Every bucket of a histogram (every colour) is shown: no counter for it means nothing was counted.
  for (const key of chart.order ?? []) {
    bars.set(key, { key, label: chart.label?.([key]) ?? key, figure: { known: 0, suppressedRows: 0 } });
  }
  for (const row of rows) {
    if (row.metric !== chart.metric) continue;
    const values = chart.by.map((key) => row.dimensions[key] ?? '');
    const key = values.join('|');
    const bar = bars.get(key) ?? {
      key,
      label: chart.label ? chart.label(values) : values.join(', '),
      figure: { known: 0, suppressedRows: 0 },
    };
    if (row.suppressed || row.count === null) bar.figure.suppressedRows += 1;
    else bar.figure.known += row.count;
    bars.set(key, bar);
  }
  const result = [...bars.values()];
  const { order } = chart;
  return order
    ? result.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    : result.sort((a, b) => b.figure.known - a.figure.known || a.label.localeCompare(b.label));
}
