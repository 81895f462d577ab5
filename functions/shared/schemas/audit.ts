import * as z from 'zod';

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

/** Longest hold: a monitoring procedure that runs longer gets its hold renewed. */
export const MAX_HOLD_YEARS = 3;

/**
 * `POST /v1/audit/holds`: keep the log entries of the days `from`..`to` beyond their year (Arts 10,
 * 16, 24, 36: "unless required for monitoring procedures already under way") until `until`.
 */
export const auditHoldBodySchema = z
  .strictObject({
    from: day,
    to: day,
    until: day,
    reason: z.string().trim().min(10).max(1000),
  })
  .refine((hold) => hold.from <= hold.to, { message: 'from must not be after to', path: ['from'] })
  .refine((hold) => hold.to <= new Date().toISOString().slice(0, 10), {
    message: 'the held days must have begun',
    path: ['to'],
  })
  .refine((hold) => hold.until > new Date().toISOString().slice(0, 10), {
    message: 'a hold ends after today',
    path: ['until'],
  })
  .refine((hold) => Date.parse(hold.until) <= Date.now() + MAX_HOLD_YEARS * 366 * 86_400_000, {
    message: `a hold lasts at most ${MAX_HOLD_YEARS} years (renew it)`,
    path: ['until'],
  })
  .refine((hold) => Date.parse(hold.to) - Date.parse(hold.from) <= 366 * 86_400_000, {
    message: 'a hold covers at most a year of days',
    path: ['from'],
  });

export type AuditHoldBody = z.infer<typeof auditHoldBodySchema>;
