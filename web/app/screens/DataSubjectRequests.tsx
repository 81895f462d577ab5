import { useCallback } from 'react';
import { useSignedIn } from '../session-context';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { usePagedList } from '../ui/paged-list';
import { usePageTitle } from '../ui/router';

/** Days left at or below which a request is flagged (the legal deadline is 45 days, extendable once by 15). */
const URGENT_DAYS = 7;

/**
 * The rights officer's queue (Arts 47-48): open requests held by the officer's Member State, earliest
 * deadline first. The identity step, extension and written answer are API calls (docs/rights.md).
 */
export function DataSubjectRequests() {
  usePageTitle('Data-subject requests');
  const { api, session } = useSignedIn();
  const { items, error, refresh, more } = usePagedList(
    useCallback(
      (cursor?: string) =>
        api.listDataSubjectRequests(cursor).then((page) => ({ items: page.requests, cursor: page.cursor })),
      [api],
    ),
  );

  return (
    <section className="page">
      <h1 tabIndex={-1}>Data-subject requests</h1>
      <p className="muted">
        Open requests held by {session.caller.memberState}, earliest deadline first. The answer is due 45 days
        after receipt, 60 when extended once with a reason.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={refresh}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} title="The requests could not be loaded" />
      {!items && error === undefined && <Loading what="the requests" />}
      {items && items.length === 0 && <p role="status">No open requests are held by your Member State.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Open data-subject requests, earliest deadline first">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Received</th>
              <th scope="col">Deadline</th>
              <th scope="col">Days left</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.reference}>
                <td>
                  <code>{item.reference}</code>
                  {item.lodgedWith !== session.caller.memberState && (
                    <span className="muted"> (lodged with {item.lodgedWith})</span>
                  )}
                </td>
                <td>{item.type}</td>
                <td>{item.status}</td>
                <td>{formatTime(item.receivedAt)}</td>
                <td>
                  {formatTime(item.deadline)}
                  {item.extension && <span className="muted"> (extended: {item.extension.reason})</span>}
                </td>
                <td>
                  {item.daysLeft <= URGENT_DAYS ? <strong>{item.daysLeft} (due soon)</strong> : item.daysLeft}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="secondary" onClick={more}>
          More requests
        </button>
      )}
    </section>
  );
}
