import { type ApiHandler, ok } from '../../shared/http';
import type { DataQualityQuery } from '../../shared/schemas/data-quality';
import { INDICATORS } from '../quality/indicators';
import { type QualityReader, qualityCsv, qualityRows } from '../quality/report';

/** Art 37: data-quality indicators per origin system and Member State for one month, JSON or CSV. */
export function dataQualityHandlers(reader: () => QualityReader, now: () => Date = () => new Date()) {
  const report =
    (csv: boolean): ApiHandler<unknown, Record<string, string>, DataQualityQuery> =>
    async (request) => {
      const { system, memberState } = request.query;
      const month = request.query.month ?? now().toISOString().slice(0, 7);
      const rows = qualityRows(await reader().counters({ month, system, memberState }), month);
      request.audit.purpose = 'dataQuality';
      request.audit.resultCount = rows.length;
      request.audit.details = {
        month,
        system: system ?? 'all',
        memberState: memberState ?? 'all',
        format: csv ? 'csv' : 'json',
      };
      if (csv) {
        return {
          statusCode: 200,
          body: qualityCsv(month, rows),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="data-quality-${month}.csv"`,
          },
        };
      }
      return ok({ month, system, memberState, definitions: INDICATORS, rows });
    };
  return { getDataQuality: report(false), getDataQualityCsv: report(true) };
}
