import { useCallback, useEffect, useState } from 'react';
import type { AccessRequestView } from '../api/types';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError, Loading, Notice } from '../ui/feedback';
import { TextArea } from '../ui/fields';
import { formatTime, humanise } from '../ui/format';
import { usePageTitle } from '../ui/router';

export function AccessRequests() {
  usePageTitle('Approval queue');
  const { api, session } = useSignedIn();
  const [requests, setRequests] = useState<AccessRequestView[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    api.pendingAccessRequests().then((page) => setRequests(page.requests), setError);
  }, [api]);
  useEffect(load, [load]);
  return (
    <section className="page">
      <h1 tabIndex={-1}>Approval queue</h1>
      <p className="muted">
        Access requests of designated authorities of {session.caller.memberState} awaiting a decision, oldest
        first. Four eyes: you cannot decide on your own request.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={load}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} title="The queue could not be loaded" />
      {!requests && error === undefined && <Loading what="the approval queue" />}
      {requests?.length === 0 && <p role="status">No access request is waiting for a decision.</p>}
      {requests && requests.length > 0 && (
        <ul className="request-list">
          {requests.map((request) => (
            <PendingRequest key={request.id} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingRequest({ request }: { request: AccessRequestView }) {
  const { api } = useSignedIn();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [decided, setDecided] = useState<AccessRequestView>();
  const decide = async (decision: 'approve' | 'refuse') => {
    setError(undefined);
    try {
      setDecided(await api.decide(request.id, { decision, reason }));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <li className="card" aria-label={`Access request for case ${request.caseReference}`}>
      <h2>
        {request.system} · case {request.caseReference}{' '}
        {request.urgent ? <span className="badge status-timed_out">Urgent</span> : null}
      </h2>
      <dl className="kv">
        <div>
          <dt>Offence</dt>
          <dd>{humanise(request.offence)}</dd>
        </div>
        <div>
          <dt>Requested by</dt>
          <dd>
            {request.requester.userId} ({request.requester.authority}) on {formatTime(request.createdAt)}
          </dd>
        </div>
        <div>
          <dt>Justification</dt>
          <dd>{request.justification}</dd>
        </div>
        <div>
          <dt>Decide by</dt>
          <dd>{formatTime(request.decideBy)}</dd>
        </div>
      </dl>
      {decided ? (
        <Notice tone="success">
          {decided.decision?.decision === 'approve' ? 'Approved' : 'Refused'}: status{' '}
          {humanise(decided.status)}
          {decided.grant ? `, access valid until ${formatTime(decided.grant.validUntil)}` : ''}.
        </Notice>
      ) : (
        <form
          onSubmit={(event) => event.preventDefault()}
          noValidate
          aria-label={`Decide on case ${request.caseReference}`}
        >
          <TextArea
            label="Reason for the decision"
            name="reason"
            value={reason}
            onChange={setReason}
            error={fieldError(error, 'reason')}
          />
          <ErrorMessage error={error} title="The decision was refused" />
          <div className="actions">
            <button type="button" onClick={() => void decide('approve')}>
              Approve
            </button>
            <button type="button" className="danger" onClick={() => void decide('refuse')}>
              Refuse
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
