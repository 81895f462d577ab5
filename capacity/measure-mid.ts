import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { run as runMidBench } from '../bench/mid';
import type { MidMeasurement } from './measured-file';

type Totals = { readUnits: number; writeUnits: number; requests: number };

/**
 * `bench mid` at `records` records, plus what the capacity model needs from the same run: the
 * capacity per check and per ingested record by command and table, one consumer's service times, the
 * share of checks that produced yellow links, the stored bytes per record, the audit entries' size.
 * Run it in a process of its own: the shared DynamoDB client keeps the first platform's endpoint.
 */
export async function measureMid(records: number, consumers = 1, seed = 1) {
  let extra: AfterChecks | undefined;
  const result = (await runMidBench(
    // with one consumer, the gaps between its completions are its service times
    { records: String(records), seed: String(seed), consumers: String(consumers), paced: '0' },
    {
      async afterChecks({ platform, acceptedAt, checkedAt }) {
        const { dynamo } = await import('../functions/shared/clients');
        const scan = async (table: string) => {
          const items: Record<string, unknown>[] = [];
          for await (const page of paginateScan({ client: dynamo }, { TableName: table }))
            items.push(...(page.Items ?? []));
          return items;
        };
        const links = (await scan(platform.env.LINKS_TABLE!)).filter((item) => item.sk === 'LINK');
        const colour = (item: Record<string, unknown>) => (item.link as { colour?: string }).colour;
        const audit = (await scan(platform.env.AUDIT_TABLE!)).filter((item) =>
          String(item.sk).startsWith('E#'),
        );
        const tableBytesPerRecord: Record<string, number> = {};
        for (const [name, table] of Object.entries(platform.env).filter(([k]) => k.endsWith('_TABLE'))) {
          const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: table }));
          tableBytesPerRecord[name] = (Table?.TableSizeBytes ?? 0) / acceptedAt.size;
        }
        extra = {
          checks: checkedAt.size,
          serviceMs: consumers === 1 ? serviceTimes(acceptedAt, checkedAt) : [],
          consumers,
          yellowLinksPerCheck: links.filter((l) => colour(l) === 'yellow').length / checkedAt.size,
          linksPerCheck: links.length / checkedAt.size,
          tableBytesPerRecord,
          auditEntriesPerCheck:
            audit.filter((item) => item.gsi2pk === 'USER#system:mid').length / checkedAt.size,
          auditEntryBytes: audit.reduce((sum, item) => sum + JSON.stringify(item).length, 0) / audit.length,
        };
      },
    },
  )) as BenchMidResult;
  if (!extra) throw new Error('bench mid ended without calling afterChecks');
  // Loaded only now: the shared clients read the platform's endpoints when first imported.
  const { consumedCapacity } = await import('../functions/shared/clients');
  const perCheckByCommand = scopeTotals(consumedCapacity, 'midCheck ', extra.checks);
  const perRecordIngestion = Object.fromEntries(
    Object.entries(scopeTotals(consumedCapacity, 'other ', result.records)).filter(
      // the bench's polling of the audit log and the scans above are not ingestion
      ([key]) => !(key.startsWith('QueryCommand') && key.includes('Audit')) && isRequestPath(key),
    ),
  );
  const measurement: MidMeasurement = {
    ...extra,
    records: result.records,
    checksPerSecond: result.checksPerSecond,
    p95CheckLatencyMs: result.p95CheckLatencyMs,
    readUnitsPerCheck: result.readUnitsPerCheck,
    writeUnitsPerCheck: result.writeUnitsPerCheck,
    requestsPerCheck: result.dynamoRequestsPerCheck,
    perCheckByCommand,
    perRecordIngestion,
  };
  return measurement;
}

type AfterChecks = Omit<
  MidMeasurement,
  | 'records'
  | 'checksPerSecond'
  | 'p95CheckLatencyMs'
  | 'readUnitsPerCheck'
  | 'writeUnitsPerCheck'
  | 'requestsPerCheck'
  | 'perCheckByCommand'
  | 'perRecordIngestion'
>;

interface BenchMidResult {
  records: number;
  checksPerSecond: number;
  p95CheckLatencyMs: number;
  readUnitsPerCheck: number;
  writeUnitsPerCheck: number;
  dynamoRequestsPerCheck: number;
}

/** The request path never scans nor describes a table (lib/resources.ts); the measurement above does. */
export const isRequestPath = (key: string) =>
  !key.startsWith('ScanCommand') && !key.startsWith('DescribeTableCommand');

/** `<scope> <command> <table>` totals divided by `count`, keyed by `<command> <table>`. */
function scopeTotals(
  totals: ReadonlyMap<string, Totals>,
  prefix: string,
  count: number,
): Record<string, Totals> {
  return Object.fromEntries(
    [...totals]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, t]) => [
        key.slice(prefix.length),
        {
          readUnits: round(t.readUnits / count),
          writeUnits: round(t.writeUnits / count),
          requests: round(t.requests / count),
        },
      ]),
  );
}

/**
 * With a single consumer, the gap between two successive completions is a service time whenever the
 * next check was already waiting (accepted before the previous one completed).
 */
export function serviceTimes(
  acceptedAt: ReadonlyMap<string, number>,
  checkedAt: ReadonlyMap<string, number>,
): number[] {
  const accepted = [...acceptedAt.values()].sort((a, b) => a - b);
  const done = [...checkedAt.values()].sort((a, b) => a - b);
  const gaps: number[] = [];
  let arrived = 0;
  for (let i = 1; i < done.length; i++) {
    while (arrived < accepted.length && accepted[arrived]! <= done[i - 1]!) arrived++;
    if (arrived > i) gaps.push(done[i]! - done[i - 1]!);
  }
  return gaps;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
