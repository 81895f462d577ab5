import { type FormEvent, useState } from 'react';
import { IDENTITY_CHECK_REASONS } from '../../../functions/consultation/domain/identity-check';
import type { IdentityCheckReply } from '../api/types';
import { demoCapture } from '../demo-biometrics';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError, Notice } from '../ui/feedback';
import { SelectField, TextArea, TextField } from '../ui/fields';
import { humanise } from '../ui/format';
import { usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';
import { EMPTY_PERSON, personBody } from './identity-form';
import { PersonFields } from './PersonFields';

export function IdentityCheck() {
  usePageTitle('Identity check');
  const { api } = useSignedIn();
  const [reason, setReason] = useState<string>(IDENTITY_CHECK_REASONS[0]);
  const [age, setAge] = useState('');
  const [bestInterest, setBestInterest] = useState('');
  const [person, setPerson] = useState('');
  const [fallback, setFallback] = useState(EMPTY_PERSON);
  const [caseReference, setCaseReference] = useState('');
  const { reply: result, error, busy, run } = useSubmission<IdentityCheckReply>();
  const child = age !== '' && Number(age) < 12;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const personNumber = Number.parseInt(person, 10);
    void run(() =>
      api.identityCheck({
        reason: reason as (typeof IDENTITY_CHECK_REASONS)[number],
        age: age === '' ? Number.NaN : Number(age),
        ...(child && bestInterest ? { bestInterestOfChild: { justification: bestInterest } } : {}),
        ...(Number.isFinite(personNumber)
          ? { biometrics: demoCapture({ person: personNumber, face: true, fingerprints: true }) }
          : {}),
        ...personBody(fallback),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
      }),
    );
  };

  return (
    <section className="page">
      <h1 tabIndex={-1}>Identity check (Art 20)</h1>
      <form onSubmit={submit} noValidate aria-label="Identity check">
        <fieldset className="field-grid">
          <legend>Grounds</legend>
          <SelectField
            label="Reason"
            name="reason"
            value={reason}
            onChange={setReason}
            options={IDENTITY_CHECK_REASONS.map((r) => ({ value: r, label: humanise(r) }))}
            error={fieldError(error, 'reason')}
          />
          <TextField
            label="Age of the person"
            name="age"
            type="number"
            value={age}
            onChange={setAge}
            error={fieldError(error, 'age')}
          />
          <TextField
            label="Case reference (optional)"
            name="caseReference"
            value={caseReference}
            onChange={setCaseReference}
            error={fieldError(error, 'caseReference')}
          />
          {child && (
            <TextArea
              label="Best interests of the child"
              name="bestInterest"
              hint="Required for a person under 12 (at least 20 characters)"
              value={bestInterest}
              onChange={setBestInterest}
              error={fieldError(error, 'bestInterestOfChild')}
            />
          )}
        </fieldset>
        <fieldset className="field-grid">
          <legend>Biometrics taken live (demo set)</legend>
          <TextField
            label="Demo person number"
            name="biometricPerson"
            hint="Face and two fingerprints captured now; leave empty if they cannot be taken"
            value={person}
            onChange={setPerson}
            error={fieldError(error, 'biometrics')}
          />
        </fieldset>
        <PersonFields
          legend="Fallback: identity data and travel document"
          values={fallback}
          onChange={setFallback}
          errorFor={(path) => fieldError(error, path)}
        />
        <ErrorMessage error={error} title="The identity check was refused" />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Run identity check'}
          </button>
        </div>
      </form>
      {result && <CheckResult result={result} />}
    </section>
  );
}

function CheckResult({ result }: { result: IdentityCheckReply }) {
  return (
    <section aria-labelledby="check-result" className="results">
      <h2 id="check-result">Result</h2>
      <Notice tone={result.hit ? 'success' : 'info'}>
        {result.hit ? `Hit: ${result.files.length} individual file(s) in the CIR` : 'No hit in the CIR'} ·
        searched by {humanise(result.method)}
        {result.fallback ? ` (fallback: ${humanise(result.fallback)})` : ''}
      </Notice>
      <ul className="source-grid">
        {result.files.map((file) => (
          <li key={`${file.system}/${file.recordId}`} className="card">
            <h3>
              {file.system} <span className="mono">{file.recordId}</span>
            </h3>
            <p>
              {file.identity.surnames.join(' ')}, {file.identity.firstNames.join(' ')} · born{' '}
              {file.identity.dateOfBirth ?? '—'} · {file.identity.nationalities.join(', ') || '—'}
            </p>
            {file.travelDocuments.map((doc) => (
              <p key={doc.number} className="small">
                Document <span className="mono">{doc.number}</span> ({doc.issuingCountry})
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
