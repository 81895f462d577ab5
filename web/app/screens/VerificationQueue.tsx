import { useCallback } from 'react';
import { useSignedIn } from '../session-context';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatAge, formatTime } from '../ui/format';
import { usePagedList } from '../ui/paged-list';
import { Link, usePageTitle } from '../ui/router';

export function VerificationQueue() {
  usePageTitle('Verification queue');
  const { api, session } = useSignedIn();
  const { items, error, refresh, more } = usePagedList(
    useCallback(
      (cursor?: string) =>
        api.listLinks(cursor).then((page) => ({ items: page.items, cursor: page.nextCursor })),
      [api],
    ),
  );

  return (
    <section className="page">
      <h1 tabIndex={-1}>Verification queue</h1>
      <p className="muted">
        Yellow links routed to {session.caller.authority}, oldest first. Open a link to compare both files and
        classify it.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={refresh}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} title="The queue could not be loaded" />
      {!items && error === undefined && <Loading what="the queue" />}
      {items && items.length === 0 && <p role="status">No yellow links are waiting for your authority.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Yellow links, oldest first">
          <thead>
            <tr>
              <th scope="col">Waiting for</th>
              <th scope="col">Yellow since</th>
              <th scope="col">Linked files</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.linkId}>
                <td>
                  <strong>{formatAge(item.ageSeconds)}</strong>
                </td>
                <td>{formatTime(item.yellowSince)}</td>
                <td>{item.records.map((ref) => `${ref.system} ${ref.recordId}`).join(' ↔ ')}</td>
                <td>
                  <Link to={`/links/${item.linkId}`}>
                    Open<span className="visually-hidden"> link {item.linkId}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="secondary" onClick={more}>
          Older links
        </button>
      )}
    </section>
  );
}
