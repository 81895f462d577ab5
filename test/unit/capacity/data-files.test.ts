import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  DEFAULT_PRICES,
  limitsSchema,
  pricesSchema,
  readJson,
} from '../../../capacity/data-files';

/** Paths of the numeric values of a data file (`lambda.memoryMaxMB`), outside its verification records. */
function numericPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number') return [prefix];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'verification' ? [] : numericPaths(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const AWS_PAGE = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|docs\.amazonaws\.cn)\//;

describe.each([
  ['limits', DEFAULT_LIMITS, () => readJson(limitsSchema, DEFAULT_LIMITS).verification],
  ['prices', DEFAULT_PRICES, () => readJson(pricesSchema, DEFAULT_PRICES).verification],
] as const)('the %s file', (_, path, verificationOf) => {
  const verification = verificationOf();
  const raw = JSON.parse(readFileSync(path, 'utf8'));

  it('says for every value whether a page states it, and names no value it lacks', () => {
    expect(Object.keys(verification).sort()).toEqual(numericPaths(raw).sort());
  });

  it('calls a value verified only on an AWS page', () => {
    for (const [key, record] of Object.entries(verification)) {
      if (record.status === 'verified') expect(record.source, key).toMatch(AWS_PAGE);
    }
  });
});
