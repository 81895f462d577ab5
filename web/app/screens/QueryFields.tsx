import { Field, SelectField, TextField } from '../ui/fields';
import { QUERY_FIELD_SPECS, type QueryValues } from './query-form';

const SEX = [
  { value: '', label: 'Not given' },
  { value: 'F', label: 'F' },
  { value: 'M', label: 'M' },
  { value: 'X', label: 'X' },
];
const DOCUMENT_TYPES = [
  { value: '', label: 'Any' },
  { value: 'P', label: 'Passport (P)' },
  { value: 'ID', label: 'Identity card (ID)' },
  { value: 'V', label: 'Visa (V)' },
  { value: 'RP', label: 'Residence permit (RP)' },
  { value: 'OTHER', label: 'Other' },
];

/** The query fields `allowed` lists, grouped; errors looked up by `<prefix><field>`. */
export function QueryFields(props: {
  allowed: readonly string[];
  values: QueryValues;
  onChange: (field: string, value: string) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const specs = QUERY_FIELD_SPECS.filter((spec) => props.allowed.includes(spec.field));
  const groups = [
    { legend: 'Identity data', prefix: 'identity.' },
    { legend: 'Travel document', prefix: 'travelDocument.' },
    { legend: 'Biometrics (demo set)', prefix: 'biometrics.' },
  ];
  return (
    <>
      {groups.map((group) => {
        const inGroup = specs.filter((spec) => spec.field.startsWith(group.prefix));
        if (inGroup.length === 0) return null;
        return (
          <fieldset key={group.legend} className="field-grid">
            <legend>{group.legend}</legend>
            {inGroup.map((spec) => {
              const common = {
                label: spec.label,
                hint: spec.hint,
                name: spec.field,
                value: props.values[spec.field] ?? '',
                onChange: (value: string) => props.onChange(spec.field, value),
                error: props.errorFor(spec.field),
              };
              if (spec.kind === 'sex') return <SelectField key={spec.field} {...common} options={SEX} />;
              if (spec.kind === 'documentType')
                return <SelectField key={spec.field} {...common} options={DOCUMENT_TYPES} />;
              if (spec.kind === 'biometric')
                return (
                  <Field key={spec.field} label={spec.label} hint={spec.hint} error={common.error}>
                    {(control) => (
                      <input
                        {...control}
                        name={spec.field}
                        inputMode="numeric"
                        value={common.value}
                        onChange={(event) => common.onChange(event.target.value)}
                      />
                    )}
                  </Field>
                );
              return <TextField key={spec.field} {...common} />;
            })}
          </fieldset>
        );
      })}
    </>
  );
}
