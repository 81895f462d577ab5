import { z } from 'zod';
import type { PlatformConfig } from '../shared/config';
import { ESP_SOURCES } from '../shared/systems';
import { EspConfigurationError } from './domain/errors';
import type { FaultInjection } from './domain/fault-injection';
import type { TimeBudgets } from './domain/search-portal';

const source = z.enum(ESP_SOURCES);
const budgetsSchema = z.partialRecord(source, z.number().int().min(1).max(30_000));
const faultsSchema = z.partialRecord(
  source,
  z.strictObject({
    latencyMs: z.number().min(0).max(600_000).optional(),
    jitterMs: z.number().min(0).max(600_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    hang: z.boolean().optional(),
  }),
);

export interface EspSettings {
  budgets: TimeBudgets;
  faults: Partial<Record<(typeof ESP_SOURCES)[number], FaultInjection>>;
}

function parseJson<T>(variable: string, raw: string | undefined, schema: z.ZodType<T>, empty: T): T {
  if (raw === undefined) return empty;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new EspConfigurationError(`${variable} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new EspConfigurationError(`${variable}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * The ESP's operational settings from the typed configuration, checked at cold start: time
 * budgets (a default and per-system overrides) and, for local demos and tests only, injected
 * faults per source (`ESP_FAULTS='{"EUROPOL":{"latencyMs":3000}}'`; the CDK app never sets it).
 */
export function espSettings(config: PlatformConfig): EspSettings {
  return {
    budgets: {
      defaultMs: config.ESP_BUDGET_MS,
      perSystemMs: parseJson('ESP_SYSTEM_BUDGETS_MS', config.ESP_SYSTEM_BUDGETS_MS, budgetsSchema, {}),
    },
    faults: parseJson('ESP_FAULTS', config.ESP_FAULTS, faultsSchema, {}),
  };
}
