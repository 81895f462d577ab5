import type { Role } from '../functions/shared/auth/roles';
import type { OriginSystem } from '../functions/shared/systems';
import { numberArg, type Options, progress } from '../local/cli';
import { SYSTEM_AUTHORITY } from '../local/demo-users';
import type { Platform } from '../local/platform';
import { rowToRecord, syntheticRow } from '../local/record-rows';
import { createBiometricGenerator } from '../local/synthetic/biometrics';
import { generatePeople } from '../local/synthetic/people';

type GeneratedRow = ReturnType<typeof generatePeople>[number];

import { withBenchPlatform } from './bench-platform';
import { PLOT_OPTION, writePlot } from './plot';

/**
 * `npm run bench -- mid --records 2000`: the MID end to end on an in-memory local platform (ingestion
 * API, SQS emulator, queue consumer, DynamoDB Local). Records of the synthetic population (with
 * synthetic biometrics except ETIAS) are PUT through the API; the bench waits until every MID check
 * is done. DynamoDB's consumed capacity is recorded per MID check (RECORD_CONSUMED_CAPACITY), so the
 * cost of one check can be compared across gallery sizes. Latency under the load: PUT accepted -> check
 * audit entry. Then `--paced N` (default 60) more writes at one per second, each timed from its 2xx to
 * its `mid-result` answering done, as the writing terminal sees it (long-poll, waitSeconds=20).
 */
export interface MidBenchHooks {
  /** Called once every check is done, before the platform stops (times in ms since the epoch). */
  afterChecks?(run: {
    platform: Platform;
    acceptedAt: ReadonlyMap<string, number>;
    checkedAt: ReadonlyMap<string, number>;
  }): Promise<void>;
}

export const summary =
  'MID end to end on a local platform: records ingested through the API, checks per second, latency and capacity units per check.';

export const options: Options = {
  records: { type: 'string', value: 'N', description: 'records to ingest', default: '2000' },
  seed: { type: 'string', value: 'S', description: 'random seed', default: '1' },
  concurrency: { type: 'string', value: 'N', description: 'ingestion requests at once', default: '8' },
  consumers: {
    type: 'string',
    value: 'N',
    description: 'MID queue batches processed at once',
    default: 'the platform default',
  },
  timeout: { type: 'string', value: 'SECONDS', description: 'give up after', default: '1200' },
  paced: {
    type: 'string',
    value: 'N',
    description: "writes at one per second after the load, each timed to its mid-result's done",
    default: '60',
  },
  plot: PLOT_OPTION,
};

