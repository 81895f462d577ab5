import type { EspSource } from '../../shared/systems';
import type { QueryBiometrics } from './query';
import type { SearchableRecord } from './source-records';

/**
 * Port to the tables behind the reference sources (one table per system). Every read is a key
 * lookup: records are indexed under `recordKeys(record)` (blocking-keys.ts) and by `recordId`.
 */
export interface SourceDataStore {
  findByKeys(system: EspSource, keys: readonly string[]): Promise<SearchableRecord[]>;
  getByIds(system: EspSource, recordIds: readonly string[]): Promise<SearchableRecord[]>;
}

export interface BiometricCandidate {
  recordId: string;
  score: number;
}

/** Port to 1:N biometric identification restricted to one system's templates (the sBMS in production). */
export type BiometricSearch = (
  system: EspSource,
  biometrics: QueryBiometrics,
  signal: AbortSignal,
) => Promise<BiometricCandidate[]>;
