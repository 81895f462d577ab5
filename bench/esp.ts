// `npm run bench -- esp --systems 9 --latency-ms 100 --jitter-ms 50 --requests 500`: ESP fan-out over
// reference sources with injected latency. Run 1: every source answers; run 2: one source never answers.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FaultInjection } from '../functions/esp/domain/fault-injection';
import { normalisingExactMatcher } from '../functions/esp/domain/identity-matcher';
import { InMemorySourceStore } from '../functions/esp/domain/in-memory-source-store';
import { QUERY_FIELDS } from '../functions/esp/domain/query';
import { ReferenceSource } from '../functions/esp/domain/reference-source';
import { createSearchPortal } from '../functions/esp/domain/search-portal';
import type { SearchSource } from '../functions/esp/domain/search-source';
import { RETURNABLE_FIELDS } from '../functions/esp/domain/source-records';
import { loadProfiles } from '../functions/esp/profiles/load-profiles';
import type { EspSource } from '../functions/shared/systems';
import { numberArg, type Options, progress } from '../local/cli';
import { benchPerson, benchRecord, benchSystems } from './esp-data';
import { cdf, PLOT_OPTION, writePlot } from './plot';

/** Per request, the time each source took as the source itself measured it. */
const sourceTimes = new AsyncLocalStorage<number[]>();

function timed(source: SearchSource): SearchSource {
  return {
    name: source.name,
    revealsQueryToRecordOwner: source.revealsQueryToRecordOwner,
    async search(query, signal) {
      const started = performance.now();
      try {
        return await source.search(query, signal);
      } finally {
        sourceTimes.getStore()?.push(performance.now() - started);
      }
    },
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

interface RunResult {
  totals: number[];
  slowestSource: number[];
  timedOut: number;
}

async function measure(
  systems: readonly EspSource[],
  store: InMemorySourceStore,
  faults: Partial<Record<EspSource, FaultInjection>>,
  options: { requests: number; concurrency: number; timeoutMs: number; people: number },
): Promise<RunResult> {
  const profiles = loadProfiles({
    version: 'bench',
    profiles: [
      {
        id: 'bench',
        userCategory: 'bench',
        description: 'every benchmarked system, every field',
        legalBasis: 'none: benchmark',
        purposes: ['benchmark'],
        reply: 'records',
        queryFields: [...QUERY_FIELDS],
        systems: Object.fromEntries(systems.map((s) => [s, { fields: [...RETURNABLE_FIELDS[s]] }])),
      },
    ],
  });
  const sources = systems.map((system) =>
    timed(
      new ReferenceSource({
        system,
        store,
        identityMatcher: normalisingExactMatcher,
        faults: faults[system] ?? {},
      }),
    ),
  );
  const portal = createSearchPortal({ profiles, sources, budgets: { defaultMs: options.timeoutMs } });
  const result: RunResult = { totals: [], slowestSource: [], timedOut: 0 };
  let next = 0;
  const worker = async () => {
    while (next < options.requests) {
      const person = benchPerson(next++ % options.people);
      const times: number[] = [];
      const started = performance.now();
      const { reply } = await sourceTimes.run(times, () =>
        portal.search({
          requester: { userId: 'bench' },
          profileId: 'bench',
          purpose: 'benchmark',
          query: {
            identity: { surnames: person.identity.surnames, dateOfBirth: person.identity.dateOfBirth },
            travelDocument: { number: person.document.number },
          },
        }),
      );
      result.totals.push(performance.now() - started);
      result.slowestSource.push(Math.max(...times));
      result.timedOut += reply.results.filter((r) => r.status === 'timed_out').length;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}

export const summary =
  'ESP fan-out over reference sources with injected latency: every source answering, then one never answering.';

export const options: Options = {
  systems: { type: 'string', value: 'N', description: 'sources queried per search', default: '9' },
  'latency-ms': { type: 'string', value: 'MS', description: 'injected latency per source', default: '100' },
  'jitter-ms': { type: 'string', value: 'MS', description: 'injected jitter per source', default: '50' },
  requests: { type: 'string', value: 'N', description: 'searches per run', default: '500' },
  concurrency: { type: 'string', value: 'N', description: 'searches at once', default: '10' },
  records: { type: 'string', value: 'N', description: 'synthetic persons in the sources', default: '2000' },
  'timeout-ms': {
    type: 'string',
    value: 'MS',
    description: 'per-source budget',
    default: '2 x (latency + jitter)',
  },
  plot: PLOT_OPTION,
};

export async function run(args: Record<string, string>): Promise<object> {
  const systems = benchSystems(numberArg(args, 'systems', 9));
  const latencyMs = numberArg(args, 'latency-ms', 100);
  const jitterMs = numberArg(args, 'jitter-ms', 50);
  const requests = numberArg(args, 'requests', 500);
  const concurrency = numberArg(args, 'concurrency', 10);
  const people = numberArg(args, 'records', 2_000);
  const timeoutMs = numberArg(args, 'timeout-ms', 2 * (latencyMs + jitterMs));
  const options = { requests, concurrency, timeoutMs, people };

  const store = new InMemorySourceStore();
  for (const system of systems) for (let i = 0; i < people; i++) store.add(system, benchRecord(system, i));
  const latency: FaultInjection = { latencyMs, jitterMs };
  const allAnswer = Object.fromEntries(systems.map((s) => [s, latency]));

  progress(`esp: warm-up`);
  await measure(systems, store, allAnswer, { ...options, requests: 2 * concurrency });
  progress(
    `esp: ${requests} requests, ${systems.length} systems, ${latencyMs}+${jitterMs} ms, concurrency ${concurrency}`,
  );
  const normal = await measure(systems, store, allAnswer, options);
  const hangingSource = systems.at(-1)!;
  progress(`esp: again with ${hangingSource} never answering (budget ${timeoutMs} ms)`);
  const hanging = await measure(systems, store, { ...allAnswer, [hangingSource]: { hang: true } }, options);

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  writePlot(args, {
    title: `ESP search: slowest source against the whole search (${systems.length} sources, ${latencyMs}+${jitterMs} ms)`,
    xLabel: 'time (ms)',
    yLabel: 'share of searches at or below',
    series: [
      { name: 'slowest source', points: cdf(sorted(normal.slowestSource)) },
      { name: 'whole search', points: cdf(sorted(normal.totals)) },
      { name: `whole search, ${hangingSource} hangs`, points: cdf(sorted(hanging.totals)) },
    ],
    xMarks: [{ x: timeoutMs, label: `budget ${timeoutMs} ms` }],
  });
  const p95Ms = percentile(normal.totals, 95);
  const slowestSourceP95Ms = percentile(normal.slowestSource, 95);
  return {
    p50Ms: round(percentile(normal.totals, 50)),
    p95Ms: round(p95Ms),
    slowestSourceP95Ms: round(slowestSourceP95Ms),
    overheadRatio: Math.round((p95Ms / slowestSourceP95Ms) * 1000) / 1000,
    withHangingSourceP95Ms: round(percentile(hanging.totals, 95)),
    timeoutMs,
    systems: systems.length,
    requests,
    concurrency,
    hangingSource,
    timedOutReplies: hanging.timedOut,
    timeoutsWithoutHang: normal.timedOut,
  };
}
