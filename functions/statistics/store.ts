import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../shared/query-all';
import {
  type Counter,
  dimensionKey,
  isAnonymousCounter,
  METRIC_NAMES,
  type MetricName,
} from './domain/counters';
import type { StatisticsPort, StatisticsReader, StoredCounter } from './domain/ports';

/**
 * Counters over DynamoDB (STATISTICS_TABLE in lib/resources.ts): one item per metric, day, Member
 * State and dimensions, incremented with an atomic ADD; read with one Query per metric over a day range.
 */
export class DynamoStatisticsStore implements StatisticsPort, StatisticsReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(counters: readonly Counter[]): Promise<void> {
    const merged = new Map<string, Counter>();
    for (const counter of counters.filter(isAnonymousCounter)) {
      const key = `${counter.metric}|${sortKey(counter)}`;
      const existing = merged.get(key);
      if (existing) existing.increment += counter.increment;
      else merged.set(key, { ...counter, dimensions: { ...counter.dimensions } });
    }
    await Promise.all(
      [...merged.values()].map((counter) =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: `STAT#${counter.metric}`, sk: sortKey(counter) },
            UpdateExpression: 'ADD #count :n SET #metric = :metric, #day = :day, #ms = :ms, #dims = :dims',
            ExpressionAttributeNames: {
              '#count': 'count',
              '#metric': 'metric',
              '#day': 'day',
              '#ms': 'memberState',
              '#dims': 'dimensions',
            },
            ExpressionAttributeValues: {
              ':n': counter.increment,
              ':metric': counter.metric,
              ':day': counter.day,
              ':ms': counter.memberState,
              ':dims': counter.dimensions,
            },
          }),
        ),
      ),
    );
  }

  async query(filter: {
    from: string;
    to: string;
    memberState?: string;
    metrics?: readonly MetricName[];
  }): Promise<StoredCounter[]> {
    const metrics = filter.metrics ?? METRIC_NAMES;
    const perMetric = await Promise.all(metrics.map((metric) => this.queryMetric(metric, filter)));
    return perMetric.flat();
  }

  private async queryMetric(
    metric: MetricName,
    filter: { from: string; to: string; memberState?: string },
  ): Promise<StoredCounter[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `STAT#${metric}`,
        ':from': `${filter.from}#`,
        ':to': `${filter.to}#~`,
      },
    });
    const found: StoredCounter[] = [];
    for (const item of items) {
      if (filter.memberState && item.memberState !== filter.memberState) continue;
      found.push({
        metric,
        day: item.day as string,
        memberState: item.memberState as string,
        dimensions: item.dimensions as Record<string, string>,
        count: Number(item.count),
      });
    }
    return found;
  }
}

const sortKey = (counter: Counter) =>
  `${counter.day}#${counter.memberState}#${dimensionKey(counter.metric, counter.dimensions)}`;
