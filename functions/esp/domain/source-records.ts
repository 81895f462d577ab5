import * as z from 'zod';
import {
  biometricsSchema,
  countryCodeSchema,
  identitySchema,
  partialDateSchema,
  travelDocumentSchema,
} from '../../shared/schemas/record';
import { type EspSource, ORIGIN_SYSTEMS } from '../../shared/systems';

/**
 * Record shapes of the systems the ESP queries, as their reference implementations store them.
 * Every shape has `recordId`; `identity`, `travelDocuments` and `biometrics` are what queries
 * match on. Biometric templates are never returned: they are not in `RETURNABLE_FIELDS`.
 */
const recordId = z.string().min(1).max(128);
const memberState = z.string().regex(/^([A-Z]{2}|EU)$/);
const travelDocuments = z.array(travelDocumentSchema).max(10).default([]);

const recordRef = z.strictObject({ system: z.enum(ORIGIN_SYSTEMS), recordId });

export const midLinkSchema = z.strictObject({
  linkId: z.string().optional(),
  colour: z.enum(['white', 'yellow', 'green', 'red']),
  linkedRecord: recordRef,
});

const cirFileFields = {
  recordId,
  originSystem: z.enum(ORIGIN_SYSTEMS),
  identity: identitySchema,
  travelDocuments,
};

const cirFileSchema = z.strictObject({
  ...cirFileFields,
  biometrics: biometricsSchema.optional(),
  links: z.array(midLinkSchema).default([]),
  /** The files joined to this one by white links (one person, Art 17(4)), and those links. */
  whiteGroup: z
    .strictObject({
      files: z.array(z.strictObject(cirFileFields)),
      links: z.array(z.strictObject({ records: z.tuple([recordRef, recordRef]) })),
    })
    .optional(),
});

const sisAlertSchema = z.strictObject({
  recordId,
  category: z.enum([
    'refusal-of-entry',
    'return',
    'arrest',
    'missing-person',
    'judicial-procedure',
    'discreet-check',
    'inquiry-check',
    'specific-check',
    'object-seizure',
  ]),
  actionToTake: z.string().min(1).max(500),
  issuingMemberState: memberState,
  warnings: z.array(z.enum(['armed', 'violent', 'escaped', 'suicidal', 'terrorism-related'])).default([]),
  identity: identitySchema.optional(),
  travelDocuments,
  biometrics: biometricsSchema.optional(),
});

const eesFileSchema = z.strictObject({
  recordId,
  identity: identitySchema,
  travelDocuments,
  biometrics: biometricsSchema.optional(),
  movements: z
    .array(
      z.strictObject({
        kind: z.enum(['entry', 'exit', 'refusal-of-entry']),
        at: z.iso.datetime(),
        borderCrossingPoint: z.string().min(1).max(100),
        memberState,
      }),
    )
    .default([]),
  authorisedStayUntil: z.iso.date().optional(),
  overstay: z.boolean().default(false),
});

const visFileSchema = z.strictObject({
  recordId,
  identity: identitySchema,
  travelDocuments,
  biometrics: biometricsSchema.optional(),
  applications: z
    .array(
      z.strictObject({
        applicationNumber: z.string().min(1).max(40),
        submittedAt: z.iso.date(),
        visaType: z.enum(['A', 'C', 'D']),
        decision: z.enum(['pending', 'issued', 'refused', 'annulled', 'revoked', 'extended']),
        decidedAt: z.iso.date().optional(),
        validUntil: z.iso.date().optional(),
        memberState,
      }),
    )
    .default([]),
});

const etiasFileSchema = z.strictObject({
  recordId,
  identity: identitySchema,
  travelDocuments,
  authorisation: z.strictObject({
    status: z.enum(['valid', 'refused', 'revoked', 'annulled', 'expired']),
    validUntil: z.iso.date().optional(),
    limitedTerritorialValidity: z.array(memberState).default([]),
  }),
});

