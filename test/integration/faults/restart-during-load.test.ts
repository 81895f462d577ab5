import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { DynamoAuditLog } from '../../../functions/audit/store';
import type { OriginSystem } from '../../../functions/shared/systems';
import { loadRecords } from '../../../local/loader';
import { rowToRecord, syntheticRow } from '../../../local/record-rows';
import { generatePeople } from '../../../local/synthetic/people';
import {
  checkKey,
  checksPerVersion,
  linksAndProblems,
  midCheckEntries,
  pendingCheckCount,
  refusedAppends,
  scanAll,
} from '../../support/mid-integrity';
import { ownPlatform } from '../../support/own-platform';
import { eventually } from '../../support/platform-context';
import { dynamoClient, queueDepth } from '../../support/table-snapshot';

/**
 * ADR 0002 under faults (issue 8): DynamoDB Local and the SQS emulator are restarted while records are
 * loaded through the API. The suite runs it at a size that fits the CI budget; FAULT_RECORDS=5000 is
 * the size of the issue (docs/reliability.md has the runs).
 */
const RECORDS = Number(process.env.FAULT_RECORDS ?? 150);
// Room for the loaded two-core machine, where a run loaded ~50 records a minute (docs/reliability.md).
const DRAIN_MS = Math.max(600_000, RECORDS * 240);
const TIMEOUT_MS = Math.max(900_000, RECORDS * 1_200);
// Messages the SQS restart loses come back through the outbox sweeper once their marker is this old:
// the production minute would make the test wait for it (set before the platform loads its config).
process.env.OUTBOX_GRACE_SECONDS ??= '10';

const platform = ownPlatform('fault', { workers: true, onDisk: true });

/** Restarts an emulator; a start that times out (DynamoDB Local on an overloaded machine) is tried again. */
async function restartedEmulator(restart: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await restart();
    } catch (error) {
      if (attempt >= 3) throw error;
      console.info(`emulator restart, attempt ${attempt}: ${(error as Error).message.slice(0, 200)}`);
      await sleep(2000);
    }
  }
}

