import { TextField } from '../ui/fields';
import type { PersonValues } from './identity-form';

/** Identity data and travel document fields; `errorFor` maps a body path to the API's message. */
export function PersonFields(props: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errorFor: (path: string) => string | undefined;
  legend: string;
}) {
  const set = (key: keyof PersonValues) => (value: string) =>
    props.onChange({ ...props.values, [key]: value });
  return (
    <fieldset className="field-grid">
      <legend>{props.legend}</legend>
      <TextField
        label="Surname(s)"
        name="surnames"
        value={props.values.surnames}
        onChange={set('surnames')}
        error={props.errorFor('identity.surnames')}
      />
      <TextField
        label="First name(s)"
        name="firstNames"
        value={props.values.firstNames}
        onChange={set('firstNames')}
        error={props.errorFor('identity.firstNames')}
      />
      <TextField
        label="Date of birth"
        name="dateOfBirth"
        hint="YYYY-MM-DD; 00 for an unknown month or day"
        value={props.values.dateOfBirth}
        onChange={set('dateOfBirth')}
        error={props.errorFor('identity.dateOfBirth')}
      />
      <TextField
        label="Nationality(ies)"
        name="nationalities"
        hint="ISO 3166 alpha-3, comma separated"
        value={props.values.nationalities}
        onChange={set('nationalities')}
        error={props.errorFor('identity.nationalities')}
      />
      <TextField
        label="Travel document number"
        name="documentNumber"
        value={props.values.documentNumber}
        onChange={set('documentNumber')}
        error={props.errorFor('travelDocuments.0.number')}
      />
      <TextField
        label="Issuing country"
        name="documentCountry"
        hint="ISO 3166 alpha-3"
        value={props.values.documentCountry}
        onChange={set('documentCountry')}
        error={props.errorFor('travelDocuments.0.issuingCountry')}
      />
    </fieldset>
  );
}
