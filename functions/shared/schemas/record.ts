import * as z from 'zod';
import { MEMBER_STATES } from '../../statistics/domain/authorities';
import { isValidIssuingCountry, isValidNationality } from '../../statistics/quality/country-codes';
import { daysInMonth } from '../calendar';
import { ORIGIN_SYSTEMS } from '../systems';

/**
 * An individual file of the CIR (Art 18) as an origin system sends it. Dates of birth may be
 * partial: `YYYY-MM-DD` with `00` for an unknown day or month (ICAO 9303 practice).
 */
export const originSystemSchema = z.enum(ORIGIN_SYSTEMS);

export const recordIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const partialDateSchema = z
  .string()
  .regex(/^\d{4}-(0[0-9]|1[0-2])-(0[0-9]|[12][0-9]|3[01])$/, {
    message: 'YYYY-MM-DD, 00 for an unknown month or day',
    abort: true,
  })
  .refine((value) => !(value.slice(5, 7) === '00' && value.slice(8, 10) !== '00'), {
    message: 'a known day needs a known month',
  })
  .refine(isCalendarDate, { message: 'not a date: year 0000, or a day its month does not have' });

/** A full date that exists (a document's expiry): `YYYY-MM-DD`, never year 0000. */
export const calendarDateSchema = z.iso
  .date({ abort: true })
  .refine(isCalendarDate, { message: 'not a date: year 0000, or a day its month does not have' });

/**
 * A date that can be true: year 0001 or later, a known day within its month (2023-02-30 is refused).
 * Implausible but possible dates (1850, 1 January) are accepted and counted by data quality.
 */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return year > 0 && (month === 0 || day === 0 || day <= daysInMonth(year, month));
}

/** A nationality: ISO 3166-1 alpha-3 or an ICAO 9303 code (docs/identity-data.md). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'ISO 3166-1 alpha-3, upper case', abort: true })
  .refine(isValidNationality, 'neither an ISO 3166-1 alpha-3 code nor an ICAO 9303 code');

/** A travel document's issuer: ISO 3166-1 alpha-3 or an ICAO 9303 issuer code (not XXA, XXB, XXC, XXX). */
export const issuingCountrySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'ISO 3166-1 alpha-3, upper case', abort: true })
  .refine(isValidIssuingCountry, 'neither an ISO 3166-1 alpha-3 code nor an ICAO 9303 issuer code');

/**
 * Text as a person's name or a place holds it: no control characters (NUL, C0, DEL, C1; `multiline`
 * allows tab and line breaks), no invisible bidirectional controls (U+061C, U+200E-200F, U+202A-202E,
 * U+2066-2069, which make a logged or displayed name read as another), and no lone UTF-16 surrogate.
 */
export function plainText(options: { max: number; multiline?: boolean }) {
  const control = options.multiline ? /(?![\t\n\r])\p{Cc}/u : /\p{Cc}/u;
  return z
    .string()
    .trim()
    .min(1)
    .max(options.max)
    .refine((value) => !control.test(value), 'control characters are not allowed')
    .refine((value) => !BIDI_CONTROLS.test(value), 'bidirectional control characters are not allowed')
    .refine((value) => !/\p{Cs}/u.test(value), 'not well-formed Unicode (a lone surrogate)');
}

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const nameSchema = plainText({ max: 200 });

export const aliasSchema = z.strictObject({
  surname: nameSchema.optional(),
  firstNames: nameSchema.optional(),
});

export const identitySchema = z
  .strictObject({
    surnames: z.array(nameSchema).max(10).default([]),
    firstNames: z.array(nameSchema).max(10).default([]),
    surnameAtBirth: nameSchema.optional(),
    formerSurnames: z.array(nameSchema).max(10).default([]),
    formerFirstNames: z.array(nameSchema).max(10).default([]),
    aliases: z.array(aliasSchema).max(20).default([]),
    dateOfBirth: partialDateSchema.optional(),
    placeOfBirth: nameSchema.optional(),
    nationalities: z.array(countryCodeSchema).max(10).default([]),
    sex: z.enum(['M', 'F', 'X']).optional(),
  })
  .refine((identity) => identity.surnames.length + identity.firstNames.length > 0, {
    message: 'at least one surname or first name is required',
    path: ['surnames'],
  });

export const travelDocumentSchema = z.strictObject({
  type: z.enum(['P', 'ID', 'V', 'RP', 'OTHER']).default('P'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9 <-]+$/, 'letters, digits, space, < and - only'),
  issuingCountry: issuingCountrySchema,
  expiry: calendarDateSchema.optional(),
});

/** A template from the capturing system's certified extractor: a fixed-length float vector. */
export const templateSchema = z.strictObject({
  vector: z.array(z.number()).min(1).max(4096),
  quality: z.number().min(0).max(100),
});

export const fingerprintSchema = templateSchema.extend({
  position: z.number().int().min(1).max(10),
});

export const biometricsSchema = z.strictObject({
  face: templateSchema.optional(),
  fingerprints: z.array(fingerprintSchema).max(10).default([]),
});

export const recordBodySchema = z.strictObject({
  identity: identitySchema,
  travelDocuments: z.array(travelDocumentSchema).max(10).default([]),
  biometrics: biometricsSchema.optional(),
  /** The origin system's own version of the record: a write older than the stored one is refused. */
  version: z.number().int().min(1),
  /** Member State responsible for the record in the origin system (ISO 3166 alpha-2 of an EU or associated state, or EU). */
  memberState: z
    .enum(MEMBER_STATES, 'a Member State, an associated state (ISO 3166-1 alpha-2) or EU')
    .optional(),
  /** The person's language where the origin system knows it (ISO 639-1), for notifications (Arts 32-33). */
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});

export type PartialDate = z.infer<typeof partialDateSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type TravelDocument = z.infer<typeof travelDocumentSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Fingerprint = z.infer<typeof fingerprintSchema>;
export type Biometrics = z.infer<typeof biometricsSchema>;
export type RecordBody = z.infer<typeof recordBodySchema>;

/** Longest hold of a `mid-result` request (below API Gateway's 29 s integration limit). */
export const MAX_MID_RESULT_WAIT_SECONDS = 20;

export const midResultQuerySchema = z.strictObject({
  /** Hold the request until the check of the current version is done, for at most this long. */
  waitSeconds: z.coerce.number().int().min(0).max(MAX_MID_RESULT_WAIT_SECONDS).default(0),
});

export type MidResultQuery = z.infer<typeof midResultQuerySchema>;
