import { ValidationFailed } from '../../shared/errors';
import { type ApiHandler, ok } from '../../shared/http';
import type { StatisticsQuery } from '../../shared/schemas/statistics';
import type { StatisticsReader } from '../domain/ports';
import { reportRows, SUPPRESSION_THRESHOLD, toCsv } from '../domain/report';

const DAY_MS = 86_400_000;
/** At most about 13 months per request (one year of logs plus margin). */
const MAX_DAYS = 400;

/** The requested day range: default the 30 days up to today, at most MAX_DAYS. */
export function dayRange(query: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new ValidationFailed([{ field: 'query.from', message: 'from must not be after to' }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) {
    throw new ValidationFailed([{ field: 'query.from', message: `at most ${MAX_DAYS} days per request` }]);
  }
  return { from, to };
}

/** Art 39: anonymised figures for statistics users, JSON or CSV, small counts suppressed. */
export function statisticsHandlers(reader: () => StatisticsReader, now: () => Date = () => new Date()) {
  const report =
    (csv: boolean): ApiHandler<unknown, Record<string, string>, StatisticsQuery> =>
    async (request) => {
      const { query } = request;
      const { from, to } = dayRange(query, now());
      const rows = reportRows(await reader().query({ from, to, memberState: query.memberState }));
      request.audit.purpose = 'statistics';
      request.audit.resultCount = rows.length;
      request.audit.details = {
        from,
        to,
        memberState: query.memberState ?? 'all',
        format: csv ? 'csv' : 'json',
      };
      if (csv || query.format === 'csv') {
        return {
          statusCode: 200,
          body: toCsv(rows),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="statistics-${from}-${to}.csv"`,
          },
        };
      }
      return ok({
        from,
        to,
        memberState: query.memberState,
        suppressionThreshold: SUPPRESSION_THRESHOLD,
        rows,
      });
    };
  return { getStatistics: report(false), getStatisticsCsv: report(true) };
}
