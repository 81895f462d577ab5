import { AUDIT_PARTITIONS, MID_CHECK_QUEUE } from '../lib/resources';
import type { Limits, Prices } from './data-files';
import { isRequestPath } from './measure-mid';
import type { MeasuredFile } from './measured-file';
import {
  fanOutLatency,
  fitShardModel,
  maxTemplatesPerShard,
  type ShardModel,
  shardLoadBytes,
  shardSearchSamples,
} from './shard-model';
import { executionPaths, type StateMachineDefinition } from './state-machine';
import { mean, percentile } from './stats';

export interface Workload {
  templates: number;
  identities: number;
  searchesPerSecond: number;
  recordsPerDay: number;
  /** Peak hour over mean hour of record arrivals (from the arrival curve). */
  peakFactor: number;
  consultationsPerDay: number;
  /** Share of a shard function's memory kept free. */
  headroom: number;
  /** Network round trip of one Lambda invocation, added per shard call (not measured here). */
  invokeMs: number;
  /** Memory of the functions other than the shard workers (lib/constructs/function-with-log-group.ts). */
  functionMemoryMB: number;
  trials: number;
  seed: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;
const DAY = 86_400;
const MONTH_SECONDS = 730 * 3600;
const MONTH_DAYS = MONTH_SECONDS / DAY;

export interface ModelInputs {
  measured: MeasuredFile;
  limits: Limits;
  prices: Prices;
  stateMachine: StateMachineDefinition;
  workload: Workload;
  shardModel?: ShardModel;
}

/** Everything the capacity model derives from the measured unit figures for one workload. */
export function capacityModel(inputs: ModelInputs) {
  const { measured, limits, prices, workload } = inputs;
  const shardModel = inputs.shardModel ?? fitShardModel(measured.sbms);
  const runtimeBytes = measured.baselineRssBytes;

  // Gallery: the largest shard whose load fits the Lambda memory limit with headroom, balanced.
  const maxPerShard = maxTemplatesPerShard(
    shardModel,
    limits.lambda.memoryMaxMB,
    workload.headroom,
    runtimeBytes,
  );
  if (maxPerShard < 1) throw new Error('no shard fits the Lambda memory limit with this headroom');
  const shards = Math.ceil(workload.templates / maxPerShard);
  const templatesPerShard = Math.ceil(workload.templates / shards);
  const loadBytes = shardLoadBytes(shardModel, templatesPerShard, runtimeBytes);
  const shardMemoryMB = Math.min(
    limits.lambda.memoryMaxMB,
    Math.ceil(loadBytes / (1 - workload.headroom) / MB),
  );
  const residentPerShard =
    shardModel.residentBytes.intercept + shardModel.residentBytes.slope * templatesPerShard;
  const snapshotPerShard =
    shardModel.snapshotBytes.intercept + shardModel.snapshotBytes.slope * templatesPerShard;

  const fanOut = fanOutLatency(shardModel, shards, templatesPerShard, {
    trials: workload.trials,
    seed: workload.seed,
    invokeMs: workload.invokeMs,
  });

  // Little's law: busy instances = arrival rate x time in the function.
  const shardInvocationsPerSecond = workload.searchesPerSecond * shards;
  const shardBusyPerShard = workload.searchesPerSecond * (fanOut.meanShardMs / 1000);
  const shardInstancesPerShard = Math.max(1, Math.ceil(shardBusyPerShard));
  const shardConcurrency = shards * shardInstancesPerShard;
  const searcherConcurrency = workload.searchesPerSecond * (fanOut.meanMs / 1000);
  const recordsPerSecondMean = workload.recordsPerDay / DAY;
  const recordsPerSecondPeak = recordsPerSecondMean * workload.peakFactor;
  const mid = measured.mid;
  const checkServiceMs = mean(mid.serviceMs);
  const midConsumerConcurrency = recordsPerSecondPeak * (checkServiceMs / 1000);
  const totalConcurrency = shardConcurrency + searcherConcurrency + midConsumerConcurrency;

  const dynamo = dynamoCapacity(inputs, recordsPerSecondPeak);

  // SQS: one send per record; a receive and a delete per batch; MID check messages are small.
  const sqsRequestsPerMessage = 1 + 2 / MID_CHECK_QUEUE.batchSize;
  const sqsRequestsPerMonth = workload.recordsPerDay * MONTH_DAYS * sqsRequestsPerMessage;

  const paths = executionPaths(inputs.stateMachine);
  const transitions = paths.map((p) => p.length);
  const transitionsPerMonthMax = workload.consultationsPerDay * MONTH_DAYS * Math.max(...transitions);

  const cost = monthlyCost({
    prices,
    workload,
    shards,
    shardMemoryMB,
    shardInstancesPerShard,
    shardInvocationsPerSecond,
    meanShardMs: fanOut.meanShardMs,
    fanOutMeanMs: fanOut.meanMs,
    checkServiceMs,
    dynamo,
    sqsRequestsPerMonth,
    transitionsPerMonthMax,
    snapshotBytesTotal: snapshotPerShard * shards,
  });
  const fleet = matcherFleet({
    prices,
    workload,
    residentBytesTotal: residentPerShard * shards,
    shards,
    shardModel,
    templatesPerShard,
  });

  const result = {
    workload,
    measuredFile: {
      date: measured.date,
      machine: measured.machine.hostname,
      commit: measured.machine.commit,
    },
    gallery: {
      shards,
      templatesPerShard,
      maxTemplatesPerShard: maxPerShard,
      shardFunctionMemoryMB: shardMemoryMB,
      shardLoadPeakBytes: Math.round(loadBytes),
      residentBytesPerShard: Math.round(residentPerShard),
      residentBytesPerTemplate: round(shardModel.residentBytes.slope),
      snapshotBytesPerTemplate: round(shardModel.snapshotBytes.slope),
      galleryResidentGB: round((residentPerShard * shards) / GB),
      galleryProvisionedGB: round((shardMemoryMB * shards * shardInstancesPerShard) / 1024),
      snapshotStorageGB: round((snapshotPerShard * shards) / GB),
    },
    search: {
      perShardMedianMs: round(percentile(shardSearchSamples(shardModel, templatesPerShard), 50)),
      perShardP95Ms: round(percentile(shardSearchSamples(shardModel, templatesPerShard), 95)),
      invokePathOverheadP95Ms: round(percentile(shardModel.invokePathOverheadMs, 95)),
      fanOutP50Ms: round(fanOut.p50Ms),
      fanOutP95Ms: round(fanOut.p95Ms),
      fanOutP99Ms: round(fanOut.p99Ms),
      monteCarloTrials: workload.trials,
      invokeRoundTripMsAdded: workload.invokeMs,
    },
    concurrency: {
      shardInvocationsPerSecond: round(shardInvocationsPerSecond),
      shardBusyInstancesPerShard: round(shardBusyPerShard),
      shardInstancesPerShard,
      shardWorkers: shardConcurrency,
      searcher: round(searcherConcurrency),
      midConsumer: round(midConsumerConcurrency),
      total: round(totalConcurrency),
      checkServiceMeanMs: round(checkServiceMs),
      recordsPerSecondPeak: round(recordsPerSecondPeak),
    },
    dynamodb: dynamo.summary,
    queue: {
      messagesPerSecondPeak: round(recordsPerSecondPeak),
      requestsPerMonth: round(sqsRequestsPerMonth),
      consumersNeeded: Math.ceil(midConsumerConcurrency),
    },
    stepFunctions: {
      paths: paths.map((p) => ({ states: p.length, path: p.join(' > ') })),
      transitionsPerExecution: { min: Math.min(...transitions), max: Math.max(...transitions) },
      transitionsPerSecondPeak: round(
        ((workload.consultationsPerDay * workload.peakFactor) / DAY) * Math.max(...transitions),
      ),
    },
    costPerMonth: {
      ...cost,
      currency: prices.currency,
      pricesTakenOn: prices.takenOn,
      region: prices.region,
    },
    matcherFleet: fleet,
    limits: [] as LimitCheck[],
  };
  result.limits = limitChecks(inputs, {
    shardMemoryMB,
    loadBytes,
    totalConcurrency,
    midConsumerConcurrency,
    checkServiceMs,
    fanOutP99Ms: fanOut.p99Ms,
    recordsPerSecondPeak,
    dynamo,
    transitionsPerSecondPeak: result.stepFunctions.transitionsPerSecondPeak,
    templatesPerShardAtLimit: maxPerShard,
    shardInstancesPerShard,
  });
  return result;
}
export type CapacityResult = ReturnType<typeof capacityModel>;

export interface HotKey {
  key: string;
  /** Write units per second on that one partition key at the workload's peak. */
  writeUnitsPerSecond: number;
  limit: number;
  utilisation: number;
  /** The records per day (or searches per second) at which it reaches the partition limit. */
  bindsAt: string;
  why: string;
}

function dynamoCapacity(inputs: ModelInputs, recordsPerSecondPeak: number) {
  const { measured, limits, workload } = inputs;
  const mid = measured.mid;
  // (files measured before the measurement's own scans were left out of the ingestion figures)
  const ingestion = Object.entries(mid.perRecordIngestion)
    .filter(([key]) => isRequestPath(key))
    .map(([, totals]) => totals);
  const ingestRead = ingestion.reduce((s, t) => s + t.readUnits, 0);
  const ingestWrite = ingestion.reduce((s, t) => s + t.writeUnits, 0);
  const statisticsWrites = Object.entries({ ...mid.perRecordIngestion })
    .filter(([key]) => key.includes('Statistics'))
    .reduce((s, [, t]) => s + t.requests, 0);
  const statisticsWritesPerCheck = Object.entries(mid.perCheckByCommand)
    .filter(([key]) => key.includes('Statistics'))
    .reduce((s, [, t]) => s + t.requests, 0);

  const d = limits.dynamodb;
  const auditEntryUnits = Math.ceil(mid.auditEntryBytes / d.writeUnitBytes);
  // An audit append: a transaction (2 units per item) of the entry and the chain head, plus a copy
  // of the entry in each of the two GSIs (projection ALL).
  const auditAppendUnits = 2 * (auditEntryUnits + 1) + 2 * auditEntryUnits;
  const searchWriteUnits = auditAppendUnits;
  // A search reads nothing but the template feed since the last catch-up (~0 when idle: docs/mid-api.md).
  const readPerSecond = recordsPerSecondPeak * (ingestRead + mid.readUnitsPerCheck);
  const writePerSecond =
    recordsPerSecondPeak * (ingestWrite + mid.writeUnitsPerCheck) +
    workload.searchesPerSecond * searchWriteUnits;
  const recordsPerMonth = workload.recordsPerDay * MONTH_DAYS;
  const readUnitsPerMonth = recordsPerMonth * (ingestRead + mid.readUnitsPerCheck);
  const writeUnitsPerMonth =
    recordsPerMonth * (ingestWrite + mid.writeUnitsPerCheck) +
    workload.searchesPerSecond * MONTH_SECONDS * searchWriteUnits;

  const bytesPerRecord = mid.tableBytesPerRecord;
  const storage = Object.fromEntries(
    Object.entries(bytesPerRecord).map(([table, bytes]) => [table, bytes * workload.identities]),
  );
  const partitions = Object.fromEntries(
    Object.entries(storage).map(([table, bytes]) => [table, Math.ceil(bytes / d.partitionStorageBytes)]),
  );
  const throughputPartitions = Math.ceil(
    readPerSecond / d.partitionReadUnitsPerSecond + writePerSecond / d.partitionWriteUnitsPerSecond,
  );

  const auditEntriesPerSecond =
    recordsPerSecondPeak * (1 + mid.auditEntriesPerCheck) + workload.searchesPerSecond;
  const perDay = (unitsPerRecord: number) =>
    `${fmt((d.partitionWriteUnitsPerSecond / unitsPerRecord / workload.peakFactor) * DAY)} records/day`;
  const hot: HotKey[] = [
    {
      key: 'Audit gsi1 DAY#{day}',
      writeUnitsPerSecond: auditEntriesPerSecond * auditEntryUnits,
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt: `${fmt(d.partitionWriteUnitsPerSecond / auditEntryUnits)} audit entries/s (ingestion + checks + searches)`,
      why: 'every audit entry of a day is written to one GSI key, with a time-ordered sort key (no split for heat)',
    },
    {
      key: 'Audit gsi2 USER#system:mid',
      writeUnitsPerSecond: recordsPerSecondPeak * mid.auditEntriesPerCheck * auditEntryUnits,
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt: perDay(mid.auditEntriesPerCheck * auditEntryUnits),
      why: "every MID check's entry has the same user",
    },
    {
      key: `Audit CHAIN#{day}#{0..${AUDIT_PARTITIONS - 1}} head items`,
      writeUnitsPerSecond: (auditEntriesPerSecond * 2) / AUDIT_PARTITIONS,
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt: `${fmt((d.partitionWriteUnitsPerSecond / 2) * AUDIT_PARTITIONS)} audit entries/s`,
      why: `each append updates its chain's head item in a transaction (2 units); ${AUDIT_PARTITIONS} chains per day`,
    },
    {
      key: 'Cir gsi3 MIDCHECK#PENDING',
      writeUnitsPerSecond: recordsPerSecondPeak * 2,
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt: perDay(2),
      why: 'the outbox marker: one GSI write when a record is stored, one when its check clears it (one key)',
    },
    {
      key: 'Statistics STAT#{metric} (one counter item)',
      writeUnitsPerSecond: recordsPerSecondPeak * Math.max(statisticsWrites, statisticsWritesPerCheck),
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt: perDay(Math.max(statisticsWrites, statisticsWritesPerCheck)),
      why: 'at worst every increment of a metric on a day lands on one item (one Member State, one dimension value)',
    },
    {
      key: 'Links gsi1 QUEUE#{authority}#yellow',
      writeUnitsPerSecond: recordsPerSecondPeak * mid.yellowLinksPerCheck,
      limit: d.partitionWriteUnitsPerSecond,
      utilisation: 0,
      bindsAt:
        mid.yellowLinksPerCheck > 0 ? perDay(mid.yellowLinksPerCheck) : 'never (no yellow links measured)',
      why: 'at worst all yellow links go to one authority',
    },
  ];
  for (const h of hot) {
    h.writeUnitsPerSecond = round(h.writeUnitsPerSecond);
    h.utilisation = round(h.writeUnitsPerSecond / h.limit);
  }
  hot.sort((a, b) => b.utilisation - a.utilisation);

  return {
    readPerSecond,
    writePerSecond,
    readUnitsPerMonth,
    writeUnitsPerMonth,
    storageBytes: Object.values(storage).reduce((s, b) => s + b, 0),
    hot,
    summary: {
      readUnitsPerSecondPeak: round(readPerSecond),
      writeUnitsPerSecondPeak: round(writePerSecond),
      perRecord: {
        ingestionRead: round(ingestRead),
        ingestionWrite: round(ingestWrite),
        checkRead: mid.readUnitsPerCheck,
        checkWrite: mid.writeUnitsPerCheck,
      },
      perSearchWriteUnits: searchWriteUnits,
      auditEntryBytes: round(mid.auditEntryBytes),
      storageGB: Object.fromEntries(Object.entries(storage).map(([t, b]) => [t, round(b / GB)])),
      partitionsByStorage: partitions,
      partitionsByThroughput: throughputPartitions,
      hottestPartition: hot[0],
      hotKeys: hot,
    },
  };
}

function monthlyCost(c: {
  prices: Prices;
  workload: Workload;
  shards: number;
  shardMemoryMB: number;
  shardInstancesPerShard: number;
  shardInvocationsPerSecond: number;
  meanShardMs: number;
  fanOutMeanMs: number;
  checkServiceMs: number;
  dynamo: ReturnType<typeof dynamoCapacity>;
  sqsRequestsPerMonth: number;
  transitionsPerMonthMax: number;
  snapshotBytesTotal: number;
}) {
  const { prices: p, workload: w } = c;
  const shardGB = c.shardMemoryMB / 1024;
  const fnGB = w.functionMemoryMB / 1024;
  const shardInvocations = c.shardInvocationsPerSecond * MONTH_SECONDS;
  // Shard workers: provisioned concurrency keeps every shard loaded (a cold load reads GBs from S3).
  const shardWorkers =
    c.shards * c.shardInstancesPerShard * shardGB * MONTH_SECONDS * p.lambda.provisionedGbSecond +
    shardInvocations * (c.meanShardMs / 1000) * shardGB * p.lambda.provisionedDurationGbSecond +
    (shardInvocations / 1e6) * p.lambda.requestPerMillion;
  const searches = w.searchesPerSecond * MONTH_SECONDS;
  const searcher =
    searches * (c.fanOutMeanMs / 1000) * fnGB * p.lambda.gbSecond +
    (searches / 1e6) * p.lambda.requestPerMillion;
  const records = w.recordsPerDay * MONTH_DAYS;
  const midConsumer =
    records * (c.checkServiceMs / 1000) * fnGB * p.lambda.gbSecond +
    (records / MID_CHECK_QUEUE.batchSize / 1e6) * p.lambda.requestPerMillion;
  const dynamodb =
    (c.dynamo.readUnitsPerMonth / 1e6) * p.dynamodb.readRequestUnitPerMillion +
    (c.dynamo.writeUnitsPerMonth / 1e6) * p.dynamodb.writeRequestUnitPerMillion +
    (c.dynamo.storageBytes / GB) * p.dynamodb.storageGbMonth;
  const sqs = (c.sqsRequestsPerMonth / 1e6) * p.sqs.requestPerMillion;
  const apiGateway = ((searches + records) / 1e6) * p.apiGateway.restRequestPerMillion;
  const stepFunctions = (c.transitionsPerMonthMax / 1000) * p.stepFunctions.standardTransitionPerThousand;
  const s3Snapshots = (c.snapshotBytesTotal / GB) * p.s3.storageGbMonth;
  const parts = {
    shardWorkers,
    searcher,
    midConsumer,
    dynamodb,
    sqs,
    apiGateway,
    stepFunctions,
    s3Snapshots,
  };
  const total = Object.values(parts).reduce((s, v) => s + v, 0);
  return {
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v)])),
    total: Math.round(total),
  } as Record<keyof typeof parts | 'total', number>;
}

