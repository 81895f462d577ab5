import type { OriginSystem } from '../../shared/systems';
import {
  type Counts,
  DENOMINATORS,
  type Denominator,
  INDICATOR_NAMES,
  INDICATORS,
  type IndicatorName,
} from './indicators';

/** One counter item: the net changes of every measure of one system and Member State in one month. */
export interface QualityCounterItem {
  system: OriginSystem;
  memberState: string;
  /** YYYY-MM */
  month: string;
  counts: Counts;
}

export interface QualityReader {
  /** Counter items up to `month` (inclusive), of one system and one Member State where given. */
  counters(filter: {
    month: string;
    system?: OriginSystem;
    memberState?: string;
  }): Promise<QualityCounterItem[]>;
}

export interface IndicatorFigure {
  /** At the end of the month (now, for the current month). */
  count: number;
  /** Net change during the month (faults added minus faults removed). */
  change: number;
  /** count / the indicator's denominator, 4 decimals; null when the denominator is 0. */
  rate: number | null;
}

export interface QualityRow {
  system: OriginSystem;
  memberState: string;
  totals: Record<Denominator, number>;
  indicators: Record<IndicatorName, IndicatorFigure>;
}

/**
 * The state at the end of `month`: every counter item holds the net changes of its month, so the
 * count is the sum of the items up to it and the change the sum of that month's items.
 */
export function qualityRows(items: readonly QualityCounterItem[], month: string): QualityRow[] {
  const groups = new Map<
    string,
    { system: OriginSystem; memberState: string; count: Counts; change: Counts }
  >();
  for (const item of items) {
    if (item.month > month) continue;
    const key = `${item.system}|${item.memberState}`;
    const group = groups.get(key) ?? {
      system: item.system,
      memberState: item.memberState,
      count: {},
      change: {},
    };
    groups.set(key, group);
    for (const [measure, n] of Object.entries(item.counts) as [keyof Counts, number][]) {
      group.count[measure] = (group.count[measure] ?? 0) + n;
      if (item.month === month) group.change[measure] = (group.change[measure] ?? 0) + n;
    }
  }
  return [...groups.values()]
    .filter(({ count, change }) => [...Object.values(count), ...Object.values(change)].some((n) => n !== 0))
    .sort((a, b) => `${a.system}|${a.memberState}`.localeCompare(`${b.system}|${b.memberState}`))
    .map(({ system, memberState, count, change }) => {
      const totals = Object.fromEntries(DENOMINATORS.map((d) => [d, count[d] ?? 0])) as Record<
        Denominator,
        number
      >;
      const indicators = Object.fromEntries(
        INDICATOR_NAMES.map((name) => {
          const n = count[name] ?? 0;
          const denominator = totals[INDICATORS[name].per];
          return [
            name,
            {
              count: n,
              change: change[name] ?? 0,
              rate: denominator > 0 ? Math.round((n / denominator) * 1e4) / 1e4 : null,
            },
          ];
        }),
      ) as Record<IndicatorName, IndicatorFigure>;
      return { system, memberState, totals, indicators };
    });
}

/**
 * One line per system, Member State and indicator. Every cell is a number or a word of a closed
 * vocabulary (systems, schema-checked Member States, indicator names): nothing to quote or escape.
 */
export function qualityCsv(month: string, rows: readonly QualityRow[]): string {
  const header = [
    'month',
    'system',
    'memberState',
    'indicator',
    'per',
    'denominator',
    'count',
    'change',
    'rate',
  ];
  const lines = rows.flatMap((row) =>
    INDICATOR_NAMES.map((name) => {
      const figure = row.indicators[name];
      const per = INDICATORS[name].per;
      return [
        month,
        row.system,
        row.memberState,
        name,
        per,
        String(row.totals[per]),
        String(figure.count),
        String(figure.change),
        figure.rate === null ? '' : String(figure.rate),
      ].join(',');
    }),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
