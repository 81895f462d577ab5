import * as z from 'zod';

const day = z.iso.date();

/** `GET /v1/statistics` (and `.csv`): a day range (default: the last 30 days) and one Member State. */
export const statisticsQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    memberState: z
      .string()
      .regex(/^(?:[A-Z]{2}|EU)$/)
      .optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/** `GET /v1/statistics/mid-accuracy`: the links created in a day range (default: the last 30 days). */
export const midAccuracyQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    memberState: z
      .string()
      .regex(/^(?:[A-Z]{2}|EU)$/)
      .optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type MidAccuracyQuery = z.infer<typeof midAccuracyQuerySchema>;
