import { METRICS, type MetricName } from './counters';
import type { StoredCounter } from './ports';

/** Counts below this are not shown (Art 39: nothing that could single out a person). */
export const SUPPRESSION_THRESHOLD = 5;

export interface StatisticsRow {
  metric: MetricName;
  day: string;
  memberState: string;
  dimensions: Record<string, string>;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

/** Rows in a stable order, small counts suppressed. */
export function reportRows(counters: readonly StoredCounter[]): StatisticsRow[] {
  return [...counters]
    .sort((a, b) => rowKey(a).localeCompare(rowKey(b)))
    .map((counter) => {
      const suppressed = counter.count < SUPPRESSION_THRESHOLD;
      return {
        metric: counter.metric,
        day: counter.day,
        memberState: counter.memberState,
        dimensions: counter.dimensions,
        count: suppressed ? null : counter.count,
        suppressed,
      };
    });
}

const rowKey = (c: StoredCounter) =>
  `${c.metric}|${c.day}|${c.memberState}|${METRICS[c.metric].map((k) => c.dimensions[k]).join('|')}`;

const CSV_DIMENSIONS = [...new Set(Object.values(METRICS).flat())];

/** One line per row; every dimension a column (empty where the metric has none); `<5` where suppressed. */
export function toCsv(rows: readonly StatisticsRow[]): string {
  const header = ['metric', 'day', 'memberState', ...CSV_DIMENSIONS, 'count'];
  const lines = rows.map((row) =>
    [
      row.metric,
      row.day,
      row.memberState,
      ...CSV_DIMENSIONS.map((key) => row.dimensions[key] ?? ''),
      row.suppressed ? `<${SUPPRESSION_THRESHOLD}` : String(row.count),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** Values are categorical words already; quoting and a leading-formula guard keep spreadsheets safe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^<\d$/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
