import * as z from 'zod';
import {
  countryCodeSchema,
  fingerprintSchema,
  partialDateSchema,
  templateSchema,
} from '../../shared/schemas/record';
import { InvalidQueryError, QueryFieldNotAllowedError } from './errors';

/**
 * An ESP query: identity data (matched fuzzily), a travel document, biometrics, or any
 * combination. A record is a hit when it matches any part; the hit says which parts matched.
 */
const name = z.string().trim().min(1).max(200);

export const queryIdentitySchema = z.strictObject({
  surnames: z.array(name).min(1).max(10),
  firstNames: z.array(name).max(10).optional(),
  dateOfBirth: partialDateSchema.optional(),
  sex: z.enum(['M', 'F', 'X']).optional(),
  nationalities: z.array(countryCodeSchema).min(1).max(10).optional(),
  placeOfBirth: name.optional(),
});

export const queryTravelDocumentSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9 <-]+$/),
  issuingCountry: countryCodeSchema.optional(),
  type: z.enum(['P', 'ID', 'V', 'RP', 'OTHER']).optional(),
});

export const queryBiometricsSchema = z
  .strictObject({
    face: templateSchema.optional(),
    fingerprints: z.array(fingerprintSchema).min(1).max(10).optional(),
  })
  .refine((value) => value.face !== undefined || value.fingerprints !== undefined, {
    message: 'biometrics need a face or at least one fingerprint',
  });

export const espQuerySchema = z
  .strictObject({
    identity: queryIdentitySchema.optional(),
    travelDocument: queryTravelDocumentSchema.optional(),
    biometrics: queryBiometricsSchema.optional(),
  })
  .refine((q) => q.identity !== undefined || q.travelDocument !== undefined || q.biometrics !== undefined, {
    message: 'a query needs identity data, a travel document or biometrics',
  });

export type EspQuery = z.output<typeof espQuerySchema>;
export type QueryIdentity = z.output<typeof queryIdentitySchema>;
export type QueryTravelDocument = z.output<typeof queryTravelDocumentSchema>;
export type QueryBiometrics = z.output<typeof queryBiometricsSchema>;
export type QueryPart = 'identity' | 'travelDocument' | 'biometrics';
export type QueryType = QueryPart | 'combined';

/** Every query field a profile can allow, as `<part>.<field>`. */
export const QUERY_FIELDS = [
  ...Object.keys(queryIdentitySchema.shape).map((field) => `identity.${field}`),
  ...Object.keys(queryTravelDocumentSchema.shape).map((field) => `travelDocument.${field}`),
  'biometrics.face',
  'biometrics.fingerprints',
] as const;

export function parseEspQuery(raw: unknown): EspQuery {
  const parsed = espQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InvalidQueryError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(query)'}: ${issue.message}`),
  );
}

export function queryParts(query: EspQuery): QueryPart[] {
  return (['identity', 'travelDocument', 'biometrics'] as const).filter((part) => query[part] !== undefined);
}

export function queryType(query: EspQuery): QueryType {
  const parts = queryParts(query);
  return parts.length === 1 ? parts[0]! : 'combined';
}

/** The field paths a query uses (names only, never values: safe for logs). */
export function queryFieldsUsed(query: EspQuery): string[] {
  return queryParts(query).flatMap((part) =>
    Object.entries(query[part] ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([field]) => `${part}.${field}`),
  );
}

export function assertQueryAllowed(query: EspQuery, allowed: ReadonlySet<string>, profileId: string): void {
  const forbidden = queryFieldsUsed(query).find((field) => !allowed.has(field));
  if (forbidden !== undefined) throw new QueryFieldNotAllowedError(forbidden, profileId);
}
