import type { Counter, MetricName } from './counters';

/** Where events are counted (DynamoDB in AWS: one atomic ADD per counter item). */
export interface StatisticsPort {
  record(counters: readonly Counter[]): Promise<void>;
}

export interface StoredCounter {
  metric: MetricName;
  day: string;
  memberState: string;
  dimensions: Record<string, string>;
  count: number;
}

export interface StatisticsReader {
  /** Counters of the days from..to (inclusive), optionally of one Member State and some metrics (default all). */
  query(filter: {
    from: string;
    to: string;
    memberState?: string;
    metrics?: readonly MetricName[];
  }): Promise<StoredCounter[]>;
}
