import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../local/cli';
import { CAPACITY_DIR, readLatestPath } from './measured-file';
import { type CapacityResult, capacityModel } from './model';
import { modelInputsFromArgs } from './model-cli';
import { simulatePeakDay } from './peak-day';
import { lineChart } from './svg';
import { VALIDATION_DIR } from './validate';

export const REPORT_DIR = join(CAPACITY_DIR, '..', 'docs', 'capacity');
const SWEEP = [1e6, 3e6, 1e7, 3e7, 1e8, 2e8, 4e8, 1e9, 2e9];

/**
 * `npm run capacity -- report [--searches-per-second 50] [--consumers N]`: the 400-million run, a sweep
 * over gallery sizes, the peak-day simulation and the latest validation, written to docs/capacity/
 * (JSON, SVG charts and tables.md) from the latest measured file.
 */
export async function report(args: Record<string, string>) {
  mkdirSync(REPORT_DIR, { recursive: true });
  const defaults = { templates: '400e6', identities: '400e6', 'searches-per-second': '50' };
  const inputs = modelInputsFromArgs({ ...defaults, ...args });
  const { measured, limits, prices, arrivals, measuredPath } = inputs;
  const hourly = arrivals.recordsPerHour;
  const base = { 'records-per-day': String(hourly.reduce((s, v) => s + v, 0)), ...defaults, ...args };
  const model = (over: Record<string, string>) =>
    capacityModel({ ...inputs, workload: inputs.workload({ ...base, ...over }) });

  progress('report: the 400-million run');
  const main = model({});
  const command = `npm run capacity -- --templates ${base.templates} --identities ${base.identities} --searches-per-second ${base['searches-per-second']} --records-per-day ${base['records-per-day']}`;
  write('model-400m.json', { command, result: main });

  progress(`report: sweep over ${SWEEP.length} gallery sizes`);
  const sweep = SWEEP.map((templates) => ({
    templates,
    result: model({ templates: String(templates), identities: String(templates) }),
  }));
  const rows = sweep.map(({ templates, result }) => ({
    templates,
    shards: result.gallery.shards,
    fanOutP95Ms: result.search.fanOutP95Ms,
    concurrency: result.concurrency.total,
    serverlessSearchCost: result.costPerMonth.shardWorkers + result.costPerMonth.searcher,
    fleetCost: result.matcherFleet.costPerMonth,
  }));
  const handover = rows.find(
    (r) => r.fleetCost < r.serverlessSearchCost || r.concurrency >= limits.lambda.accountConcurrencyDefault,
  );
  write('sweep.json', { searchesPerSecond: Number(base['searches-per-second']), rows, handover });

  const consumers = Number(args.consumers ?? Math.max(1, Math.ceil(main.concurrency.midConsumer * 2)));
  progress(`report: peak-day simulation, ${consumers} consumers`);
  const simulation = simulatePeakDay({
    recordsPerHour: hourly,
    verifiersPerHour: arrivals.verifiersPerHour,
    verificationMinutes: arrivals.verificationMinutes,
    consumers,
    checkServiceMs: measured.mid.serviceMs,
    yellowPerCheck: measured.mid.yellowLinksPerCheck,
    bucketMinutes: 15,
    seed: 1,
  });
  write('simulation.json', {
    command: `npm run capacity -- simulate --consumers ${consumers}`,
    summary: simulation.summary,
    buckets: simulation.buckets,
  });

  const svg = (name: string, content: string) => writeFileSync(join(REPORT_DIR, name), content);
  const perTemplates = (pick: (r: (typeof rows)[number]) => number) =>
    rows.map((r) => [r.templates, pick(r)] as const);
  svg(
    'fan-out-latency.svg',
    lineChart({
      title: `1:N search latency vs gallery size (${base['searches-per-second']} searches/s)`,
      xLabel: 'face templates',
      yLabel: 'ms',
      logX: true,
      series: [
        { name: 'fan-out p95', points: sweep.map((s) => [s.templates, s.result.search.fanOutP95Ms]) },
        { name: 'fan-out p50', points: sweep.map((s) => [s.templates, s.result.search.fanOutP50Ms]) },
        { name: 'one shard p95', points: sweep.map((s) => [s.templates, s.result.search.perShardP95Ms]) },
      ],
    }),
  );
  svg(
    'cost-handover.svg',
    lineChart({
      title: 'Monthly cost of the 1:N search: Lambda shards vs matcher fleet',
      xLabel: 'face templates',
      yLabel: `${prices.currency} per month`,
      logX: true,
      logY: true,
      series: [
        { name: 'Lambda shards', points: perTemplates((r) => r.serverlessSearchCost) },
        { name: 'matcher fleet', points: perTemplates((r) => r.fleetCost) },
      ],
    }),
  );
  svg(
    'concurrency.svg',
    lineChart({
      title: 'Lambda concurrency vs gallery size',
      xLabel: 'face templates',
      yLabel: 'concurrent executions',
      logX: true,
      logY: true,
      marks: [{ y: limits.lambda.accountConcurrencyDefault, label: 'account default' }],
      series: [{ name: 'needed', points: perTemplates((r) => r.concurrency) }],
    }),
  );
  const hours = (minute: number) => minute / 60;
  const dayChart = (
    title: string,
    yLabel: string,
    series: { name: string; pick: (b: (typeof simulation.buckets)[number]) => number }[],
  ) =>
    lineChart({
      title,
      xLabel: 'hour of the peak day (UTC)',
      yLabel,
      xTicks: [0, 4, 8, 12, 16, 20, 24],
      series: series.map((s) => ({
        name: s.name,
        points: [[0, 0], ...simulation.buckets.map((b) => [hours(b.minute), s.pick(b)] as const)],
      })),
    });
  svg(
    'day-arrivals.svg',
    dayChart('Records arriving (per 15 minutes)', 'records', [{ name: 'arrivals', pick: (b) => b.arrivals }]),
  );
  svg(
    'day-mid-queue.svg',
    dayChart(`MID check queue (${consumers} consumers)`, 'checks', [
      { name: 'queue depth', pick: (b) => b.midQueueDepth },
    ]),
  );
  svg(
    'day-check-latency.svg',
    dayChart('MID check latency, p95 per 15 minutes', 'ms', [
      { name: 'p95', pick: (b) => b.checkLatencyP95Ms },
    ]),
  );
  svg(
    'day-yellow.svg',
    dayChart('Yellow links waiting for a verifier', 'links / minutes', [
      { name: 'backlog (links)', pick: (b) => b.yellowBacklog },
      { name: 'oldest (minutes)', pick: (b) => b.oldestYellowAgeMinutes },
      { name: 'verifiers on duty', pick: (b) => b.verifiers },
    ]),
  );

  const validationPath = existsSync(join(VALIDATION_DIR, 'latest.json'))
    ? readLatestPath(VALIDATION_DIR)
    : undefined;
  const validation = validationPath ? JSON.parse(readFileSync(validationPath, 'utf8')) : undefined;
  writeFileSync(
    join(REPORT_DIR, 'tables.md'),
    tables(main, command, rows, handover, simulation.summary, validation),
  );
  progress(`report: written to ${REPORT_DIR}`);
  return {
    measured: measuredPath,
    command,
    handover,
    total: main.costPerMonth.total,
    simulation: simulation.summary,
  };
}

