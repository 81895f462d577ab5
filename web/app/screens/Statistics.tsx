import type { FormEvent } from 'react';
import type { Api } from '../api/endpoints';
import type { StatisticsQuery } from '../api/types';
import { useSignedIn } from '../session-context';
import { BarChart } from '../ui/BarChart';
import { ErrorMessage, fieldError, Loading } from '../ui/feedback';
import { DayRangeFields, SelectField, TextField } from '../ui/fields';
import { usePeriodReport } from '../ui/period-report';
import { usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';
import { barsOf, CHARTS } from './statistics-figures';

interface Filters {
  from: string;
  to: string;
  memberState: string;
  chart: string;
}

const CHART_OPTIONS = [
  { value: '', label: 'All figures' },
  ...CHARTS.map((chart) => ({ value: chart.id, label: chart.title })),
];

const fetchStatistics = (api: Api, query: StatisticsQuery) => api.statistics(query);

/** `GET /v1/statistics` as charts: CRRS figures (Art 39), anonymised, small counts suppressed by the API. */
export function Statistics() {
  usePageTitle('Statistics');
  const { filters, setFilters, reply, error, load } = usePeriodReport(fetchStatistics, {
    from: '',
    to: '',
    memberState: '',
    chart: '',
  });

  const query = (): StatisticsQuery => ({
    from: filters.from || undefined,
    to: filters.to || undefined,
    memberState: filters.memberState.trim().toUpperCase() || undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(query());
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((old) => ({ ...old, [key]: value }));
  const shown = CHARTS.filter((chart) => !filters.chart || chart.id === filters.chart);

  return (
    <section className="page">
      <h1 tabIndex={-1}>Statistics</h1>
      <p className="muted">
        Anonymised figures of the central repository for reporting and statistics (Art 39). Counts below the
        threshold are suppressed by the API and shown as such (e.g. <strong>&lt;5</strong>), never as 0;
        hatched bar ends stand for them.
      </p>
      <form className="filter-form" onSubmit={submit} noValidate aria-label="Filter the statistics">
        <DayRangeFields from={filters.from} to={filters.to} onChange={set} error={error} />
        <TextField
          label="Member State"
          name="memberState"
          hint="ISO code or EU; empty: all"
          value={filters.memberState}
          onChange={set('memberState')}
          error={fieldError(error, 'memberState')}
        />
        <SelectField
          label="Metric"
          name="chart"
          value={filters.chart}
          onChange={set('chart')}
          options={CHART_OPTIONS}
        />
        <div className="actions">
          <button type="submit">Apply filters</button>
        </div>
      </form>
      <ErrorMessage error={error} title="The statistics could not be read" />
      {!reply && error === undefined && <Loading what="the statistics" />}
      {reply && (
        <>
          <div className="card-head">
            <p role="status">
              {reply.from} to {reply.to},{' '}
              {reply.memberState ? `Member State ${reply.memberState}` : 'all Member States'}:{' '}
              {reply.rows.length} counters.
            </p>
            <CsvExport query={{ from: reply.from, to: reply.to, memberState: reply.memberState }} />
          </div>
          <div className="charts">
            {shown.map((chart) => (
              <BarChart
                key={chart.id}
                title={chart.title}
                description={chart.description}
                category={chart.by.map((key) => key.charAt(0).toUpperCase() + key.slice(1)).join(', ')}
                bars={barsOf(chart, reply.rows)}
                threshold={reply.suppressionThreshold}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** The CSV export needs the bearer token: fetched here and handed to the browser as a file. */
function CsvExport({ query }: { query: StatisticsQuery }) {
  const { api } = useSignedIn();
  const { error, busy, run } = useSubmission<void>();
  const download = () =>
    run(async () => {
      const csv = await api.statisticsCsv(query);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `statistics-${query.from}-${query.to}${query.memberState ? `-${query.memberState}` : ''}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <div>
      <button type="button" className="secondary" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing CSV…' : 'Download CSV'}
      </button>
      <ErrorMessage error={error} title="The CSV export failed" />
    </div>
  );
}
