import * as z from 'zod';

export const linkIdSchema = z.string().regex(/^lnk-[0-9a-f]{32}$/, 'a link id as returned by this API');

export const linkListQuerySchema = z.strictObject({
  colour: z.enum(['yellow']).default('yellow'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const linkPathSchema = z.object({ linkId: linkIdSchema });

export const verificationBodySchema = z.strictObject({
  colour: z.enum(['white', 'green', 'red']),
  justification: z.string().trim().min(1).max(2000),
  expectedVersion: z.number().int().min(1),
});

export type LinkListQuery = z.infer<typeof linkListQuerySchema>;
export type VerificationBody = z.infer<typeof verificationBodySchema>;
