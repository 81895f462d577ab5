import { z } from 'zod';
import { biometricsSchema, originSystemSchema, recordIdSchema } from './record';

/** Live or stored biometric templates used as a probe (same shape as a record's biometrics). */
export const probeSchema = biometricsSchema.refine(
  (probe) => probe.face !== undefined || probe.fingerprints.length > 0,
  { message: 'a face or at least one fingerprint template is required', path: ['face'] },
);

export const identifyBodySchema = z.strictObject({
  templates: probeSchema,
  topK: z.number().int().min(1).max(100).default(10),
  /** Minimum fused score; defaults to the calibrated identification threshold. */
  threshold: z.number().min(-1000).max(1000).optional(),
  systems: z.array(originSystemSchema).min(1).max(6).optional(),
  /** Why the search is made (logged, Art 16). */
  purpose: z.string().trim().min(3).max(200).optional(),
});

export const verifyBodySchema = z.strictObject({
  templates: probeSchema,
  system: originSystemSchema,
  recordId: recordIdSchema,
  purpose: z.string().trim().min(3).max(200).optional(),
});

export type IdentifyBody = z.infer<typeof identifyBodySchema>;
export type VerifyBody = z.infer<typeof verifyBodySchema>;
