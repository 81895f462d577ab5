import * as z from 'zod';
import { CONSULTATION_SYSTEMS } from '../../consultation/domain/consultation';
import { IDENTITY_CHECK_REASONS } from '../../consultation/domain/identity-check';
import { OFFENCE_CATEGORIES } from '../../consultation/domain/offences';
import { biometricsSchema, identitySchema, travelDocumentSchema } from './record';
import { probeSchema } from './sbms';

/** Ids the API hands out (UUIDs). */
export const consultationIdSchema = z.string().uuid();

/**
 * A file number as authorities write them (`IT/DCSA/2026/001`, `2026-0042`): letters and digits in
 * segments joined by / . _ : # -, with at least one digit and no spaces. It is copied into the access
 * log (Art 24), so a name typed into the field ("JOHN SMITH") is refused, not logged.
 */
export const caseReferenceSchema = z
  .string()
  .trim()
  .min(3, 'a case reference is required')
  .max(100)
  .regex(/^[A-Za-z0-9]+(?:[/._:#-][A-Za-z0-9]+)*$/, {
    message: 'a file number: letters and digits in segments joined by / . _ : # -, no spaces',
    abort: true,
  })
  .refine((value) => /\d/.test(value), 'a file number holds at least one digit');

const justificationSchema = z
  .string()
  .trim()
  .min(20, 'a justification of at least 20 characters is required')
  .max(4000);

export const consultationSystemSchema = z.enum(CONSULTATION_SYSTEMS);

/** Art 22 step 1: a case, an offence, a justification, and identity data and/or biometrics. */
export const consultationBodySchema = z
  .strictObject({
    caseReference: caseReferenceSchema,
    offence: z.enum(OFFENCE_CATEGORIES),
    justification: justificationSchema,
    identity: identitySchema.optional(),
    travelDocuments: z.array(travelDocumentSchema).max(10).default([]),
    biometrics: probeSchema.optional(),
  })
  .refine(
    (body) => body.identity !== undefined || body.biometrics !== undefined || body.travelDocuments.length > 0,
    {
      message: 'identity data, a travel document or biometrics are required',
      path: ['identity'],
    },
  );

export const accessRequestBodySchema = z.strictObject({
  system: consultationSystemSchema,
  justification: justificationSchema,
  /** Urgent: granted at once, verified by the verifying authority afterwards. */
  urgent: z.boolean().default(false),
});

export const decisionBodySchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().trim().min(3, 'a reason is required').max(2000),
});

export const noAccessReasonBodySchema = z.strictObject({
  system: consultationSystemSchema,
  reason: z.string().trim().min(10, 'a reason of at least 10 characters is required').max(2000),
});

export const consultationPathSchema = z.object({ consultationId: consultationIdSchema });
export const accessRequestPathSchema = z.object({ requestId: consultationIdSchema });

export const pendingQuerySchema = z.object({
  status: z.enum(['pending']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2000).optional(),
});

/** Art 20: a reason from the list, the person's age, and live biometrics or identity data as fallback. */
export const identityCheckBodySchema = z.strictObject({
  reason: z.enum(IDENTITY_CHECK_REASONS),
  age: z.number().int().min(0).max(130),
  bestInterestOfChild: z.strictObject({ justification: justificationSchema }).optional(),
  biometrics: biometricsSchema.optional(),
  identity: identitySchema.optional(),
  travelDocuments: z.array(travelDocumentSchema).max(10).default([]),
  /** The police file the check belongs to (logged). */
  caseReference: caseReferenceSchema.optional(),
});

export type ConsultationBody = z.infer<typeof consultationBodySchema>;
export type AccessRequestBody = z.infer<typeof accessRequestBodySchema>;
export type DecisionBody = z.infer<typeof decisionBodySchema>;
export type NoAccessReasonBody = z.infer<typeof noAccessReasonBodySchema>;
export type PendingQuery = z.infer<typeof pendingQuerySchema>;
export type IdentityCheckBody = z.infer<typeof identityCheckBodySchema>;
