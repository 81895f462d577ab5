import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { LinkRepository } from '../mid/domain/link-repository';
import { DynamoLinkRepository } from '../mid/link-store';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { logger, metrics } from '../shared/powertools';
import { OLDEST_YELLOW_METRIC, verifyingAuthorities } from './domain/authorities';

export interface QueueAge {
  authority: string;
  ageSeconds: number;
}

/**
 * The age of the oldest yellow link of each verifier queue: one Query (Limit 1, oldest first) on the
 * yellow-queue index per authority of the closed list; authorities with an empty queue are omitted.
 */
export async function oldestYellowPerAuthority(
  links: LinkRepository,
  now: Date,
  authorities: readonly string[] = verifyingAuthorities(),
  concurrency = 8,
): Promise<QueueAge[]> {
  const ages: QueueAge[] = [];
  for (let i = 0; i < authorities.length; i += concurrency) {
    const slice = authorities.slice(i, i + concurrency);
    const pages = await Promise.all(
      slice.map((authority) => links.listYellowByAuthority(authority, { limit: 1 })),
    );
    pages.forEach((page, j) => {
      const since = page.links[0]?.yellowSince;
      if (since) {
        ages.push({
          authority: slice[j]!,
          ageSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000)),
        });
      }
    });
  }
  return ages;
}

/**
 * Scheduled every 5 minutes: publishes `oldestYellowLinkAgeSeconds` per authority (dimension
 * `authority`, for the dashboard and per-authority alarms) and its maximum over all authorities
 * (no dimension, for the platform-wide alarm).
 */
export async function publishYellowAges(links: LinkRepository, now = new Date()): Promise<QueueAge[]> {
  const ages = await oldestYellowPerAuthority(links, now);
  for (const { authority, ageSeconds } of ages) {
    const single = metrics.singleMetric();
    single.addDimension('authority', authority);
    single.addMetric(OLDEST_YELLOW_METRIC, MetricUnit.Seconds, ageSeconds);
  }
  metrics.addMetric(
    OLDEST_YELLOW_METRIC,
    MetricUnit.Seconds,
    Math.max(0, ...ages.map((age) => age.ageSeconds)),
  );
  metrics.publishStoredMetrics();
  logger.info('yellow queue ages published', { queues: ages.length });
  return ages;
}

let links: DynamoLinkRepository | undefined;
export const handler = middy(async () => {
  links ??= new DynamoLinkRepository(dynamo, loadConfig().LINKS_TABLE);
  const ages = await publishYellowAges(links);
  return { queues: ages.length };
}).use(injectLambdaContext(logger, { resetKeys: true }));
