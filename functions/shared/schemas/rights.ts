import * as z from 'zod';
import { MEMBER_STATES } from '../../statistics/domain/authorities';
import { countryCodeSchema, partialDateSchema, plainText } from './record';

/** Languages of the request form, the answers and the notifications (issue 10). */
export const RIGHTS_LANGUAGES = ['en', 'fr', 'de', 'ar', 'ru', 'uk', 'tr'] as const;
export type RightsLanguage = (typeof RIGHTS_LANGUAGES)[number];

/** `language` where the templates exist in it, otherwise `fallback`. */
export const rightsLanguageOr = (language: string | undefined, fallback: RightsLanguage): RightsLanguage =>
  (RIGHTS_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as RightsLanguage) : fallback;

export const REQUEST_TYPES = ['access', 'rectification', 'erasure'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** A Member State where a request may be lodged (EU and Schengen associated states; not `EU`). */
export const lodgingStateSchema = z.enum(
  MEMBER_STATES.filter((state) => state !== 'EU') as [string, ...string[]],
  'an EU or Schengen Member State, ISO 3166-1 alpha-2',
);

/** One line (names), or several (an address, a mandate): no control, bidi or broken characters. */
const text = (max: number) => plainText({ max });
const lines = (max: number) => plainText({ max, multiline: true });

/** Whom the request is about: the single identification number, or surname and date of birth at least. */
export const requestSubjectSchema = z
  .strictObject({
    singleIdentificationNumber: z
      .string()
      .trim()
      .regex(/^SIN-[0-9A-Za-z-]{4,80}$/, 'a single identification number as notified (SIN-...)')
      .optional(),
    surname: text(200).optional(),
    givenNames: text(200).optional(),
    dateOfBirth: partialDateSchema.optional(),
    nationality: countryCodeSchema.optional(),
    documentNumber: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9 <-]+$/, 'letters, digits, space, < and - only')
      .optional(),
  })
  .superRefine((subject, context) => {
    if (subject.singleIdentificationNumber) return;
    if (!subject.surname) {
      context.addIssue({
        code: 'custom',
        path: ['surname'],
        message: 'the single identification number, or surname and date of birth, are required',
      });
    }
    if (!subject.dateOfBirth) {
      context.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'the single identification number, or surname and date of birth, are required',
      });
    }
  });

export const requestContactSchema = z
  .strictObject({
    email: z.email().max(254).optional(),
    postalAddress: lines(500).optional(),
  })
  .refine((contact) => contact.email !== undefined || contact.postalAddress !== undefined, {
    message: 'an e-mail address or a postal address is required',
    path: ['email'],
  });

/** Arts 47-48: the public request form. */
export const dataSubjectRequestBodySchema = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  language: z.enum(RIGHTS_LANGUAGES),
  lodgedWith: lodgingStateSchema,
  subject: requestSubjectSchema,
  details: z.string().trim().max(2000).optional(),
  contact: requestContactSchema,
  representative: z.strictObject({ name: text(200), mandate: lines(500) }).optional(),
});

/** References the API hands out: `DSR-` and 16 characters of Crockford base32. */
export const requestReferenceSchema = z
  .string()
  .regex(/^DSR-[0-9A-HJKMNP-TV-Z]{16}$/, 'a request reference as returned by this API');

export const requestPathSchema = z.object({ reference: requestReferenceSchema });

export const accessCodeHeadersSchema = z.object({
  'x-access-code': z.string().min(1, 'the access code handed out with the reference').max(100),
});

export const requestQueueQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

/** How the identity was proven (Art 48): what the officer checked, never the document itself. */
export const IDENTITY_PROOFS = [
  'travel-document-in-person',
  'identity-card-in-person',
  'residence-permit-in-person',
  'electronic-identification',
  'certified-copy-by-post',
  'representative-mandate-and-document',
] as const;

export const identityVerificationBodySchema = z.strictObject({
  method: z.enum(IDENTITY_PROOFS),
  /** The officer's note of what was checked (e.g. the document type and expiry, not its number). */
  note: lines(1000),
});

export const extensionBodySchema = z.strictObject({
  reason: z.string().trim().min(10, 'a reason of at least 10 characters is required').max(2000),
});

export const answerBodySchema = z.strictObject({
  /** For rectification and erasure; an access request is answered with the data found. */
  decision: z.enum(['granted', 'refused']).optional(),
  /** The written answer to the person (in the request's language). */
  text: z.string().trim().min(10, 'a written answer of at least 10 characters is required').max(10_000),
  /** What the origin systems must change (rectification): a description per field, no identity data needed. */
  rectification: lines(2000).optional(),
});

export const notificationIdSchema = z
  .string()
  .regex(/^ntf-[0-9a-f]{32}$/, 'a notification id as returned by this API');
export const notificationPathSchema = z.object({ notificationId: notificationIdSchema });

export const notificationQuerySchema = z.strictObject({
  status: z.enum(['to-send', 'withheld']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const notificationExceptionBodySchema = z.strictObject({
  ground: z.enum(['security', 'investigation']),
  reason: z.string().trim().min(10, 'a reason of at least 10 characters is required').max(2000),
  /** When the exception is to be reviewed (Art 32(4)/33(3)): a date within a year. */
  reviewBy: z.iso.date(),
});

export const instructionQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export type DataSubjectRequestBody = z.infer<typeof dataSubjectRequestBodySchema>;
export type RequestSubject = z.infer<typeof requestSubjectSchema>;
export type IdentityVerificationBody = z.infer<typeof identityVerificationBodySchema>;
export type ExtensionBody = z.infer<typeof extensionBodySchema>;
export type AnswerBody = z.infer<typeof answerBodySchema>;
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;
export type NotificationExceptionBody = z.infer<typeof notificationExceptionBodySchema>;
export type RequestQueueQuery = z.infer<typeof requestQueueQuerySchema>;