function write(name: string, content: unknown) {
  writeFileSync(join(REPORT_DIR, name), `${JSON.stringify(content, null, 1)}\n`);
}

const n = (v: number) =>
  Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : String(+v.toPrecision(3));

function tables(
  m: CapacityResult,
  command: string,
  rows: {
    templates: number;
    shards: number;
    fanOutP95Ms: number;
    concurrency: number;
    serverlessSearchCost: number;
    fleetCost: number;
  }[],
  handover: (typeof rows)[number] | undefined,
  sim: ReturnType<typeof simulatePeakDay>['summary'],
  validation:
    | {
        cases: number;
        maxRelativeError: number;
        perCase: {
          quantity: string;
          size: number;
          predicted: number;
          measured: number;
          relativeError: number;
        }[];
      }
    | undefined,
): string {
  const t = (head: string[], body: (string | number)[][]) =>
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...body.map((r) => `| ${r.map((c) => (typeof c === 'number' ? n(c) : c)).join(' | ')} |`),
    ].join('\n');
  const g = m.gallery;
  const out = [
    '<!-- generated by `npm run capacity -- report`; do not edit -->',
    `Command: \`${command}\` (measured file of ${m.measuredFile.date}, ${m.measuredFile.machine}, ${m.measuredFile.commit})`,
    '',
    '### Gallery and search',
    t(
      ['quantity', 'value'],
      [
        ['shards', g.shards],
        ['templates per shard (max that fits)', `${n(g.templatesPerShard)} (${n(g.maxTemplatesPerShard)})`],
        ['shard function memory (MB)', g.shardFunctionMemoryMB],
        ['resident bytes per template', g.residentBytesPerTemplate],
        ['snapshot bytes per template', g.snapshotBytesPerTemplate],
        ['gallery in memory (GB, resident)', g.galleryResidentGB],
        ['snapshots in S3 (GB)', g.snapshotStorageGB],
        ['one shard search p50 / p95 (ms)', `${m.search.perShardMedianMs} / ${m.search.perShardP95Ms}`],
        [
          'fan-out search p50 / p95 / p99 (ms)',
          `${m.search.fanOutP50Ms} / ${m.search.fanOutP95Ms} / ${m.search.fanOutP99Ms}`,
        ],
      ],
    ),
    '',
    "### Concurrency (Little's law) and queue",
    t(
      ['quantity', 'value'],
      [
        ['shard invocations/s', m.concurrency.shardInvocationsPerSecond],
        ['shard worker instances (>= 1 per shard)', m.concurrency.shardWorkers],
        ['searcher function', m.concurrency.searcher],
        ['MID consumer (peak hour)', m.concurrency.midConsumer],
        ['total', m.concurrency.total],
        ['MID check service time, mean (ms, measured)', m.concurrency.checkServiceMeanMs],
        ['records/s at the peak hour', m.concurrency.recordsPerSecondPeak],
        ['SQS requests per month', m.queue.requestsPerMonth],
      ],
    ),
    '',
    '### DynamoDB',
    t(
      ['quantity', 'value'],
      [
        ['read units/s at peak', m.dynamodb.readUnitsPerSecondPeak],
        ['write units/s at peak', m.dynamodb.writeUnitsPerSecondPeak],
        [
          'per record: ingestion R/W, check R/W',
          `${m.dynamodb.perRecord.ingestionRead} / ${m.dynamodb.perRecord.ingestionWrite}, ${m.dynamodb.perRecord.checkRead} / ${m.dynamodb.perRecord.checkWrite}`,
        ],
        [
          'storage (GB) by table',
          Object.entries(m.dynamodb.storageGB)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(', '),
        ],
        [
          'partitions by storage',
          Object.entries(m.dynamodb.partitionsByStorage)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(', '),
        ],
        ['partitions by throughput (all tables)', m.dynamodb.partitionsByThroughput],
      ],
    ),
    '',
    t(
      ['hot key', 'write units/s at peak', 'share of 1,000', 'binds at', 'why'],
      m.dynamodb.hotKeys.map((h) => [`\`${h.key}\``, h.writeUnitsPerSecond, h.utilisation, h.bindsAt, h.why]),
    ),
    '',
    `### Cost per month (${m.costPerMonth.currency}, ${m.costPerMonth.region} list prices of ${m.costPerMonth.pricesTakenOn})`,
    t(
      ['part', 'per month'],
      Object.entries(m.costPerMonth)
        .filter(([, v]) => typeof v === 'number')
        .map(([k, v]) => [k, v as number]),
    ),
    '',
    `Matcher fleet instead of Lambda shards: ${m.matcherFleet.instances} x ${m.matcherFleet.instance} (memory-bound ${m.matcherFleet.instancesByMemory}, CPU-bound ${m.matcherFleet.instancesByCpu}, two copies): ${n(m.matcherFleet.costPerMonth)} per month.`,
    '',
    '### AWS limits',
    t(
      ['limit', 'value', 'needed here', 'share', 'binds', 'binds at'],
      m.limits.map((l) => [l.limit, l.value, l.needed, l.utilisation, l.binds ? '**yes**' : 'no', l.bindsAt]),
    ),
    '',
    '### Step Functions (consultation workflow)',
    t(
      ['states entered', 'path'],
      m.stepFunctions.paths.map((p) => [p.states, p.path]),
    ),
    '',
    '### Gallery sweep (handover)',
    t(
      [
        'templates',
        'shards',
        'fan-out p95 (ms)',
        'concurrency',
        'Lambda shards + searcher / month',
        'matcher fleet / month',
      ],
      rows.map((r) => [
        r.templates,
        r.shards,
        r.fanOutP95Ms,
        r.concurrency,
        r.serverlessSearchCost,
        r.fleetCost,
      ]),
    ),
    '',
    handover
      ? `First size in the sweep where the fleet is cheaper or the account concurrency binds: ${n(handover.templates)} templates.`
      : 'No size in the sweep where the fleet is cheaper or the account concurrency binds.',
    '',
    '### Peak-day simulation',
    t(
      ['quantity', 'value'],
      Object.entries(sim).map(([k, v]) => [k, v]),
    ),
    '',
  ];
  if (validation) {
    out.push(
      `### Validation: ${validation.cases} cases, maxRelativeError ${validation.maxRelativeError}`,
      t(
        ['quantity', 'size', 'predicted', 'measured', 'relative error'],
        validation.perCase.map((c) => [c.quantity, c.size, c.predicted, c.measured, c.relativeError]),
      ),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
