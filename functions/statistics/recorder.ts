import type { AuditEntryInput } from '../audit/domain/entry';
import type { LinkRepository, LinkWrite } from '../mid/domain/link-repository';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/powertools';
import type { Counter } from './domain/counters';
import { countersFromAuditEntry, countersFromLinkWrites } from './domain/events';
import type { StatisticsPort } from './domain/ports';
import { DynamoStatisticsStore } from './store';

/**
 * Where the platform's events become counters. Statistics never fail or block the operation they
 * count: a failed increment is logged (metric names only) and dropped. Counting is at most once per
 * event: a crash between an operation and its increment loses that count (docs/statistics.md).
 */
export interface EventRecorder {
  auditEntry(entry: AuditEntryInput): Promise<void>;
  linkWrites(writes: readonly LinkWrite[]): Promise<void>;
}

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
    linkWrites: (writes) => record(countersFromLinkWrites(writes)),
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

/** A link store that counts what it wrote (after the atomic write succeeded). */
export function countingLinkWrites<T extends LinkRepository>(
  links: T,
  recorder: () => EventRecorder = eventRecorderFromEnv,
): T {
  const write = links.write.bind(links);
  return Object.assign(links, {
    async write(writes: readonly LinkWrite[]) {
      await write(writes);
      await recorder().linkWrites(writes);
    },
  });
}
