import type { RouteDefinition } from '../../functions/routes';
import { TABLES } from '../../lib/resources';
import { eventually, type PlatformContext } from './platform-context';
import { midQueueDrained, tableDigest } from './table-snapshot';

/**
 * A valid value of every path parameter of the route table, naming nothing that exists, so that a
 * fuzzed request passes the path's validation and reaches the part under test.
 */
export const PATH_DEFAULTS: Record<string, string> = {
  system: 'EES',
  recordId: 'fuzz-target',
  linkId: `lnk-${'0'.repeat(32)}`,
  consultationId: '00000000-0000-4000-8000-000000000000',
  requestId: '00000000-0000-4000-8000-000000000000',
  reference: `DSR-${'0'.repeat(16)}`,
  notificationId: `ntf-${'0'.repeat(32)}`,
};

/** The route's path with its default parameters (`overrides` replace some of them), not encoded. */
export function concretePath(route: RouteDefinition, overrides: Record<string, string> = {}): string {
  return route.path.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => overrides[name] ?? PATH_DEFAULTS[name] ?? `fuzz-${name}`,
  );
}

/** The names of a route's path parameters, in order. */
export function pathParameters(route: RouteDefinition): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

export async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/**
 * Digests of every data table once the MID queue is empty. The access log and the statistics
 * counters record every request, refused ones included; the data tables must not change.
 */
export async function dataDigests(context: PlatformContext) {
  await eventually(
    async () => ((await midQueueDrained(context)) ? true : undefined),
    60_000,
    'an empty MID queue',
  );
  const tables = TABLES.filter((table) => table.name !== 'Audit' && table.name !== 'Statistics');
  return Object.fromEntries(
    await Promise.all(
      tables.map(async (table) => [table.name, await tableDigest(context, table.envVar)] as const),
    ),
  );
}