describe('restarting DynamoDB and SQS while loading records', () => {
  it(
    `every accepted record of ${RECORDS} has its file and one completed MID check; no link twice; no DLQ message`,
    async () => {
      const started = Date.now();
      const records = generatePeople({ people: Math.ceil(RECORDS / 2), seed: 817 }).slice(0, RECORDS);
      const bySystem = new Map<OriginSystem, string[]>();
      for (const record of records) {
        const row = rowToRecord(syntheticRow(record), 1, { memberState: 'DE' });
        if (!row.ok) throw new Error(`synthetic record ${record.recordId}: ${row.reason}`);
        const lines = bySystem.get(record.system) ?? [];
        lines.push(JSON.stringify({ recordId: record.recordId, ...row.body }));
        bySystem.set(record.system, lines);
      }

      const appends = vi.spyOn(DynamoAuditLog.prototype, 'appendOnce');
      const restarts: Promise<void>[] = [];
      let restartFailure: unknown;
      const restart = (emulator: () => Promise<void>) =>
        restarts.push(
          restartedEmulator(emulator).catch((error: unknown) => {
            restartFailure = error;
          }),
        );
      let restartedDynamo = false;
      let restartedSqs = false;
      const rowsDone = new Map<string, number>();
      const onProgress = (system: string) => (done: number) => {
        rowsDone.set(system, done);
        const loaded = [...rowsDone.values()].reduce((sum, rows) => sum + rows, 0);
        // ~30% in, restart DynamoDB; ~60% in, restart the SQS emulator (its messages are lost).
        if (!restartedDynamo && loaded >= RECORDS * 0.3) {
          restartedDynamo = true;
          restart(() => platform().restartDynamo());
        } else if (!restartedSqs && loaded >= RECORDS * 0.6) {
          restartedSqs = true;
          restart(() => platform().restartSqs());
        }
      };
      let interruptions = 0;
      const rowsDir = mkdtempSync(join(tmpdir(), 'interop-fault-rows-'));
      const summaries = await Promise.all(
        [...bySystem].map(async ([system, lines]) => {
          const file = join(rowsDir, `${system}.jsonl`);
          writeFileSync(file, `${lines.join('\n')}\n`);
          const token = await platform().tokens.sign({
            userId: `loader-${system}`,
            authority: `${system}:DE`,
            memberState: 'DE',
            roles: ['origin-system'],
            system,
          });
          // The loader retries 5xx a few times, then stops; a rerun resumes where it stopped.
          for (let attempt = 0; ; attempt++) {
            try {
              const summary = await loadRecords({
                api: platform().url,
                system,
                file,
                tokenFor: () => token,
                stateDir: rowsDir,
                // small batches: the restarts fall between batches at any size of the run
                batchSize: 10,
                onProgress: onProgress(system),
              });
              if (summary.complete) return summary;
            } catch (error) {
              interruptions++;
              // resume once an emulator being restarted answers again
              await Promise.all(restarts);
              if (restartFailure) throw restartFailure;
              if (attempt > 30) throw error;
              await sleep(1000);
            }
          }
        }),
      );
      rmSync(rowsDir, { recursive: true, force: true });
      await Promise.all(restarts);
      if (restartFailure) throw restartFailure;
      expect(restartedDynamo && restartedSqs).toBe(true);
      expect(summaries.map((summary) => summary.rejected)).toEqual(summaries.map(() => 0));
      const loadedMs = Date.now() - started;

      const client = DynamoDBDocumentClient.from(
        dynamoClient({
          url: '',
          keyDir: '',
          env: { AWS_REGION: 'eu-central-1', AWS_ENDPOINT_URL_DYNAMODB: platform().dynamo.endpoint },
        }),
      );
      // The outbox drains: no file is left with a pending MID check (lost messages are re-enqueued by
      // the sweeper after its grace period).
      await eventually(
        async () => ((await pendingCheckCount(client, platform().env.CIR_TABLE!)) === 0 ? true : undefined),
        DRAIN_MS,
        'every MID check completed',
      );

      // Every accepted record has its individual file, with no pending check.
      const files = new Map(
        (await scanAll(client, platform().env.CIR_TABLE!))
          .filter((item) => item.sk === 'FILE')
          .map((item) => [checkKey({ system: item.system, recordId: item.recordId }, item.version), item]),
      );
      const accepted = records.map((record) => checkKey(record, 1));
      expect(accepted.filter((key) => !files.has(key))).toEqual([]);
      expect(files.size).toBe(RECORDS);
      expect([...files.values()].filter((file) => file.pendingCheckVersion !== undefined)).toEqual([]);

      // Exactly one completed check per record: one `midCheck` log entry, whatever the restarts, lost
      // messages, sweeps and copies made the consumers run.
      const entries = await midCheckEntries(client, platform().env.AUDIT_TABLE!);
      const checks = checksPerVersion(entries);
      expect(accepted.filter((key) => checks.get(key) !== 1)).toEqual([]);
      expect(entries).toHaveLength(RECORDS);
      const rerun = (await refusedAppends(appends)).length;
      appends.mockRestore();

      // No link twice, none created twice.
      const { links, problems } = await linksAndProblems(client, platform().env.LINKS_TABLE!);
      expect(problems).toEqual([]);
      expect(links.length).toBeGreaterThan(0);

      // The restarts broke no audit chain.
      expect((await new DynamoAuditLog(client, platform().env.AUDIT_TABLE!).verifyAll()).problems).toEqual(
        [],
      );

      // Nothing in the dead-letter queue (a message gets there only after its failures were logged).
      expect(await queueDepth(platform().sqs.endpoint, platform().env.MID_CHECK_QUEUE_DLQ_URL!)).toBe(0);
      client.destroy();
      console.info(
        `fault load: ${RECORDS} records, ${links.length} links, loader interruptions ${interruptions}, checks run again without a second entry ${rerun}, load ${Math.round(loadedMs / 1000)} s, total ${Math.round((Date.now() - started) / 1000)} s`,
      );
    },
    TIMEOUT_MS,
  );
});
