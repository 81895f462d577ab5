import * as z from 'zod';
import { espQuerySchema } from '../../esp/domain/query';

export const espSearchBodySchema = z.strictObject({
  query: espQuerySchema,
  /** The purpose of the search, one of those the caller's profile allows (Art 10 log). */
  purpose: z.string().trim().min(1).max(100),
});

export type EspSearchBody = z.infer<typeof espSearchBodySchema>;
