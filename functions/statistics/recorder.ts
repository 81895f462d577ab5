import type { AuditEntryInput } from '../audit/domain/entry';
import type { LinkRepository, LinkWrite } from '../mid/domain/link-repository';
import type { RecordRef } from '../mid/domain/types';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import { accuracyCounters, accuracyEvents, refKey } from './domain/accuracy-events';
import { type Counter, isAnonymousCounter } from './domain/counters';
import { countersFromAuditEntry, countersFromLinkWrites } from './domain/events';
import { type NamingRegion, namingRegion } from './domain/naming-regions';
import type { StatisticsPort } from './domain/ports';
import { DynamoStatisticsStore } from './store';

/**
 * Where the platform's events become counters. Statistics never fail or block the operation they
 * count: a failed increment is logged (metric names only) and dropped. Counting is at most once per
 * event: a crash between an operation and its increment loses that count (docs/statistics.md).
 */
export interface EventRecorder {
  auditEntry(entry: AuditEntryInput): Promise<void>;
  /** `regionOf` gives the naming region of a linked file (its nationality, read when counted). */
  linkWrites(writes: readonly LinkWrite[], regionOf?: RegionLookup): Promise<void>;
  /** One completed MID check of a file (counted once per check, by the naming region of the file). */
  midCheck(check: { at: string; memberState?: string; nationalities?: readonly string[] }): Promise<void>;
}

/** The naming region of a file, from its nationality as the CIR holds it now. */
export type RegionLookup = (ref: RecordRef) => Promise<NamingRegion>;

export function eventRecorder(port: StatisticsPort | undefined): EventRecorder {
  const record = async (counters: Counter[]) => {
    if (!port || counters.length === 0) return;
    try {
      await port.record(counters);
    } catch (error) {
      logger.warn('statistics not recorded', {
        metrics: [...new Set(counters.map((counter) => counter.metric))].join(','),
        error: (error as Error).name,
      });
    }
  };
  return {
    auditEntry: (entry) => record(countersFromAuditEntry(entry)),
    async linkWrites(writes, regionOf) {
      const events = accuracyEvents(writes);
      const regions = new Map<string, NamingRegion>();
      if (regionOf) {
        try {
          for (const ref of new Map(events.map((e) => [refKey(e.regionOf), e.regionOf])).values())
            regions.set(refKey(ref), await regionOf(ref));
        } catch (error) {
          logger.warn('naming regions not read; counted as unknown', { error: (error as Error).name });
        }
      }
      await record([...countersFromLinkWrites(writes), ...accuracyCounters(events, regions)]);
    },
    midCheck: ({ at, memberState, nationalities }) =>
      record(
        [
          {
            metric: 'midChecks' as const,
            day: at.slice(0, 10),
            memberState: memberState ?? 'EU',
            dimensions: { region: namingRegion(nationalities) },
            increment: 1,
          },
        ].filter(isAnonymousCounter),
      ),
  };
}

let fromEnv: EventRecorder | undefined;
/** The recorder over STATISTICS_TABLE; counts nothing where the table is not configured. */
export function eventRecorderFromEnv(): EventRecorder {
  if (!fromEnv) {
    const table = loadConfig().STATISTICS_TABLE;
    fromEnv = eventRecorder(table ? new DynamoStatisticsStore(dynamo, table) : undefined);
  }
  return fromEnv;
}

/**
 * A link store that counts what it wrote (after the atomic write succeeded). A new object: a check
 * wraps the store with a lookup that knows the checked file, the verification API with a CIR read.
 */
export function countingLinkWrites(
  links: LinkRepository,
  regionOf?: RegionLookup,
  recorder: () => EventRecorder = eventRecorderFromEnv,
): LinkRepository {
  return {
    idFor: (a, b) => links.idFor(a, b),
    get: (linkId) => links.get(linkId),
    listByRecord: (ref) => links.listByRecord(ref),
    listYellowByAuthority: (authority, page) => links.listYellowByAuthority(authority, page),
    async write(writes: readonly LinkWrite[]) {
      await links.write(writes);
      await recorder().linkWrites(writes, regionOf);
    },
  };
}
