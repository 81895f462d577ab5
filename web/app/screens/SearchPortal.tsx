import { type FormEvent, useEffect, useState } from 'react';
import type { EspProfileView, EspReply } from '../api/types';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError, Loading } from '../ui/feedback';
import { SelectField } from '../ui/fields';
import { humanise } from '../ui/format';
import { usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';
import { QueryFields } from './QueryFields';
import { buildQuery, type QueryValues } from './query-form';
import { byUrgency } from './result-urgency';
import { SourceCard } from './SourceCard';

export function SearchPortal() {
  usePageTitle('Search portal');
  const { api } = useSignedIn();
  const [profile, setProfile] = useState<EspProfileView>();
  const [profileError, setProfileError] = useState<unknown>();
  const [values, setValues] = useState<QueryValues>({});
  const [purpose, setPurpose] = useState('');
  const { reply, error, busy, run } = useSubmission<EspReply>();

  useEffect(() => {
    api.espProfile().then((loaded) => {
      setProfile(loaded);
      setPurpose(loaded.purposes[0] ?? '');
    }, setProfileError);
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.espSearch({ query: buildQuery(values), purpose }));
  };

  return (
    <section className="page">
      <h1 tabIndex={-1}>Search portal</h1>
      {profileError !== undefined && (
        <ErrorMessage error={profileError} title="Your search profile could not be loaded" />
      )}
      {!profile && profileError === undefined && <Loading what="your search profile" />}
      {profile && (
        <>
          <p className="muted">
            Profile <strong>{profile.id}</strong>: {profile.description}. Systems searched:{' '}
            {profile.systems.join(', ')}.
          </p>
          <form className="query-form" onSubmit={submit} noValidate aria-label="ESP query">
            <SelectField
              label="Purpose"
              name="purpose"
              value={purpose}
              onChange={setPurpose}
              options={profile.purposes.map((p) => ({ value: p, label: humanise(p) }))}
              error={fieldError(error, 'purpose')}
            />
            <QueryFields
              allowed={profile.queryFields}
              values={values}
              onChange={(field, value) => setValues((old) => ({ ...old, [field]: value }))}
              errorFor={(field) => fieldError(error, `query.${field}`)}
            />
            <ErrorMessage
              error={error}
              title="The search was refused"
              fields={['purpose', ...profile.queryFields.map((field) => `query.${field}`)]}
            />
            <div className="actions">
              <button type="submit" disabled={busy}>
                {busy ? 'Searching…' : 'Search'}
              </button>
            </div>
          </form>
        </>
      )}
      {reply && <Results reply={reply} />}
    </section>
  );
}

function Results({ reply }: { reply: EspReply }) {
  const hits = reply.results.filter((result) => result.status === 'hit').length;
  return (
    <section aria-labelledby="results-heading" className="results">
      <h2 id="results-heading">Results</h2>
      <p role="status">
        {reply.results.length} systems searched in {reply.elapsedMs} ms: {hits} with a hit
        {reply.results.some((r) => r.status === 'unavailable' || r.status === 'timed_out')
          ? '; some systems did not answer (see below)'
          : ''}
        .
      </p>
      <ul className="source-grid">
        {byUrgency(reply.results).map((result) => (
          <SourceCard key={result.source} result={result} />
        ))}
      </ul>
    </section>
  );
}
