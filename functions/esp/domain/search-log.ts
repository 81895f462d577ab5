import type { EspSource } from '../../shared/systems';
import type { SourceStatus } from './fan-out';
import type { QueryType } from './query';

/**
 * What Art 10 requires to be logged for an ESP search: who, with which profile and purpose, when,
 * which systems, the kind of data used and the result counts. Field names only, never values:
 * the log holds no personal data of the person searched for.
 */
export interface EspSearchLog {
  event: 'esp.search';
  at: string;
  userId: string;
  authority?: string;
  profileId: string;
  profilesVersion: string;
  purpose: string;
  queryType: QueryType;
  queryFields: readonly string[];
  systems: readonly { source: EspSource; status: SourceStatus; resultCount: number; elapsedMs: number }[];
  elapsedMs: number;
}
