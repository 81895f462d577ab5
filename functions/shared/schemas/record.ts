import { z } from 'zod';
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
  .regex(/^\d{4}-(0[0-9]|1[0-2])-(0[0-9]|[12][0-9]|3[01])$/, 'YYYY-MM-DD, 00 for an unknown month or day')
  .refine((value) => !(value.slice(5, 7) === '00' && value.slice(8, 10) !== '00'), {
    message: 'a known day needs a known month',
  });

export const countryCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3, upper case');

const nameSchema = z.string().trim().min(1).max(200);

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
    placeOfBirth: z.string().trim().min(1).max(200).optional(),
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
  issuingCountry: countryCodeSchema,
  expiry: z.iso.date().optional(),
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
  /** Member State responsible for the record in the origin system (ISO 3166 alpha-2 or EU). */
  memberState: z
    .string()
    .regex(/^([A-Z]{2}|EU)$/)
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
