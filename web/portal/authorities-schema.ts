import * as z from 'zod';
import { MEMBER_STATES } from '../../functions/statistics/domain/authorities';

const STATES = MEMBER_STATES.filter((state) => state !== 'EU');
/** The Schengen associated countries that take part (the rest of STATES are EU Member States). */
const ASSOCIATED = ['CH', 'IS', 'LI', 'NO'];

const httpsUrl = z.url().refine((url) => url.startsWith('https://'), 'an https:// address');

const authoritySchema = z.strictObject({
  country: z.enum(STATES as [string, ...string[]]),
  group: z.enum(['eu', 'associated']),
  /** The official name, in the language given by `nameLanguage` (BCP 47). */
  name: z.string().min(3),
  nameLanguage: z.string().regex(/^[a-z]{2}$/),
  nameEn: z.string().min(3),
  website: httpsUrl,
  // Only when confirmed by the Member State: never guessed.
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+\d[\d ]{6,18}$/)
    .optional(),
  postalAddress: z.string().min(10).optional(),
});

/**
 * `web/portal/authorities.json`: one authority per EU Member State and Schengen associated country,
 * labelled with its source and date. Checked by `web/build.ts` and the portal's unit test.
 */
export const authorityDirectorySchema = z
  .strictObject({
    source: z.string().min(10),
    sourceUrl: httpsUrl,
    compiledOn: z.iso.date(),
    provenance: z.string().min(20),
    scope: z.string().min(20),
    authorities: z.array(authoritySchema),
  })
  .superRefine((directory, context) => {
    const countries = directory.authorities.map((authority) => authority.country);
    for (const state of STATES) {
      const count = countries.filter((country) => country === state).length;
      if (count !== 1) {
        context.addIssue({
          code: 'custom',
          path: ['authorities'],
          message: `${state} appears ${count} times`,
        });
      }
    }
    directory.authorities.forEach((authority, index) => {
      const expected = ASSOCIATED.includes(authority.country) ? 'associated' : 'eu';
      if (authority.group !== expected) {
        context.addIssue({
          code: 'custom',
          path: ['authorities', index, 'group'],
          message: `should be ${expected}`,
        });
      }
    });
  });

export type AuthorityDirectory = z.infer<typeof authorityDirectorySchema>;
export type Authority = AuthorityDirectory['authorities'][number];
