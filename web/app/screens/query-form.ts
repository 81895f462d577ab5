import { demoCapture } from '../demo-biometrics';
import { splitList } from '../ui/format';

/** The form's raw text values, keyed by ESP query field (`identity.surnames`, `biometrics.face`, ...). */
export type QueryValues = Record<string, string>;

export interface QueryFieldSpec {
  field: string;
  label: string;
  hint?: string;
  kind: 'text' | 'sex' | 'documentType' | 'biometric';
}

/** Every query field the ESP knows; a profile lists the subset its users may fill in. */
export const QUERY_FIELD_SPECS: readonly QueryFieldSpec[] = [
  { field: 'identity.surnames', label: 'Surname(s)', hint: 'Several separated by commas', kind: 'text' },
  { field: 'identity.firstNames', label: 'First name(s)', hint: 'Several separated by commas', kind: 'text' },
  {
    field: 'identity.dateOfBirth',
    label: 'Date of birth',
    hint: 'YYYY-MM-DD; 00 for an unknown month or day',
    kind: 'text',
  },
  { field: 'identity.sex', label: 'Sex', kind: 'sex' },
  {
    field: 'identity.nationalities',
    label: 'Nationality(ies)',
    hint: 'ISO 3166 alpha-3, e.g. NGA; several separated by commas',
    kind: 'text',
  },
  { field: 'identity.placeOfBirth', label: 'Place of birth', kind: 'text' },
  { field: 'travelDocument.number', label: 'Travel document number', kind: 'text' },
  {
    field: 'travelDocument.issuingCountry',
    label: 'Issuing country',
    hint: 'ISO 3166 alpha-3',
    kind: 'text',
  },
  { field: 'travelDocument.type', label: 'Document type', kind: 'documentType' },
  {
    field: 'biometrics.face',
    label: 'Face: demo person number',
    hint: 'A fresh synthetic capture of that demo person (empty: no face)',
    kind: 'biometric',
  },
  {
    field: 'biometrics.fingerprints',
    label: 'Fingerprints: demo person number',
    hint: 'Fresh synthetic captures of two fingers (empty: none)',
    kind: 'biometric',
  },
];

const trimmed = (values: QueryValues, field: string) => values[field]?.trim() ?? '';

/**
 * The ESP query from the form: only filled fields are sent, so that what the officer typed is what
 * the server validates (its field errors come back under the same paths).
 */
export function buildQuery(values: QueryValues) {
  const v = (field: string) => trimmed(values, field);
  const identity = {
    ...(v('identity.surnames') ? { surnames: splitList(v('identity.surnames')) } : {}),
    ...(v('identity.firstNames') ? { firstNames: splitList(v('identity.firstNames')) } : {}),
    ...(v('identity.dateOfBirth') ? { dateOfBirth: v('identity.dateOfBirth') } : {}),
    ...(v('identity.sex') ? { sex: v('identity.sex') as 'M' | 'F' | 'X' } : {}),
    ...(v('identity.nationalities')
      ? { nationalities: splitList(v('identity.nationalities')).map((n) => n.toUpperCase()) }
      : {}),
    ...(v('identity.placeOfBirth') ? { placeOfBirth: v('identity.placeOfBirth') } : {}),
  };
  const travelDocument = {
    ...(v('travelDocument.number') ? { number: v('travelDocument.number') } : {}),
    ...(v('travelDocument.issuingCountry')
      ? { issuingCountry: v('travelDocument.issuingCountry').toUpperCase() }
      : {}),
    ...(v('travelDocument.type') ? { type: v('travelDocument.type') as 'P' } : {}),
  };
  const face = Number.parseInt(v('biometrics.face'), 10);
  const fingers = Number.parseInt(v('biometrics.fingerprints'), 10);
  const biometrics = {
    ...(Number.isFinite(face) ? demoCapture({ person: face, face: true, fingerprints: false }) : {}),
    ...(Number.isFinite(fingers) ? demoCapture({ person: fingers, face: false, fingerprints: true }) : {}),
  };
  return {
    ...(Object.keys(identity).length ? { identity: identity as { surnames: string[] } } : {}),
    ...(Object.keys(travelDocument).length ? { travelDocument: travelDocument as { number: string } } : {}),
    ...(Object.keys(biometrics).length ? { biometrics } : {}),
  };
}
