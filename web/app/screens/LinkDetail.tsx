import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { ConfirmationFile } from '../api/types';
import { useSignedIn } from '../session-context';
import { ColourChip } from '../ui/colour';
import { ErrorMessage, fieldError, Loading, Notice } from '../ui/feedback';
import { TextArea } from '../ui/fields';
import { formatTime } from '../ui/format';
import { Link, usePageTitle } from '../ui/router';
import { useSubmission } from '../ui/submission';
import { Evidence } from './Evidence';
import { FileColumn } from './FileColumn';

const CHOICES = [
  { colour: 'white', text: 'White: the same person, legitimately' },
  { colour: 'green', text: 'Green: different persons who legitimately share similar data' },
  { colour: 'red', text: 'Red: identity fraud' },
] as const;

export function LinkDetail({ linkId }: { linkId: string }) {
  usePageTitle('Link verification');
  const { api } = useSignedIn();
  const [file, setFile] = useState<ConfirmationFile>();
  const [loadError, setLoadError] = useState<unknown>();
  const load = useCallback(() => {
    setLoadError(undefined);
    api.getLink(linkId).then(setFile, setLoadError);
  }, [api, linkId]);
  useEffect(load, [load]);

  return (
    <section className="page">
      <p>
        <Link to="/links">← Verification queue</Link>
      </p>
      <h1 tabIndex={-1}>
        Link <span className="mono">{linkId}</span>
      </h1>
      <ErrorMessage error={loadError} title="The link could not be loaded" />
      {!file && loadError === undefined && <Loading what="the identity confirmation file" />}
      {file && (
        <>
          <p>
            <ColourChip colour={file.colour} /> version {file.version} · responsible{' '}
            {file.responsibleAuthority} · classified by{' '}
            {file.classifiedBy === 'mid' ? 'the MID (automatic)' : 'a verifier'} · created{' '}
            {formatTime(file.createdAt)}
            {file.sin ? ` · SIN ${file.sin}` : ''}
          </p>
          <div className="side-by-side">
            {(file.files ?? file.records.map((r) => ({ ...r, file: null }))).map((entry, i, both) => (
              <FileColumn
                key={`${entry.ref.system}/${entry.ref.recordId}`}
                side={i === 0 ? 'Left' : 'Right'}
                entry={entry}
                other={both[1 - i]}
              />
            ))}
          </div>
          <Evidence evidence={file.evidence} />
          <Classify file={file} onChanged={setFile} onReload={load} />
          <History file={file} />
        </>
      )}
    </section>
  );
}

function Classify({
  file,
  onChanged,
  onReload,
}: {
  file: ConfirmationFile;
  onChanged: (file: ConfirmationFile) => void;
  onReload: () => void;
}) {
  const { api } = useSignedIn();
  const [colour, setColour] = useState('');
  const [justification, setJustification] = useState('');
  const { reply: done, error, busy, run } = useSubmission<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const updated = await api.verifyLink(file.linkId, {
        colour: colour as 'white',
        justification,
        expectedVersion: file.version,
      });
      // Reloaded, so that both files show their groups' SINs after the change.
      const reloaded = await api.getLink(updated.linkId);
      onChanged(reloaded);
      return `Classified ${updated.colour}. The link is now at version ${updated.version}.`;
    });
  };

  const stale = error instanceof ApiError && error.status === 409;
  const contradiction = error instanceof ApiError && error.status === 422;
  const colourError = fieldError(error, 'colour') ?? (colour || !error ? undefined : 'Choose a colour');
  return (
    <section aria-labelledby="classify-heading" className="classify">
      <h2 id="classify-heading">Manual verification</h2>
      {done && <Notice tone="success">{done}</Notice>}
      {stale && (
        <div className="error-banner" role="alert">
          <strong>Stale version</strong>
          <p>
            Someone changed this link since you opened it (you saw version {file.version}). Nothing was saved.
            Reload the link, check the current state, then classify again.
          </p>
          <button type="button" className="secondary" onClick={onReload}>
            Reload the link
          </button>
        </div>
      )}
      {contradiction && (
        <div className="error-banner" role="alert">
          <strong>Contradictory classification refused</strong>
          <p>{(error as ApiError).message}</p>
        </div>
      )}
      {!stale && !contradiction && <ErrorMessage error={error} title="The classification was refused" />}
      <form onSubmit={submit} noValidate aria-label="Classify the link">
        <fieldset aria-describedby={colourError ? 'colour-error' : undefined}>
          <legend>Colour</legend>
          {CHOICES.map((choice) => (
            <label key={choice.colour} className="radio">
              <input
                type="radio"
                name="colour"
                value={choice.colour}
                checked={colour === choice.colour}
                onChange={() => setColour(choice.colour)}
              />
              <ColourChip colour={choice.colour} /> {choice.text}
            </label>
          ))}
          {colourError && (
            <span className="field-error" id="colour-error" role="alert">
              {colourError}
            </span>
          )}
        </fieldset>
        <TextArea
          label="Justification"
          name="justification"
          hint="Kept in the link's history (Art 34); not written to the access log."
          value={justification}
          onChange={setJustification}
          error={fieldError(error, 'justification')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save classification'}
          </button>
        </div>
      </form>
    </section>
  );
}

function History({ file }: { file: ConfirmationFile }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol className="history">
        {file.history.map((entry) => (
          <li key={`${entry.at}/${entry.event}/${entry.toColour}`}>
            {formatTime(entry.at)}: {entry.event} {entry.fromColour ? `${entry.fromColour} → ` : ''}
            {entry.toColour} by{' '}
            {entry.by.kind === 'mid' ? 'the MID' : `${entry.by.userId} (${entry.by.authority})`}
            {entry.justification ? ` — “${entry.justification}”` : ''}
            {entry.reason ? ` (${entry.reason})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
