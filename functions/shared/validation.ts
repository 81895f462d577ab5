import type { z } from 'zod';
import { ValidationFailed } from './errors';

/** Parses with a zod schema; failures become a 400 naming each field (e.g. `body.identity.surnames.0`). */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.slice(0, 20).map((issue) => ({
      field: [prefix, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}
