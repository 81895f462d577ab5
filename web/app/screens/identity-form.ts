import { splitList } from '../ui/format';

/** Identity data and a travel document typed by an officer, as the CIR schemas want them. */
export interface PersonValues {
  surnames: string;
  firstNames: string;
  dateOfBirth: string;
  nationalities: string;
  documentNumber: string;
  documentCountry: string;
}

export const EMPTY_PERSON: PersonValues = {
  surnames: '',
  firstNames: '',
  dateOfBirth: '',
  nationalities: '',
  documentNumber: '',
  documentCountry: '',
};

export function personBody(values: PersonValues) {
  const surnames = splitList(values.surnames);
  const firstNames = splitList(values.firstNames);
  const nationalities = splitList(values.nationalities).map((n) => n.toUpperCase());
  const hasIdentity = surnames.length + firstNames.length > 0 || values.dateOfBirth.trim() !== '';
  return {
    ...(hasIdentity
      ? {
          identity: {
            surnames,
            firstNames,
            ...(values.dateOfBirth.trim() ? { dateOfBirth: values.dateOfBirth.trim() } : {}),
            ...(nationalities.length ? { nationalities } : {}),
          },
        }
      : {}),
    travelDocuments: values.documentNumber.trim()
      ? [
          {
            number: values.documentNumber.trim(),
            issuingCountry: values.documentCountry.trim().toUpperCase(),
          },
        ]
      : [],
  };
}
