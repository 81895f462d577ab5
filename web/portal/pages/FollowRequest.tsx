import { type FormEvent, useEffect, useRef, useState } from 'react';
import { followRequest, PortalApiError, type RequestStatus } from '../api';
import { CATALOGUES, type Language, type MessageKey, translator } from '../i18n';
import { CODE, Code, ErrorSummary, problemMessage, type SummaryItem, TextInput, usePortalPage } from '../ui';

export function FollowRequest({ language, apiUrl }: { language: Language; apiUrl: string }) {
  const t = translator(language);
  usePortalPage(language, 'follow.title');
  // The receipt links here with the reference; the access code is never put in an address.
  const [reference, setReference] = useState(
    () => new URLSearchParams(location.search).get('reference') ?? '',
  );
  const [accessCode, setAccessCode] = useState('');
  const [loading, setLoading] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [found, setFound] = useState<RequestStatus>();

  async function show(event: FormEvent) {
    event.preventDefault();
    const empty = [...(reference.trim() ? [] : ['reference']), ...(accessCode.trim() ? [] : ['accessCode'])];
    setMissing(empty);
    setFound(undefined);
    if (empty.length) {
      setProblem(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setLoading(true);
    try {
      setFound(await followRequest(apiUrl, reference.trim(), accessCode.trim()));
      setProblem(undefined);
    } catch (error) {
      // An unknown reference, a wrong code and a malformed reference all read the same.
      const notFound = error instanceof PortalApiError && (error.status === 404 || error.status === 400);
      setProblem(notFound ? t('follow.notFound') : problemMessage(language, error));
      setAttempt((n) => n + 1);
    } finally {
      setLoading(false);
    }
  }

  const summary: SummaryItem[] = problem
    ? [{ message: problem }]
    : missing.map((path) => ({
        path,
        message: `${t(path === 'reference' ? 'follow.reference' : 'follow.accessCode')}: ${t('errors.required')}`,
      }));

  return (
    <>
      <h1 tabIndex={-1}>{t('follow.title')}</h1>
      <p className="lead">{t('follow.intro')}</p>
      <ErrorSummary title={t('errors.title')} items={summary} attempt={attempt} />
      <form onSubmit={show} noValidate aria-label={t('follow.title')}>
        <TextInput
          path="reference"
          label={t('follow.reference')}
          hint={t('follow.referenceHint')}
          error={missing.includes('reference') ? t('errors.required') : undefined}
          value={reference}
          onChange={setReference}
          {...CODE}
        />
        <TextInput
          path="accessCode"
          label={t('follow.accessCode')}
          error={missing.includes('accessCode') ? t('errors.required') : undefined}
          value={accessCode}
          onChange={setAccessCode}
          {...CODE}
        />
        <button type="submit" disabled={loading}>
          {t('follow.submit')}
        </button>
      </form>
      {found && <Status language={language} request={found} />}
    </>
  );
}

function Status({ language, request }: { language: Language; request: RequestStatus }) {
  const t = translator(language);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const known = (key: string) => (key in CATALOGUES.en ? t(key as MessageKey) : undefined);
  const { answer } = request;
  return (
    <section className="status" aria-labelledby="status-title">
      <h2 id="status-title" tabIndex={-1} ref={heading}>
        <Code>{request.reference}</Code>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('follow.status')}</dt>
          <dd data-testid="status">{known(`status.${request.status}`) ?? request.status}</dd>
        </div>
        <div>
          <dt>{t('follow.type')}</dt>
          <dd>{known(`request.type.${request.type}`) ?? request.type}</dd>
        </div>
        <div>
          <dt>{t('follow.receivedAt')}</dt>
          <dd>{date(request.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('follow.deadline')}</dt>
          <dd data-testid="deadline">{date(request.deadline)}</dd>
        </div>
      </dl>
      {request.extended && request.extensionReason && (
        <p className="callout">{t('follow.extension', { reason: request.extensionReason })}</p>
      )}
      <h3>{t('follow.answer')}</h3>
      {answer ? (
        <>
          <p className="muted">{t('follow.answeredAt', { date: date(answer.at) })}</p>
          {answer.decision && (
            <p>
              <strong>{t('follow.decision')}:</strong>{' '}
              {known(`decision.${answer.decision}`) ?? answer.decision}
            </p>
          )}
          <p className="answer">{answer.text}</p>
          {answer.data !== undefined && (
            <details>
              <summary>{t('follow.data')}</summary>
              <pre dir="ltr">{JSON.stringify(answer.data, null, 2)}</pre>
            </details>
          )}
        </>
      ) : (
        <p>{t('follow.noAnswer')}</p>
      )}
    </section>
  );
}
