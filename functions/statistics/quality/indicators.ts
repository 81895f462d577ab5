import type { IndividualFile } from '../../cir/domain/individual-file';
import { harmoniseDocumentNumber } from '../../mid/domain/comparators';
import { daysInMonth } from '../../shared/calendar';
import type { OriginSystem } from '../../shared/systems';
import { isValidIssuingCountry, isValidNationality } from './country-codes';

/**
 * Data quality (Art 37): what one version of an individual file contributes to the indicators.
 * Pure: the file in, counts out. The contribution is stored beside the file and subtracted, exactly
 * as it was added, when the file changes or is deleted (functions/statistics/quality/store.ts).
 */

/** What rates are computed over: files, templates submitted, distinct travel documents. */
export const DENOMINATORS = ['records', 'templates', 'travelDocuments'] as const;
export type Denominator = (typeof DENOMINATORS)[number];

export const INDICATORS = {
  missingSurname: { per: 'records', definition: 'no surname' },
  missingFirstName: { per: 'records', definition: 'no first name' },
  missingDateOfBirth: { per: 'records', definition: 'no date of birth' },
  missingSex: { per: 'records', definition: 'no sex' },
  missingNationality: { per: 'records', definition: 'no nationality' },
  missingTravelDocument: {
    per: 'records',
    definition: 'no travel document in a system whose records always carry one (EES, VIS, ETIAS)',
  },
  missingBiometrics: {
    per: 'records',
    definition: 'no accepted template in a system that takes biometrics of everyone (EES, VIS, EURODAC)',
  },
  dateOfBirthInFuture: { per: 'records', definition: 'date of birth after the day it was recorded' },
  dateOfBirthBefore1900: { per: 'records', definition: 'year of birth before 1900' },
  dateOfBirthImpossible: {
    per: 'records',
    definition: 'day that does not exist in its month (02-30, 02-29 of a common year)',
  },
  dateOfBirthPartial: {
    per: 'records',
    definition: 'unknown month or day (00): legitimate, but weakens matching',
  },
  dateOfBirthPlaceholder: {
    per: 'records',
    definition: '1 January: the usual placeholder for an unknown date (expected rate about 0.3%)',
  },
  invalidNationality: {
    per: 'records',
    definition: 'a nationality that is neither ISO 3166-1 alpha-3 nor an ICAO 9303 nationality code',
  },
  invalidIssuingCountry: {
    per: 'travelDocuments',
    definition: 'issuing country neither ISO 3166-1 alpha-3 nor an ICAO 9303 issuer code',
  },
  missingDocumentExpiry: {
    per: 'travelDocuments',
    definition: 'no expiry date in a system that records it (EES, VIS, ETIAS)',
  },
  duplicateDocuments: {
    per: 'travelDocuments',
    definition: 'a document (issuing country and number) that another file of the same system also holds',
  },
  lowQualityTemplates: { per: 'templates', definition: 'refused by the sBMS: quality below its minimum' },
  invalidTemplates: {
    per: 'templates',
    definition: 'refused by the sBMS for another reason (dimension, values, finger position)',
  },
  recordsWithFaults: {
    per: 'records',
    definition: 'files with at least one fault above (partial and placeholder dates and duplicates excepted)',
  },
} as const satisfies Record<string, { per: Denominator; definition: string }>;

export type IndicatorName = keyof typeof INDICATORS;
export type Measure = Denominator | IndicatorName;
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];
export const MEASURES: readonly Measure[] = [...DENOMINATORS, ...INDICATOR_NAMES];

export type Counts = Partial<Record<Measure, number>>;

/** The Member State a file is reported under when its origin system did not name one. */
export const NO_MEMBER_STATE = 'none';

export interface QualityContribution {
  memberState: string;
  /** Non-zero counts only; `duplicateDocuments` is not here: it depends on the other files. */
  counts: Counts;
  /** The file's distinct travel documents (`{issuingCountry}|{harmonised number}`), for the duplicate count. */
  documents: string[];
}

