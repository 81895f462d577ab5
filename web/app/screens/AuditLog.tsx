import { type FormEvent, useCallback, useState } from 'react';
import type { AuditQuery, AuditVerification, ChainedAuditEntry } from '../api/types';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError, Loading, Notice } from '../ui/feedback';
import { DayRangeFields, TextField } from '../ui/fields';
import { formatTime } from '../ui/format';
import { usePagedList } from '../ui/paged-list';
import { usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';

type Filters = Required<Pick<AuditQuery, 'userId' | 'authority' | 'action' | 'from' | 'to'>>;
const EMPTY: Filters = { userId: '', authority: '', action: '', from: '', to: '' };

export function AuditLog() {
  usePageTitle('Audit log');
  const { api } = useSignedIn();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  // The filters of the list shown: "Older entries" pages on with these, not with unapplied edits.
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await api.listAudit({ ...applied, limit: 50, cursor });
      return { items: page.entries, cursor: page.cursor };
    },
    [api, applied],
  );
  const { items: entries, error, more } = usePagedList<ChainedAuditEntry>(fetchPage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...filters });
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((old) => ({ ...old, [key]: value }));

  return (
    <section className="page">
      <h1 tabIndex={-1}>Audit log</h1>
      <ChainVerification />
      <form className="filter-form" onSubmit={submit} noValidate aria-label="Filter the log">
        <TextField
          label="User"
          name="userId"
          value={filters.userId}
          onChange={set('userId')}
          error={fieldError(error, 'userId')}
        />
        <TextField
          label="Authority"
          name="authority"
          value={filters.authority}
          onChange={set('authority')}
          error={fieldError(error, 'authority')}
        />
        <TextField
          label="Action"
          name="action"
          hint="Operation id, e.g. espSearch, verifyLink"
          value={filters.action}
          onChange={set('action')}
          error={fieldError(error, 'action')}
        />
        <DayRangeFields from={filters.from} to={filters.to} onChange={set} error={error} />
        <div className="actions">
          <button type="submit">Apply filters</button>
        </div>
      </form>
      <ErrorMessage error={error} title="The log could not be read" />
      {!entries && error === undefined && <Loading what="the log" />}
      {entries && (
        <>
          <p role="status">{entries.length} entries shown, newest first.</p>
          <table className="table" aria-label="Log entries">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Authority</th>
                <th scope="col">Action</th>
                <th scope="col">Systems</th>
                <th scope="col">Result</th>
                <th scope="col">Purpose / case</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={`${entry.chain}/${entry.seq}`}>
                  <td>{formatTime(entry.timestamp)}</td>
                  <td>{entry.userId}</td>
                  <td>{entry.authority}</td>
                  <td className="mono">{entry.action}</td>
                  <td>{entry.systems.join(', ') || '—'}</td>
                  <td>
                    {entry.resultType} ({entry.httpStatus})
                    {entry.resultCount !== undefined ? `, ${entry.resultCount} results` : ''}
                  </td>
                  <td>{[entry.purpose, entry.caseReference].filter(Boolean).join(' · ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && (
            <button type="button" className="secondary" onClick={more}>
              Older entries
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ChainVerification() {
  const { api } = useSignedIn();
  const { reply: result, error, busy, run } = useSubmission<AuditVerification>();
  const verify = () => run(() => api.verifyAudit());
  return (
    <section aria-labelledby="chain-heading" className="card chain">
      <h2 id="chain-heading">Tamper evidence</h2>
      <p>Recomputes every hash chain of the log and checks it against the chain heads.</p>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify the log chains'}
      </button>
      <ErrorMessage error={error} title="The verification could not run" />
      {result &&
        (result.problems.length === 0 ? (
          <Notice tone="success">
            Chain intact: {result.chains} chains, {result.entries} entries verified, no problems found.
          </Notice>
        ) : (
          <div className="error-banner" role="alert">
            <strong>
              Chain broken: {result.problems.length} problems in {result.chains} chains ({result.entries}{' '}
              entries)
            </strong>
            <ul>
              {result.problems.slice(0, 20).map((p) => (
                <li key={`${p.chain}/${p.seq}/${p.problem}`}>
                  {p.chain} #{p.seq}: {p.problem}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
