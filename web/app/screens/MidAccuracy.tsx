import type { FormEvent } from 'react';
import type { Api } from '../api/endpoints';
import type { MidAccuracyReply, StatisticsQuery } from '../api/types';
import { BarChart } from '../ui/BarChart';
import { ErrorMessage, fieldError, Loading } from '../ui/feedback';
import { DayRangeFields, TextField } from '../ui/fields';
import type { Figure } from '../ui/figure';
import { usePeriodReport } from '../ui/period-report';
import { usePageTitle } from '../ui/router';
import {
  accuracyRows,
  count,
  REGION_LABELS,
  RULE_LABELS,
  RULE_SHORT,
  rate,
  share,
  wait,
} from './mid-accuracy-figures';

interface Filters {
  from: string;
  to: string;
  memberState: string;
}

const fetchMidAccuracy = (api: Api, query: StatisticsQuery) => api.midAccuracy(query);

/**
 * `GET /v1/statistics/mid-accuracy` as charts and tables: the MID's automatic rules measured from the
 * verifiers' decisions (Art 37) and their burden per naming region (Art 5). Suppressed figures read
 * `<5` (counts) or `not shown` (shares, rates and medians with fewer than 5 behind them).
 */
export function MidAccuracy() {
  usePageTitle('MID accuracy');
  const { filters, setFilters, reply, error, load } = usePeriodReport(fetchMidAccuracy, {
    from: '',
    to: '',
    memberState: '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load({
      from: filters.from || undefined,
      to: filters.to || undefined,
      memberState: filters.memberState.trim().toUpperCase() || undefined,
    });
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((old) => ({ ...old, [key]: value }));
  const threshold = reply?.suppressionThreshold ?? 5;
  const byRule = (pick: (row: MidAccuracyReply['byReason'][number]) => Figure) =>
    (reply?.byReason ?? []).map((row) => ({
      key: row.reason,
      label: RULE_SHORT[row.reason] ?? row.reason,
      figure: pick(row),
    }));
  const byRegion = (pick: (row: MidAccuracyReply['byRegion'][number]) => Figure) =>
    (reply?.byRegion ?? []).map((row) => ({
      key: row.region,
      label: `${REGION_LABELS[row.region] ?? row.region}${row.flagged ? ' (flagged)' : ''}`,
      figure: pick(row),
    }));

  return (
    <section className="page">
      <h1 tabIndex={-1}>MID accuracy</h1>
      <p className="muted">
        Each verification of a link the multiple-identity detector created is a labelled outcome of the
        automatic rule that produced it. Figures are for the links created in the period. Counts below{' '}
        {threshold} read <strong>&lt;{threshold}</strong>; shares, rates and medians with fewer than{' '}
        {threshold} behind them are not shown.
      </p>
      <form className="filter-form" onSubmit={submit} noValidate aria-label="Filter the MID accuracy">
        <DayRangeFields from={filters.from} to={filters.to} onChange={set} error={error} />
        <TextField
          label="Member State"
          name="memberState"
          hint="ISO code or EU; empty: all"
          value={filters.memberState}
          onChange={set('memberState')}
          error={fieldError(error, 'memberState')}
        />
        <div className="actions">
          <button type="submit">Apply filters</button>
        </div>
      </form>
      <ErrorMessage error={error} title="The MID accuracy could not be read" />
      {!reply && error === undefined && <Loading what="the MID accuracy" />}
      {reply && (
        <>
          <p role="status">
            {reply.from} to {reply.to},{' '}
            {reply.memberState ? `Member State ${reply.memberState}` : 'all Member States'}: links created{' '}
            {formatCount(reply.total.created, threshold)}, verified{' '}
            {formatCount(reply.total.verified, threshold)}, waiting{' '}
            {formatCount(reply.total.waiting, threshold)}.
          </p>
          <div className="charts">
            <BarChart
              title="Links created per rule"
              description="Links the MID created, by the automatic rule (reason code) that produced them."
              category="Rule"
              bars={byRule((row) => count(row.created))}
              threshold={threshold}
            />
            <BarChart
              title="Verified per rule"
              description="Verifications by the responsible authority (yellow to white, green or red)."
              category="Rule"
              bars={byRule((row) => count(row.verified))}
              threshold={threshold}
            />
            <BarChart
              title="False alarms per rule"
              description="Share of the verified links found to be different persons (green), after rectifications."
              category="Rule"
              valueLabel="Different persons"
              bars={byRule((row) => rate(row.differentShare))}
              threshold={threshold}
              format={share}
            />
            <BarChart
              title="Yellow links per 1,000 checks by naming region"
              description="The verification burden: yellow links created per 1,000 MID checks of files of the region."
              category="Naming region"
              valueLabel="Per 1,000 checks"
              bars={byRegion((row) => rate(row.yellowPer1000Checks))}
              threshold={threshold}
              format={(figure) => (figure.suppressedRows > 0 ? 'not shown' : String(figure.known))}
            />
            <BarChart
              title="False alarms by naming region"
              description={`Share of verified links found to be different persons; a region is flagged when its share exceeds the overall ${share(rate(reply.total.differentShare))} by more than ${reply.flagRatio}×.`}
              category="Naming region"
              valueLabel="Different persons"
              bars={byRegion((row) => rate(row.differentShare))}
              threshold={threshold}
              format={share}
            />
          </div>
          <AccuracyTable
            title="Per rule"
            category="Rule"
            rows={accuracyRows(
              reply.byReason,
              (row) => `${RULE_LABELS[row.reason] ?? row.reason} (${row.article})`,
            )}
            threshold={threshold}
          />
          <AccuracyTable
            title="Per pair of systems"
            category="Systems"
            rows={accuracyRows(reply.bySystems, (row) => row.systems)}
            threshold={threshold}
          />
          <AccuracyTable
            title="Per naming region"
            category="Naming region"
            rows={accuracyRows(reply.byRegion, (row) => REGION_LABELS[row.region] ?? row.region)}
            threshold={threshold}
          />
          <p className="muted small">
            The naming region comes from the first nationality of the file whose check created the link,
            through a published grouping (documented in the statistics documentation); it says nothing about
            one person.
          </p>
        </>
      )}
    </section>
  );
}

function formatCount(value: number | null, threshold: number): string {
  return value === null ? `<${threshold}` : String(value);
}

function AccuracyTable({
  title,
  category,
  rows,
  threshold,
}: {
  title: string;
  category: string;
  rows: ReturnType<typeof accuracyRows>;
  threshold: number;
}) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing counted in this period.</p>
      ) : (
        <table className="table compact" aria-label={`MID accuracy ${title.toLowerCase()}`}>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col">Created</th>
              <th scope="col">Verified</th>
              <th scope="col">Waiting</th>
              <th scope="col">Rectified</th>
              <th scope="col">Same person</th>
              <th scope="col">Different persons</th>
              <th scope="col">Median time to verification</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{formatCount(row.created, threshold)}</td>
                <td>{formatCount(row.verified, threshold)}</td>
                <td>{formatCount(row.waiting, threshold)}</td>
                <td>{formatCount(row.rectified, threshold)}</td>
                <td>{share(rate(row.sameShare))}</td>
                <td>{share(rate(row.differentShare))}</td>
                <td>{wait(row.medianTimeToVerification)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
