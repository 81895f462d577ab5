import { TextField } from '../ui/fields';
import type { PersonValues } from './identity-form';

/** Each field: the form value it edits, its label and hint, and the request body path its errors name. */
const FIELDS: readonly { key: keyof PersonValues; label: string; hint?: string; path: string }[] = [
  { key: 'surnames', label: 'Surname(s)', path: 'identity.surnames' },
  { key: 'firstNames', label: 'First name(s)', path: 'identity.firstNames' },
  {
    key: 'dateOfBirth',
    label: 'Date of birth',
    hint: 'YYYY-MM-DD; 00 for an unknown month or day',
    path: 'identity.dateOfBirth',
  },
  {
    key: 'nationalities',
    label: 'Nationality(ies)',
    hint: 'ISO 3166 alpha-3, comma separated',
    path: 'identity.nationalities',
  },
  { key: 'documentNumber', label: 'Travel document number', path: 'travelDocuments.0.number' },
  {
    key: 'documentCountry',
    label: 'Issuing country',
    hint: 'ISO 3166 alpha-3',
    path: 'travelDocuments.0.issuingCountry',
  },
];

/** Identity data and travel document fields; `errorFor` maps a body path to the API's message. */
export function PersonFields(props: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errorFor: (path: string) => string | undefined;
  legend: string;
}) {
  return (
    <fieldset className="field-grid">
      <legend>{props.legend}</legend>
      {FIELDS.map((field) => (
        <TextField
          key={field.key}
          label={field.label}
          name={field.key}
          hint={field.hint}
          value={props.values[field.key]}
          onChange={(value) => props.onChange({ ...props.values, [field.key]: value })}
          error={props.errorFor(field.path)}
        />
      ))}
    </fieldset>
  );
}
