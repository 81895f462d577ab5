import { type FormEvent, useCallback, useState } from 'react';
import type { AccessRequestView, GrantedData } from '../api/types';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError, Notice } from '../ui/feedback';
import { TextArea } from '../ui/fields';
import { formatTime, humanise } from '../ui/format';

const STORAGE_KEY = 'interop.my-access-requests';

/** The requester's own access requests, kept for the browser session (the API has no "my requests" list). */
export function useMyRequests() {
  const [requests, setRequests] = useState<AccessRequestView[]>(() =>
    JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]'),
  );
  const save = useCallback((update: (old: AccessRequestView[]) => AccessRequestView[]) => {
    setRequests((old) => {
      const next = update(old);
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  const add = useCallback(
    (request: AccessRequestView) => save((old) => [request, ...old.filter((r) => r.id !== request.id)]),
    [save],
  );
  return { requests, add };
}

export function RequestAccess(props: {
  consultationId: string;
  system: string;
  onRequested: (request: AccessRequestView) => void;
}) {
  const { api } = useSignedIn();
  const [justification, setJustification] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<AccessRequestView>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const request = await api.requestAccess(props.consultationId, {
        system: props.system as 'EES',
        justification,
        urgent,
      });
      setSent(request);
      props.onRequested(request);
    } catch (caught) {
      setError(caught);
    }
  };
  if (sent) return <Notice tone="success">Access request sent ({humanise(sent.status)}).</Notice>;
  return (
    <form onSubmit={submit} noValidate aria-label={`Request access to ${props.system}`}>
      <TextArea
        label={`Justification for access to ${props.system}`}
        name="justification"
        value={justification}
        onChange={setJustification}
        error={fieldError(error, 'justification')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={urgent} onChange={(event) => setUrgent(event.target.checked)} />{' '}
        Urgent (granted at once, verified afterwards)
      </label>
      <ErrorMessage error={error} title="The request was refused" />
      <button type="submit">Request access</button>
    </form>
  );
}

export function MyRequests({ requests }: { requests: ReturnType<typeof useMyRequests> }) {
  if (requests.requests.length === 0) return null;
  return (
    <section aria-labelledby="my-requests" className="results">
      <h2 id="my-requests">Your access requests</h2>
      <ul className="source-grid">
        {requests.requests.map((request) => (
          <MyRequest key={request.id} initial={request} onChange={requests.add} />
        ))}
      </ul>
    </section>
  );
}

function MyRequest({
  initial,
  onChange,
}: {
  initial: AccessRequestView;
  onChange: (r: AccessRequestView) => void;
}) {
  const { api } = useSignedIn();
  const [request, setRequest] = useState(initial);
  const [data, setData] = useState<GrantedData>();
  const [error, setError] = useState<unknown>();
  const refresh = async () => {
    setError(undefined);
    try {
      const latest = await api.getAccessRequest(request.id);
      setRequest(latest);
      onChange(latest);
    } catch (caught) {
      setError(caught);
    }
  };
  const open = async () => {
    setError(undefined);
    try {
      setData(await api.grantedData(request.id));
    } catch (caught) {
      setError(caught);
    }
  };
  const granted = request.status === 'granted' || request.status === 'urgent-granted';
  return (
    <li className="card" data-request={request.id}>
      <h3>
        {request.system} · case {request.caseReference}
      </h3>
      <p>
        Status: <strong className="request-status">{humanise(request.status)}</strong>
        {request.decision
          ? ` (${request.decision.decision} by ${request.decision.by.userId}: ${request.decision.reason})`
          : ''}
      </p>
      {request.grant && <p>Access valid until {formatTime(request.grant.validUntil)}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void refresh()}>
          Refresh status
        </button>
        {granted && (
          <button type="button" onClick={() => void open()}>
            Open granted data
          </button>
        )}
      </div>
      <ErrorMessage error={error} title="Not available" />
      {data && (
        <div className="granted">
          <p>
            <strong>Granted data from {data.system}</strong>, valid until {formatTime(data.validUntil)}
          </p>
          {data.files.length === 0 && <p>No file.</p>}
          {data.files.map((file) => (
            <p key={file.recordId}>
              <span className="mono">{file.recordId}</span>: {file.identity.surnames.join(' ')},{' '}
              {file.identity.firstNames.join(' ')} · born {file.identity.dateOfBirth ?? '—'}
            </p>
          ))}
        </div>
      )}
    </li>
  );
}