const DOCUMENT_MANDATORY: readonly OriginSystem[] = ['EES', 'VIS', 'ETIAS'];
const BIOMETRICS_MANDATORY: readonly OriginSystem[] = ['EES', 'VIS', 'EURODAC'];
/** Signals rather than faults: the recorded value may be true. */
const NOT_FAULTS: readonly IndicatorName[] = ['dateOfBirthPartial', 'dateOfBirthPlaceholder'];

export type QualityInput = Pick<
  IndividualFile,
  'system' | 'memberState' | 'identity' | 'travelDocuments' | 'templateModalities' | 'templateRefusals'
>;

/** The indicators of one file as recorded at `at` (ISO time: the reference for "in the future"). */
export function contributionOf(file: QualityInput, at: string): QualityContribution {
  const counts: Counts = {};
  const add = (measure: Measure, n = 1) => {
    if (n > 0) counts[measure] = (counts[measure] ?? 0) + n;
  };
  const { identity, system } = file;
  add('records');
  if (identity.surnames.length === 0) add('missingSurname');
  if (identity.firstNames.length === 0) add('missingFirstName');
  if (!identity.sex) add('missingSex');
  if (identity.nationalities.length === 0) add('missingNationality');
  if (identity.nationalities.some((code) => !isValidNationality(code))) add('invalidNationality');
  for (const fault of dateOfBirthFaults(identity.dateOfBirth, at)) add(fault);

  const documents = new Map<string, IndividualFile['travelDocuments'][number]>();
  for (const document of file.travelDocuments) {
    const key = `${document.issuingCountry}|${harmoniseDocumentNumber(document.number)}`;
    if (!documents.has(key)) documents.set(key, document);
  }
  add('travelDocuments', documents.size);
  if (documents.size === 0 && DOCUMENT_MANDATORY.includes(system)) add('missingTravelDocument');
  for (const document of documents.values()) {
    if (!isValidIssuingCountry(document.issuingCountry)) add('invalidIssuingCountry');
    if (!document.expiry && DOCUMENT_MANDATORY.includes(system)) add('missingDocumentExpiry');
  }

  add('templates', file.templateModalities.length + file.templateRefusals.length);
  for (const refusal of file.templateRefusals) {
    add(refusal.reason === 'low-quality' ? 'lowQualityTemplates' : 'invalidTemplates');
  }
  if (file.templateModalities.length === 0 && BIOMETRICS_MANDATORY.includes(system)) add('missingBiometrics');

  const faulty = INDICATOR_NAMES.some((name) => counts[name] && !NOT_FAULTS.includes(name));
  if (faulty) add('recordsWithFaults');
  return {
    memberState: file.memberState ?? NO_MEMBER_STATE,
    counts,
    documents: [...documents.keys()],
  };
}

/** Faults of a `YYYY-MM-DD` date of birth (`00` for an unknown month or day), recorded at `at`. */
export function dateOfBirthFaults(value: string | undefined, at: string): IndicatorName[] {
  if (!value) return ['missingDateOfBirth'];
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const faults: IndicatorName[] = [];
  if (month === 0 || day === 0) faults.push('dateOfBirthPartial');
  else if (day > daysInMonth(year, month)) faults.push('dateOfBirthImpossible');
  else if (month === 1 && day === 1) faults.push('dateOfBirthPlaceholder');
  if (year < 1900) faults.push('dateOfBirthBefore1900');
  // An unknown part is read as its earliest value: only a date surely after `at` is in the future.
  const earliest = `${value.slice(0, 4)}-${pad(Math.max(month, 1))}-${pad(Math.max(day, 1))}`;
  if (earliest > at.slice(0, 10)) faults.push('dateOfBirthInFuture');
  return faults;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `duplicateDocuments` count of one document, per Member State, from the number of files of
 * one system holding it per Member State: every holder counts once the document has two or more.
 */
export function duplicateHolders(holders: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(holders).reduce((sum, n) => sum + n, 0);
  return total >= 2 ? { ...holders } : {};
}
