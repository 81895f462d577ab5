import type { z } from 'zod';
import type { recordBodySchema } from '../functions/shared/schemas/record';
import type { OriginSystem } from '../functions/shared/systems';

/**
 * The README's five-minute tour and the searches `npm start` prints: fixed demo data, seeded before
 * the generated people so that its MID checks run first. One person, OLENA KOVALENKO, has an SIS
 * refusal-of-entry alert (a file in the CIR and the alert in SIS) and applied for a visa under
 * another identity with the same face: the MID links the two files yellow, and the SIRENE bureau
 * of the alerting Member State (DE) verifies the link (Art 29(2)).
 */
export const TOUR_PERSON = 990_333;

export interface TourRecord {
  system: OriginSystem;
  recordId: string;
  /** The capture session of the person's face and fingerprints (a new capture per record). */
  session: number;
  body: Pick<z.input<typeof recordBodySchema>, 'identity' | 'travelDocuments'> & { memberState: string };
}

export const TOUR_RECORDS: readonly TourRecord[] = [
  {
    system: 'SIS',
    recordId: 'SIS-DEMO-0001',
    session: 1,
    body: {
      identity: {
        surnames: ['KOVALENKO'],
        firstNames: ['OLENA'],
        dateOfBirth: '1990-04-12',
        sex: 'F',
        nationalities: ['UKR'],
        placeOfBirth: 'KHARKIV',
      },
      travelDocuments: [{ type: 'P', number: 'FX1234567', issuingCountry: 'UKR' }],
      memberState: 'DE',
    },
  },
  {
    system: 'VIS',
    recordId: 'VIS-DEMO-0001',
    session: 2,
    body: {
      identity: {
        surnames: ['MELNYK'],
        firstNames: ['IRYNA'],
        dateOfBirth: '1988-11-03',
        sex: 'F',
        nationalities: ['UKR'],
        placeOfBirth: 'ODESA',
      },
      travelDocuments: [{ type: 'P', number: 'FY7654321', issuingCountry: 'UKR' }],
      memberState: 'FR',
    },
  },
];

/** A search that hits on the demo data, for the profile of a demo user (printed by `npm start`). */
export interface FirstSearch {
  userId: string;
  who: string;
  profile: string;
  purpose: string;
  query: { identity?: Record<string, unknown>; travelDocument?: { number: string } };
  /** How the web form reads it. */
  typed: string;
  /** The systems that answer with a hit, and what they show. */
  hits: Partial<Record<string, string>>;
}

export const FIRST_SEARCHES: readonly FirstSearch[] = [
  {
    userId: 'bg-anna',
    who: 'border guard',
    profile: 'border-guard',
    purpose: 'first-line-check',
    query: {
      identity: { surnames: ['KOVALENKO'], firstNames: ['OLENA'], dateOfBirth: '1990-04-12' },
      travelDocument: { number: 'FX1234567' },
    },
    typed: 'surname KOVALENKO, first name OLENA, date of birth 1990-04-12, travel document number FX1234567',
    hits: {
      SIS: 'refusal-of-entry alert, action to take first',
      INTERPOL_TDAWN: 'a diffusion on her passport FX1234567',
    },
  },
  {
    userId: 'visa-luc',
    who: 'visa officer',
    profile: 'visa-authority',
    purpose: 'visa-examination',
    query: { travelDocument: { number: 'XS0000001' } },
    typed: 'travel document number XS0000001',
    hits: { INTERPOL_SLTD: 'a stolen Syrian passport' },
  },
  {
    userId: 'asylum-eva',
    who: 'asylum officer',
    profile: 'immigration-asylum',
    purpose: 'international-protection',
    query: { identity: { surnames: ['MELNYK'], firstNames: ['IRYNA'], dateOfBirth: '1988-11-03' } },
    typed: 'surname MELNYK, first name IRYNA, date of birth 1988-11-03',
    hits: { CIR: 'her VIS file in the Common Identity Repository' },
  },
];
