import { z } from 'zod';

const day = z.iso.date();

export const auditQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    userId: z.string().min(1).max(128).optional(),
    authority: z.string().min(1).max(128).optional(),
    action: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(2048).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface DayRange {
  from: string;
  to: string;
}

export const DEFAULT_VERIFICATION_DAYS = 7;
export const MAX_VERIFICATION_DAYS = 31;

/** `to` defaults to today, `from` to six days before `to`. */
export const auditVerificationQuerySchema = z
  .object({ from: day.optional(), to: day.optional() })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type AuditVerificationQuery = z.infer<typeof auditVerificationQuerySchema>;