const eurodacFileSchema = z.strictObject({
  recordId,
  identity: identitySchema.optional(),
  biometrics: biometricsSchema.optional(),
  category: z.enum([
    'applicant-international-protection',
    'irregular-crossing',
    'illegal-stay',
    'resettlement',
    'temporary-protection',
  ]),
  memberStateOfOrigin: memberState,
  takenAt: z.iso.date(),
});

const ecrisTcnFileSchema = z.strictObject({
  recordId,
  identity: identitySchema,
  biometrics: biometricsSchema.optional(),
  /** ECRIS-TCN returns only the flag and where to ask: the convictions stay with the convicting states. */
  hasConvictions: z.literal(true),
  convictingMemberStates: z.array(memberState).min(1),
});

const europolFileSchema = z.strictObject({
  recordId,
  identity: identitySchema,
  travelDocuments,
  biometrics: biometricsSchema.optional(),
  personCategory: z.enum(['suspect', 'convicted', 'potential-offender', 'contact', 'victim', 'witness']),
  crimeAreas: z.array(z.string().min(1).max(80)).default([]),
});

const sltdDocumentSchema = z.strictObject({
  recordId,
  travelDocuments: z.array(travelDocumentSchema).length(1),
  documentStatus: z.enum(['stolen', 'lost', 'revoked', 'invalid']),
  reportingCountry: countryCodeSchema,
  reportedOn: partialDateSchema,
});

const tdawnDocumentSchema = z.strictObject({
  recordId,
  identity: identitySchema.optional(),
  travelDocuments: z.array(travelDocumentSchema).min(1),
  noticeType: z.enum(['red', 'blue', 'green', 'yellow', 'black', 'orange', 'purple', 'diffusion']),
});

export const SOURCE_RECORD_SCHEMAS = {
  CIR: cirFileSchema,
  SIS: sisAlertSchema,
  EES: eesFileSchema,
  VIS: visFileSchema,
  ETIAS: etiasFileSchema,
  EURODAC: eurodacFileSchema,
  ECRIS_TCN: ecrisTcnFileSchema,
  EUROPOL: europolFileSchema,
  INTERPOL_SLTD: sltdDocumentSchema,
  INTERPOL_TDAWN: tdawnDocumentSchema,
} as const satisfies Record<EspSource, z.ZodObject>;

export type SourceRecordOf<S extends EspSource> = z.output<(typeof SOURCE_RECORD_SCHEMAS)[S]>;
export type MidLink = z.output<typeof midLinkSchema>;

/** What a reference source matches on; every system's record is one of these plus its own fields. */
export interface SearchableRecord {
  recordId: string;
  identity?: z.output<typeof identitySchema>;
  travelDocuments?: z.output<typeof travelDocumentSchema>[];
  biometrics?: z.output<typeof biometricsSchema>;
  readonly [field: string]: unknown;
}

const NEVER_RETURNED = new Set(['biometrics']);
const IDENTITY_SUBFIELDS = Object.keys(identitySchema.shape).map((key) => `identity.${key}`);

function returnableFields(schema: z.ZodObject): readonly string[] {
  const topLevel = Object.keys(schema.shape).filter((key) => !NEVER_RETURNED.has(key));
  return topLevel.includes('identity') ? [...topLevel, ...IDENTITY_SUBFIELDS] : topLevel;
}

/** Field paths a profile may name per system: top-level fields, and `identity.<field>` where there is one. */
export const RETURNABLE_FIELDS = Object.fromEntries(
  Object.entries(SOURCE_RECORD_SCHEMAS).map(([system, schema]) => [system, returnableFields(schema)]),
) as Record<EspSource, readonly string[]>;

export function parseSourceRecord<S extends EspSource>(system: S, raw: unknown): SourceRecordOf<S> {
  return SOURCE_RECORD_SCHEMAS[system].parse(raw) as SourceRecordOf<S>;
}
