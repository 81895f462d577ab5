import * as z from 'zod';
import { originSystemSchema } from './record';

/** `GET /v1/data-quality` (and `.csv`): one month (default: the current one), one system, one Member State. */
export const dataQualityQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
      .optional(),
    system: originSystemSchema.optional(),
    /** ISO 3166 alpha-2, `EU`, or `none` (files whose origin system named no Member State). */
    memberState: z
      .string()
      .regex(/^(?:[A-Z]{2}|EU|none)$/, 'ISO 3166 alpha-2, EU or none')
      .optional(),
  })
  .strict();

export type DataQualityQuery = z.infer<typeof dataQualityQuerySchema>;
