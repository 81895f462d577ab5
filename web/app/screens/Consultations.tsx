import { type FormEvent, useState } from 'react';
import {
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  offenceLabel,
} from '../../../functions/consultation/domain/offences';
import type { FlagReply } from '../api/types';
import { demoCapture } from '../demo-biometrics';
import { useSignedIn } from '../session-context';
import { ErrorMessage, fieldError } from '../ui/feedback';
import { SelectField, TextArea, TextField } from '../ui/fields';
import { usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';
import { EMPTY_PERSON, personBody } from './identity-form';
import { MyRequests, RequestAccess, useMyRequests } from './MyRequests';
import { PersonFields } from './PersonFields';

export function Consultations() {
  usePageTitle('Consultations');
  const { api } = useSignedIn();
  const [caseReference, setCaseReference] = useState('');
  const [offence, setOffence] = useState<OffenceCategory>(OFFENCE_CATEGORIES[0]!);
  const [justification, setJustification] = useState('');
  const [person, setPerson] = useState(EMPTY_PERSON);
  const [biometricPerson, setBiometricPerson] = useState('');
  const { reply, error, busy, run } = useSubmission<FlagReply>();
  const myRequests = useMyRequests();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const personNumber = Number.parseInt(biometricPerson, 10);
    void run(() =>
      api.createConsultation({
        caseReference,
        offence,
        justification,
        ...personBody(person),
        ...(Number.isFinite(personNumber)
          ? { biometrics: demoCapture({ person: personNumber, face: true, fingerprints: true }) }
          : {}),
      }),
    );
  };

  return (
    <section className="page">
      <h1 tabIndex={-1}>Consultations (Art 22)</h1>
      <h2>Step 1: which systems hold data?</h2>
      <p className="muted">
        The reply says only, per system, whether it holds matching data: never the data.
      </p>
      <form onSubmit={submit} noValidate aria-label="Step 1 consultation">
        <fieldset className="field-grid">
          <legend>Case</legend>
          <TextField
            label="Case reference"
            name="caseReference"
            value={caseReference}
            onChange={setCaseReference}
            error={fieldError(error, 'caseReference')}
          />
          <SelectField
            label="Offence"
            name="offence"
            value={offence}
            onChange={(value) => setOffence(value as OffenceCategory)}
            options={OFFENCE_CATEGORIES.map((category) => ({
              value: category,
              label: offenceLabel(category),
            }))}
            error={fieldError(error, 'offence')}
          />
          <TextArea
            label="Justification"
            name="justification"
            hint="Why this consultation is necessary for this case (at least 20 characters)"
            value={justification}
            onChange={setJustification}
            error={fieldError(error, 'justification')}
          />
        </fieldset>
        <PersonFields
          legend="The person: identity data"
          values={person}
          onChange={setPerson}
          errorFor={(path) => fieldError(error, path)}
        />
        <fieldset className="field-grid">
          <legend>The person: biometrics (demo set)</legend>
          <TextField
            label="Demo person number"
            name="biometricPerson"
            value={biometricPerson}
            onChange={setBiometricPerson}
            error={fieldError(error, 'biometrics')}
          />
        </fieldset>
        <ErrorMessage error={error} title="The consultation was refused" />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Consulting…' : 'Consult (flags only)'}
          </button>
        </div>
      </form>
      {reply && (
        <section aria-labelledby="flags-heading" className="results">
          <h2 id="flags-heading">Flags for case {reply.caseReference}</h2>
          <ul className="source-grid">
            {Object.entries(reply.flags).map(([system, flag]) => (
              <li
                key={system}
                className={`card status-${flag === 'hit' ? 'hit' : 'no_hit'}`}
                data-system={system}
              >
                <div className="card-head">
                  <h3>{system}</h3>
                  <span className={`badge status-${flag === 'hit' ? 'hit' : 'no_hit'}`}>
                    {flag === 'hit' ? 'Hit' : 'No hit'}
                  </span>
                </div>
                {flag === 'hit' && (
                  <RequestAccess consultationId={reply.id} system={system} onRequested={myRequests.add} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MyRequests requests={myRequests} />
    </section>
  );
}
