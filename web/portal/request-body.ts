/** What the request form holds: every text field as typed, before it becomes the API's body. */
export interface RequestForm {
  /** Empty until the person chooses: the API names the field if it is still empty. */
  type: '' | 'access' | 'rectification' | 'erasure';
  language: string;
  lodgedWith: string;
  singleIdentificationNumber: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  nationality: string;
  documentNumber: string;
  details: string;
  email: string;
  postalAddress: string;
  representing: boolean;
  representativeName: string;
  representativeMandate: string;
}

export const DETAILS_MAX = 2000;

/** A blank form; the answer's language defaults to the page's. */
export const emptyForm = (language: string): RequestForm => ({
  type: '',
  language,
  lodgedWith: '',
  singleIdentificationNumber: '',
  surname: '',
  givenNames: '',
  dateOfBirth: '',
  nationality: '',
  documentNumber: '',
  details: '',
  email: '',
  postalAddress: '',
  representing: false,
  representativeName: '',
  representativeMandate: '',
});

/** The `POST /v1/data-subject-requests` body: blank fields left out, codes upper-cased. */
export function requestBody(form: RequestForm) {
  const text = (value: string) => value.trim() || undefined;
  return {
    type: form.type || undefined,
    language: form.language,
    lodgedWith: form.lodgedWith,
    subject: {
      singleIdentificationNumber: text(form.singleIdentificationNumber),
      surname: text(form.surname),
      givenNames: text(form.givenNames),
      dateOfBirth: text(form.dateOfBirth),
      nationality: text(form.nationality)?.toUpperCase(),
      documentNumber: text(form.documentNumber)?.toUpperCase(),
    },
    details: text(form.details),
    contact: { email: text(form.email), postalAddress: text(form.postalAddress) },
    representative: form.representing
      ? { name: form.representativeName.trim(), mandate: form.representativeMandate.trim() }
      : undefined,
  };
}
