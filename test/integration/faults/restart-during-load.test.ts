import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../bench/linkage-data';
import { linkIdFor } from '../../../functions/mid/domain/links';
import { loadRecords } from '../../../local/loader';
import { type Platform, startPlatform } from '../../../local/platform';
import { generatePeople, type SyntheticRecord } from '../../../local/synthetic/people';
import { freePort } from '../../support/free-port';
import { dynamoClient } from '../../support/table-snapshot';

/**
 * ADR 0002 under faults: DynamoDB Local and the SQS emulator are restarted while records are loaded
 * through the API (the size of issue 8 by default; FAULT_RECORDS for a quicker run).
 */
const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const toCsv = (rows: readonly SyntheticRecord[]) =>
  rows
    .map((r) =>
      [
        r.recordId,
        r.clusterId,
        r.system,
        r.surname,
        r.givenNames,
        r.dateOfBirth,
        r.sex,
        r.nationality,
        r.placeOfBirth,
        r.documentNumber,
      ]
        .map(csvField)
        .join(','),
    )
    .join('\n');

const RECORDS = Number(process.env.FAULT_RECORDS ?? 5000);
let platform: Platform;
let dataDir: string;

beforeAll(async () => {
  if (process.env.FAULT_LOAD !== '1') return;
  dataDir = mkdtempSync(join(tmpdir(), 'interop-fault-'));
  platform = await startPlatform({
    port: 0,
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    dataDir,
    prefix: 'fault',
    workers: true,
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// Opt-in (FAULT_LOAD=1): its duration on the shared two-core machine is not yet known to fit the CI
// budget (docs/reliability.md).
describe.runIf(process.env.FAULT_LOAD === '1')(
  'restarting DynamoDB and SQS while loading records (FAULT_LOAD=1)',
  () => {
    it(`every accepted record of ${RECORDS} has its file and one completed MID check; no link twice; no DLQ message`, async () => {
      const started = Date.now();
      const records = generatePeople({ people: Math.ceil(RECORDS / 2), seed: 817 }).slice(0, RECORDS);
      const bySystem = new Map<string, typeof records>();
      for (const record of records)
        bySystem.set(record.system, [...(bySystem.get(record.system) ?? []), record]);

      let done = 0;
      const restarts: Promise<void>[] = [];
      let restartedDynamo = false;
      let restartedSqs = false;
      const onProgress = () => {
        done += 1;
        // Batches of 50 rows: ~30% in, restart DynamoDB; ~60% in, restart the SQS emulator (its messages are lost).
        if (!restartedDynamo && done * 50 >= RECORDS * 0.3) {
          restartedDynamo = true;
          restarts.push(platform.restartDynamo());
        } else if (!restartedSqs && done * 50 >= RECORDS * 0.6) {
          restartedSqs = true;
          restarts.push(platform.restartSqs());
        }
      };
      let interruptions = 0;
      const summaries = await Promise.all(
        [...bySystem].map(async ([system, rows]) => {
          const file = join(dataDir, `${system}.csv`);
          writeFileSync(file, `${CSV_HEADER.join(',')}\n${toCsv(rows)}\n`);
          const token = await platform.tokens.sign({
            userId: `loader-${system}`,
            authority: `${system}:DE`,
            memberState: 'DE',
            roles: ['origin-system'],
            system,
          });
          // The loader retries 5xx a few times, then stops; a rerun resumes where it stopped.
          for (let attempt = 0; ; attempt++) {
            try {
              const summary = await loadRecords({ api: platform.url, system, file, token, onProgress });
              if (summary.complete) return { system, rows, summary };
            } catch (error) {
              interruptions++;
              if (attempt > 30) throw error;
              await new Promise((resolve) => setTimeout(resolve, 1000));
            }
          }
        }),
      );
      await Promise.all(restarts);
      expect(restartedDynamo && restartedSqs).toBe(true);
      const loadedMs = Date.now() - started;

      const client = DynamoDBDocumentClient.from(
        dynamoClient({
          url: '',
          keyDir: '',
          env: {
            ...platform.env,
            AWS_REGION: 'eu-central-1',
            AWS_ENDPOINT_URL_DYNAMODB: platform.dynamo.endpoint,
          },
        }),
      );
      // The outbox drains: no file is left with a pending MID check (lost messages are re-enqueued by the sweeper).
      const deadline = Date.now() + 600_000;
      for (;;) {
        const pending = await client.send(
          new QueryCommand({
            TableName: platform.env.CIR_TABLE,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :p',
            ExpressionAttributeValues: { ':p': 'MIDCHECK#PENDING' },
            Select: 'COUNT',
          }),
        );
        if ((pending.Count ?? 0) === 0) break;
        if (Date.now() > deadline) throw new Error(`${pending.Count} MID checks still pending`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }

      // Every accepted record has its individual file at the version loaded, with no pending check.
      const accepted = summaries.flatMap(({ system, rows, summary }) => {
        expect(summary.rejected).toBe(0);
        return rows.map((row) => ({ system, recordId: row.recordId }));
      });
      expect(accepted).toHaveLength(RECORDS);
      for (let i = 0; i < accepted.length; i += 100) {
        const keys = accepted
          .slice(i, i + 100)
          .map((ref) => ({ pk: `FILE#${ref.system}#${ref.recordId}`, sk: 'FILE' }));
        let found = 0;
        let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
          [platform.env.CIR_TABLE!]: { Keys: keys },
        };
        while (request && Object.keys(request).length) {
          const reply = await client.send(new BatchGetCommand({ RequestItems: request as never }));
          for (const item of reply.Responses?.[platform.env.CIR_TABLE!] ?? []) {
            expect(item.pendingCheckVersion).toBeUndefined();
            found++;
          }
          request = reply.UnprocessedKeys as never;
        }
        expect(found).toBe(keys.length);
      }

      // Every record's check completed: a midCheck entry in the log for the version loaded. A check
      // whose message was lost or redelivered may have run again (a new entry): counted, and below
      // it must not have changed anything twice.
      const checked = new Map<string, number>();
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: platform.env.AUDIT_TABLE,
            ExclusiveStartKey: start,
            FilterExpression: '#e.#a = :a',
            ExpressionAttributeNames: { '#e': 'entry', '#a': 'action' },
            ExpressionAttributeValues: { ':a': 'midCheck' },
          }),
        );
        for (const item of page.Items ?? []) {
          const ref = item.entry?.records?.[0];
          if (ref && item.entry.details?.version === 1)
            checked.set(
              `${ref.system}/${ref.recordId}`,
              (checked.get(`${ref.system}/${ref.recordId}`) ?? 0) + 1,
            );
        }
        start = page.LastEvaluatedKey;
      } while (start);
      const unchecked = accepted.filter((ref) => !checked.has(`${ref.system}/${ref.recordId}`));
      if (unchecked.length) {
        const bySys: Record<string, number> = {};
        for (const ref of unchecked) bySys[ref.system] = (bySys[ref.system] ?? 0) + 1;
        console.info(
          `records without a midCheck log entry: ${unchecked.length} ${JSON.stringify(bySys)}; entries ${[...checked.values()].reduce((a, b) => a + b, 0)}`,
        );
      }
      expect(unchecked).toEqual([]);
      const rerun = [...checked.values()].filter((n) => n > 1).length;

      // No link twice: every link item's id derives from its pair, and has exactly its two membership items.
      const links: {
        linkId: string;
        records: { system: string; recordId: string }[];
        history: { event: string }[];
      }[] = [];
      const memberships = new Map<string, number>();
      start = undefined;
      do {
        const page: { Items?: Record<string, any>[]; LastEvaluatedKey?: Record<string, unknown> } =
          await client.send(
            new ScanCommand({ TableName: platform.env.LINKS_TABLE, ExclusiveStartKey: start }),
          );
        for (const item of page.Items ?? []) {
          if (item.sk === 'LINK') links.push(item.link);
          else if (String(item.sk).startsWith('LINK#'))
            memberships.set(item.sk.slice(5), (memberships.get(item.sk.slice(5)) ?? 0) + 1);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      expect(links.length).toBeGreaterThan(0);
      const pairs = new Set(
        links.map((link) =>
          link.records
            .map((r) => `${r.system}/${r.recordId}`)
            .sort()
            .join('|'),
        ),
      );
      expect(pairs.size).toBe(links.length);
      for (const link of links) {
        expect(link.linkId).toBe(linkIdFor(link.records[0] as never, link.records[1] as never));
        expect(memberships.get(link.linkId)).toBe(2);
        // created once: a re-run of a check found the link and did not create it again
        expect(link.history.filter((entry) => entry.event === 'created')).toHaveLength(1);
      }
      expect(memberships.size).toBe(links.length);

      // Nothing in the dead-letter queue (a message gets there only after its failures were logged).
      const sqs = new SQSClient({
        region: 'eu-central-1',
        endpoint: platform.sqs.endpoint,
        useQueueUrlAsEndpoint: false,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const dlq = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: platform.env.MID_CHECK_QUEUE_DLQ_URL,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(
        Number(dlq.Attributes?.ApproximateNumberOfMessages) +
          Number(dlq.Attributes?.ApproximateNumberOfMessagesNotVisible),
      ).toBe(0);
      sqs.destroy();
      console.info(
        `fault load: ${RECORDS} records, ${links.length} links, loader interruptions ${interruptions}, checks run more than once (no effect) ${rerun}, load ${Math.round(loadedMs / 1000)} s, total ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }, 1_800_000);
  },
);