/** The same gallery on a fleet of memory-optimised instances, two copies for availability. */
function matcherFleet(c: {
  prices: Prices;
  workload: Workload;
  residentBytesTotal: number;
  shards: number;
  shardModel: ShardModel;
  templatesPerShard: number;
}) {
  const { prices: p, workload: w } = c;
  const instanceBytes = p.ec2.memoryGiB * GB * (1 - w.headroom);
  const byMemory = Math.ceil(c.residentBytesTotal / instanceBytes);
  const coreSecondsPerSearch =
    (c.shards * mean(shardSearchSamples(c.shardModel, c.templatesPerShard))) / 1000;
  const byCpu = Math.ceil((w.searchesPerSecond * coreSecondsPerSearch) / p.ec2.vcpus / (1 - w.headroom));
  const instances = 2 * Math.max(byMemory, byCpu);
  return {
    instance: `${p.ec2.instance} (${p.ec2.instanceRegion} price)`,
    instancesByMemory: byMemory,
    instancesByCpu: byCpu,
    instances,
    costPerMonth: Math.round(instances * p.ec2.hourly * 730),
  };
}

export interface LimitCheck {
  limit: string;
  value: number;
  needed: number;
  utilisation: number;
  binds: boolean;
  bindsAt: string;
  source: string;
}

