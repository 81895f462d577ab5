import { type ApiHandler, ok } from '../../shared/http';
import type { MidAccuracyQuery } from '../../shared/schemas/statistics';
import { ACCURACY_METRICS, accuracyReport } from '../domain/accuracy-report';
import { NAMING_REGIONS, REGION_NATIONALITIES } from '../domain/naming-regions';
import type { StatisticsReader } from '../domain/ports';
import { dayRange } from './statistics';

/**
 * Art 37 with Art 5: the accuracy of the MID's automatic rules measured from verifiers' decisions,
 * for the links created in a day range, per reason code, system pair and naming region, with the
 * statistics' suppression. Counts only: no link, record or person.
 */
export function midAccuracyHandlers(
  reader: () => StatisticsReader,
  flagRatio: () => number,
  now: () => Date = () => new Date(),
) {
  const getMidAccuracy: ApiHandler<unknown, Record<string, string>, MidAccuracyQuery> = async (request) => {
    const { memberState } = request.query;
    const { from, to } = dayRange(request.query, now());
    const counters = await reader().query({ from, to, memberState, metrics: ACCURACY_METRICS });
    const report = accuracyReport(counters, flagRatio());
    request.audit.purpose = 'statistics';
    request.audit.resultCount = report.byReason.length;
    request.audit.details = { from, to, memberState: memberState ?? 'all', report: 'midAccuracy' };
    return ok({
      from,
      to,
      memberState,
      ...report,
      regions: { order: NAMING_REGIONS, nationalities: REGION_NATIONALITIES },
    });
  };
  return { getMidAccuracy };
}