export async function run(args: Record<string, string>, hooks: MidBenchHooks = {}) {
  const records = numberArg(args, 'records', 2000);
  const seed = numberArg(args, 'seed', 1);
  const concurrency = numberArg(args, 'concurrency', 8);
  // batches of the MID queue processed at once (local/platform.ts; default there: 4)
  const consumers = args.consumers === undefined ? undefined : numberArg(args, 'consumers', 1);
  const timeoutSeconds = numberArg(args, 'timeout', 1200);
  process.env.RECORD_CONSUMED_CAPACITY = 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  // metrics are published in AWS only; here they would interleave with the result on stdout
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';

  // Imported after the environment is set: the shared clients read it when first loaded.
  const { consumedCapacity, recordConsumedCapacity } = await import('../functions/shared/clients');
  if (!consumedCapacity.size) recordConsumedCapacity();

  // writes at one per second after the load, each followed by its writer's `mid-result` long-poll
  const paced = numberArg(args, 'paced', 60);

  return withBenchPlatform({ midConsumers: consumers }, async (platform) => {
    const total = records + paced;
    // Record ids number the rows of one draw, so a short draw is drawn again with more people.
    let rows = generatePeople({ people: Math.ceil(total / 2.5), seed }).slice(0, total);
    for (let people = Math.ceil(total / 2.5) * 2; rows.length < total; people *= 2) {
      rows = generatePeople({ people, seed }).slice(0, total);
    }
    // The paced writes are the population's last rows: people whose other files are loaded, so their
    // checks find and link candidates like any write.
    const pacedRows = rows.splice(records);
    progress(`mid: ${rows.length} records from ${new Set(rows.map((r) => r.clusterId)).size} people`);
    const biometrics = createBiometricGenerator(seed);
    const tokens = new Map<string, string>();
    for (const system of new Set([...rows, ...pacedRows].map((r) => r.system))) {
      const { authority, memberState } = SYSTEM_AUTHORITY[system]!;
      tokens.set(
        system,
        await platform.tokens.sign({
          userId: `bench-${system.toLowerCase()}`,
          roles: ['origin-system' as Role],
          authority,
          memberState,
          system: system as OriginSystem,
        }),
      );
    }
    const call = async (row: GeneratedRow, method: 'PUT' | 'GET', path: string, body?: object) => {
      const response = await fetch(`${platform.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(row.system)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body && JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    /** PUTs one row: its HTTP status, or undefined when the row is not a valid record. */
    const putRow = async (row: GeneratedRow, session: number): Promise<number | undefined> => {
      const person = biometrics.person(Number(row.clusterId.replace(/\D/g, '')));
      const extra =
        row.system === 'ETIAS'
          ? {}
          : { biometrics: biometrics.biometrics(person, { session, face: true, fingers: [1] }) };
      const mapped = rowToRecord(syntheticRow(row), 1, {
        ...extra,
        memberState: SYSTEM_AUTHORITY[row.system]!.memberState,
      });
      if (!mapped.ok) return undefined;
      const path = `/v1/systems/${row.system}/records/${row.recordId}`;
      // A connection reset (a loaded machine) may come after the record was stored: a repeated PUT
      // of the same version then gets 409, and the record counts as accepted.
      for (let attempt = 1; ; attempt++) {
        const status = await call(row, 'PUT', path, mapped.body)
          .then((reply) => reply.status)
          .catch(async (error: unknown) => {
            if (attempt >= 5) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
            return undefined;
          });
        if (status !== undefined) return status === 409 && attempt > 1 ? 201 : status;
      }
    };

    const accepted = new Map<string, number>();
    let rejected = 0;
    const started = Date.now();
    const watch = watchChecks(platform, accepted, consumedCapacity);
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const status = await putRow(row, next);
        if (status === 201) accepted.set(`${row.system}/${row.recordId}`, Date.now());
        else rejected++;
        if ((accepted.size + rejected) % 1000 === 0) progress(`mid: ${accepted.size + rejected} PUTs`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    progress(
      `mid: ${accepted.size} accepted, ${rejected} rejected in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    const checkedAt = await watch.loaded(Date.now() + timeoutSeconds * 1000);
    await hooks.afterChecks?.({ platform, acceptedAt: accepted, checkedAt });
    const finished = Math.max(...checkedAt.values());
    const latencies = [...checkedAt].map(([key, at]) => at - accepted.get(key)!).sort((a, b) => a - b);
    const checks = { ...(consumedCapacity.get('midCheck') ?? { readUnits: 0, writeUnits: 0, requests: 0 }) };
    const checkCount = checkedAt.size;
    for (const [key, totals] of [...consumedCapacity].filter(([k]) => k.startsWith('midCheck ')).sort()) {
      progress(
        `mid: ${key}: ${(totals.readUnits / checkCount).toFixed(2)} RCU, ${(totals.writeUnits / checkCount).toFixed(2)} WCU, ${(totals.requests / checkCount).toFixed(2)} requests per check`,
      );
    }

    // One write per second, as a terminal writes while the person waits: each write's 2xx to its
    // `mid-result` answering done, as the writer sees it (long-poll, waitSeconds=20).
    const pacedLatencies: number[] = [];
    let pacedPending = 0;
    const pacedStart = Date.now();
    await Promise.all(
      pacedRows.map(async (row, i) => {
        await new Promise((resolve) => setTimeout(resolve, pacedStart + i * 1000 - Date.now()));
        const status = await putRow(row, rows.length + i);
        if (status !== 201) {
          progress(
            `mid: paced write ${row.system}/${row.recordId} answered ${status ?? 'not a valid record'}`,
          );
          return;
        }
        const written = Date.now();
        const result = await call(
          row,
          'GET',
          `/v1/systems/${row.system}/records/${row.recordId}/mid-result?waitSeconds=20`,
        );
        if (result.body.status === 'done') pacedLatencies.push(Date.now() - written);
        else pacedPending++;
      }),
    );
    pacedLatencies.sort((a, b) => a - b);
    writePlot(args, {
      title: `MID: read units per check as the CIR grows (${accepted.size} records)`,
      xLabel: 'records checked',
      yLabel: 'RCU per check (10 s intervals)',
      series: [{ name: 'RCU per check', points: watch.points }],
      marks: [{ y: checks.readUnits / checkCount, label: 'mean of the run' }],
    });
    if (paced > 0)
      progress(
        `mid: ${pacedLatencies.length} paced writes done (1/s), ${pacedPending} still pending after 20 s; write to done, ms: ${pacedLatencies.join(' ')}`,
      );
    return {
      records: accepted.size,
      checksPerSecond: round(checkCount / ((finished - started) / 1000), 1),
      p50CheckLatencyMs: percentile(latencies, 0.5),
      p95CheckLatencyMs: percentile(latencies, 0.95),
      readUnitsPerCheck: round(checks.readUnits / checkCount, 2),
      writeUnitsPerCheck: round(checks.writeUnits / checkCount, 2),
      dynamoRequestsPerCheck: round(checks.requests / checkCount, 1),
      pacedWrites: pacedLatencies.length + pacedPending,
      pacedPending,
      p50PacedWriteToDoneMs: percentile(pacedLatencies, 0.5),
      p95PacedWriteToDoneMs: percentile(pacedLatencies, 0.95),
    };
  });
}

/** Nearest-rank percentile of sorted values (0 for none). */
const percentile = (sorted: readonly number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Read units of a MID check so far per command and table/index (`Query cir/gsi1`), for the progress lines. */
function detailReadUnits(capacity: ReadonlyMap<string, { readUnits: number }>): Map<string, number> {
  return new Map(
    [...capacity]
      .filter(([key]) => key.startsWith('midCheck '))
      .map(([key, totals]) => [
        key
          .slice('midCheck '.length)
          .replace(/Command| bench-/g, ' ')
          .trim(),
        totals.readUnits,
      ]),
  );
}

/**
 * Follows the completed checks from the start of the load: one audit entry of system:mid per
 * accepted record (read from the audit table, newest first: paged until entries already seen, then
 * again from the top). Every 10 s a progress line gives the read units per check so far and over
 * the last interval, so that a long run shows how the cost of a check follows the data as it grows.
 */
function watchChecks(
  platform: Platform,
  accepted: ReadonlyMap<string, number>,
  capacity: ReadonlyMap<string, { readUnits: number }>,
) {
  const seen = new Map<string, number>();
  let deadline: number | undefined;
  /** Checks done so far and the read units per check of the interval that ended there (for --plot). */
  const points: [number, number][] = [];
  const loop = (async () => {
    const { DynamoAuditLog } = await import('../functions/audit/store');
    const { dynamo } = await import('../functions/shared/clients');
    const audit = new DynamoAuditLog(dynamo, platform.env.AUDIT_TABLE!);
    const checked = () => [...accepted.keys()].filter((key) => seen.has(key)).length;
    let cursor: string | undefined;
    let last = { at: 0, checks: 0, readUnits: 0, parts: new Map<string, number>() };
    while (deadline === undefined || checked() < accepted.size) {
      if (deadline !== undefined && Date.now() > deadline)
        throw new Error(`timed out: ${checked()}/${accepted.size} checks done`);
      const page = await audit.list({ userId: 'system:mid', limit: 500, cursor });
      let fresh = 0;
      for (const entry of page.entries) {
        const ref = entry.records[0];
        const key = ref && `${ref.system}/${ref.recordId}`;
        if (key && !seen.has(key)) {
          seen.set(key, Date.parse(entry.timestamp));
          fresh++;
        }
      }
      cursor = fresh > 0 && page.cursor ? page.cursor : undefined;
      if (cursor) continue;
      if (Date.now() - last.at >= 10_000) {
        const readUnits = capacity.get('midCheck')?.readUnits ?? 0;
        const perCheck = (units: number, checks: number) => (checks > 0 ? (units / checks).toFixed(2) : '-');
        progress(
          `mid: ${checked()}/${accepted.size} checks done (${deadline === undefined ? 'loading' : 'loaded'}), RCU/check ${perCheck(readUnits, seen.size)} so far, ${perCheck(readUnits - last.readUnits, seen.size - last.checks)} over the last ${seen.size - last.checks}`,
        );
        if (seen.size > last.checks)
          points.push([seen.size, (readUnits - last.readUnits) / (seen.size - last.checks)]);
        const parts = detailReadUnits(capacity);
        const interval = [...parts]
          .map(([key, units]) => [key, units - (last.parts.get(key) ?? 0)] as const)
          .filter(([, units]) => units > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([key, units]) => `${key} ${perCheck(units, seen.size - last.checks)}`);
        if (interval.length) progress(`mid:   of which ${interval.join(', ')}`);
        last = { at: Date.now(), checks: seen.size, readUnits, parts };
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    return new Map([...accepted.keys()].map((key) => [key, seen.get(key)!]));
  })();
  loop.catch(() => undefined); // awaited (and its error thrown) once the load is done
  return {
    points,
    /** The time of each accepted record's check, once all are done (or an error after `until`). */
    loaded: (until: number) => {
      deadline = until;
      return loop;
    },
  };
}