function limitChecks(
  inputs: ModelInputs,
  c: {
    shardMemoryMB: number;
    loadBytes: number;
    totalConcurrency: number;
    midConsumerConcurrency: number;
    checkServiceMs: number;
    fanOutP99Ms: number;
    recordsPerSecondPeak: number;
    dynamo: ReturnType<typeof dynamoCapacity>;
    transitionsPerSecondPeak: number;
    templatesPerShardAtLimit: number;
    shardInstancesPerShard: number;
  },
): LimitCheck[] {
  const { limits: l, measured, workload: w } = inputs;
  const s = l.sources;
  const probeBytes = 4 * Math.ceil((measured.sbms.dim * 4) / 3);
  // A shard call carries one probe per modality: a face and ten fingers at most (256-d each).
  const shardEventBytes = probeBytes + 10 * 4 * Math.ceil((256 * 4) / 3) + 512;
  const check = (
    limit: string,
    value: number,
    needed: number,
    bindsAt: string,
    source: string | undefined,
  ): LimitCheck => ({
    limit,
    value,
    needed: round(needed),
    utilisation: round(needed / value),
    // within 5% of a limit counts as binding: the shard size is chosen to sit just under the memory limit
    binds: needed >= 0.95 * value,
    bindsAt,
    source: source ?? '',
  });
  const concurrencyPerSearchPerSecond = c.totalConcurrency / Math.max(w.searchesPerSecond, 1e-9);
  const shardsAtLimit = Math.ceil(w.templates / c.templatesPerShardAtLimit);
  return [
    check(
      'Lambda memory per function (MB)',
      l.lambda.memoryMaxMB,
      c.shardMemoryMB,
      `sets the shard size: ${fmt(c.templatesPerShardAtLimit)} face templates per shard, so ${fmt(shardsAtLimit)} shards at ${fmt(w.templates)}`,
      s.lambda,
    ),
    check(
      'Lambda account concurrency (default)',
      l.lambda.accountConcurrencyDefault,
      c.totalConcurrency,
      `${fmt(Math.floor(l.lambda.accountConcurrencyDefault / concurrencyPerSearchPerSecond))} searches/s at this gallery; each shard keeps >= 1 instance, so ${fmt(l.lambda.accountConcurrencyDefault)} shards (${fmt(l.lambda.accountConcurrencyDefault * c.templatesPerShardAtLimit)} templates) even at 0 searches/s`,
      s.lambda,
    ),
    check(
      'Lambda synchronous payload (bytes), shard call',
      l.lambda.syncPayloadBytes,
      shardEventBytes,
      'not reached: a probe of a face and ten fingers is a few tens of KB',
      s.lambda,
    ),
    check(
      'SQS event source concurrency (MID consumer)',
      l.lambda.sqsEventSourceMaxConcurrency,
      c.midConsumerConcurrency,
      `${fmt((l.lambda.sqsEventSourceMaxConcurrency / (c.checkServiceMs / 1000) / w.peakFactor) * DAY)} records/day at the measured check time`,
      s.lambdaSqs,
    ),
    check(
      'DynamoDB partition write units/s (hottest key)',
      l.dynamodb.partitionWriteUnitsPerSecond,
      c.dynamo.hot[0]?.writeUnitsPerSecond ?? 0,
      `${c.dynamo.hot[0]?.key}: ${c.dynamo.hot[0]?.bindsAt}`,
      s.dynamodbPartitions,
    ),
    check(
      'DynamoDB table write units/s (default table quota)',
      l.dynamodb.tableWriteUnitsPerSecondDefault,
      c.dynamo.writePerSecond,
      'all tables summed here: a lower bound of the busiest table',
      s.dynamodb,
    ),
    check(
      'DynamoDB item size (bytes), audit entry',
      l.dynamodb.itemMaxBytes,
      measured.mid.auditEntryBytes,
      'not reached by the measured items',
      s.dynamodb,
    ),
    check(
      'DynamoDB GSIs per table (most used: 3, Cir)',
      l.dynamodb.gsisPerTable,
      3,
      'a design constant, not a volume',
      s.dynamodb,
    ),
    check(
      'API Gateway integration timeout (ms), 1:N search p99',
      l.apiGateway.integrationTimeoutSeconds * 1000,
      c.fanOutP99Ms,
      'a search must end within it, cold shard loads included (provisioned concurrency avoids them)',
      s.apiGateway,
    ),
    check(
      'API Gateway requests/s per account and region',
      l.apiGateway.accountRequestsPerSecond,
      w.searchesPerSecond + c.recordsPerSecondPeak,
      `${fmt(l.apiGateway.accountRequestsPerSecond)} searches + record writes per second`,
      s.apiGateway,
    ),
    check(
      'Step Functions Standard state transitions/s',
      l.stepFunctions.standardStateTransitionsPerSecond,
      c.transitionsPerSecondPeak,
      'consultations only; far from it',
      s.stepFunctions,
    ),
  ];
}

const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : value);
const fmt = (value: number) => Math.round(value).toLocaleString('en-GB');
