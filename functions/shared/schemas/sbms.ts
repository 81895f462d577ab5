import * as z from 'zod';
import profilesJson from '../../esp/profiles/profiles.json';
import { biometricsSchema, originSystemSchema, recordIdSchema } from './record';

/**
 * Why a biometric search is made (logged, Art 16): the purposes of the ESP profiles, the closed list
 * of reasons an officer searches for. A closed list, so that no free text (a name) reaches the log.
 */
export const SBMS_PURPOSES = [...new Set(profilesJson.profiles.flatMap((profile) => profile.purposes))] as [
  string,
  ...string[],
];
const purposeSchema = z.enum(
  SBMS_PURPOSES,
  'one of the purposes of the ESP profiles (functions/esp/profiles/profiles.json)',
);

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
  purpose: purposeSchema.optional(),
});

export const verifyBodySchema = z.strictObject({
  templates: probeSchema,
  system: originSystemSchema,
  recordId: recordIdSchema,
  purpose: purposeSchema.optional(),
});

export type IdentifyBody = z.infer<typeof identifyBodySchema>;
export type VerifyBody = z.infer<typeof verifyBodySchema>;
