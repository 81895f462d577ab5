import type { IndividualFileView, RecordRef } from '../api/types';
import { humanise } from '../ui/format';

type Entry = { ref: RecordRef; sin?: string; file: IndividualFileView | null };

/** The identity fields of a file as label and shown value, in the order both columns use. */
function identityRows(file: IndividualFileView | null): [string, string | undefined][] {
  const identity = file?.identity;
  if (!identity) return [];
  return [
    ['Surname(s)', identity.surnames?.join(', ')],
    ['First name(s)', identity.firstNames?.join(', ')],
    ['Surname at birth', identity.surnameAtBirth],
    ['Former surnames', identity.formerSurnames?.join(', ')],
    ['Aliases', identity.aliases?.map((a) => [a.surname, a.firstNames].filter(Boolean).join(' ')).join('; ')],
    ['Date of birth', identity.dateOfBirth],
    ['Place of birth', identity.placeOfBirth],
    ['Nationality(ies)', identity.nationalities?.join(', ')],
    ['Sex', identity.sex],
  ];
}

const shown = (value: string | undefined) => value?.trim().toUpperCase() || '';

/**
 * One individual file of a link, as the CIR holds it now. With `other` (the file it is linked to),
 * the fields whose values differ are highlighted on both sides.
 */
export function FileColumn({ side, entry, other }: { side: string; entry: Entry; other?: Entry }) {
  const { ref, sin, file } = entry;
  const rows = identityRows(file);
  const otherValues = new Map(identityRows(other?.file ?? null));
  const differs = (label: string, value: string | undefined) =>
    other?.file != null && shown(value) !== shown(otherValues.get(label));
  return (
    <section className="file-column" aria-label={`${side} file: ${ref.system} ${ref.recordId}`}>
      <h3>
        {side}: {ref.system} <span className="mono">{ref.recordId}</span>
      </h3>
      <p className="muted small">
        {sin ? `SIN ${sin}` : 'No SIN'}
        {file?.memberState ? ` · Member State ${file.memberState}` : ''}
        {file ? ` · ${file.hasBiometrics ? 'has biometrics' : 'no biometrics'}` : ''}
      </p>
      {!file ? (
        <p role="status">The CIR no longer holds this file.</p>
      ) : (
        <>
          <dl className="kv">
            {rows.map(([label, value]) => (
              <div key={label} className={differs(label, value) ? 'differs' : undefined}>
                <dt>{label}</dt>
                <dd>
                  {value || '—'}
                  {differs(label, value) && <span className="differs-mark"> (differs)</span>}
                </dd>
              </div>
            ))}
          </dl>
          <h4>Travel documents</h4>
          {file.travelDocuments.length === 0 ? (
            <p>None</p>
          ) : (
            <ul>
              {file.travelDocuments.map((doc) => (
                <li key={`${doc.number}/${doc.issuingCountry}`}>
                  {humanise(doc.type ?? 'P')} <span className="mono">{doc.number}</span> ({doc.issuingCountry}
                  ){doc.expiry ? `, expires ${doc.expiry}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
