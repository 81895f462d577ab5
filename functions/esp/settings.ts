import type { PlatformConfig } from '../shared/config';
import type { ESP_SOURCES } from '../shared/systems';
import type { FaultInjection } from './domain/fault-injection';
import type { TimeBudgets } from './domain/search-portal';

export interface EspSettings {
  budgets: TimeBudgets;
  faults: Partial<Record<(typeof ESP_SOURCES)[number], FaultInjection>>;
}

/**
 * The ESP's operational settings from the typed configuration (validated by the loader at cold
 * start): time budgets (a default and per-system overrides) and, for local demos and tests only,
 * injected faults per source (`ESP_FAULTS='{"EUROPOL":{"latencyMs":3000}}'`; the CDK app never sets it).
 */
export function espSettings(config: PlatformConfig): EspSettings {
  return {
    budgets: { defaultMs: config.ESP_BUDGET_MS, perSystemMs: config.ESP_SYSTEM_BUDGETS_MS },
    faults: config.ESP_FAULTS,
  };
}
