import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { DynamoAuditLog } from '../../../functions/audit/store';
import { lambdaContext } from '../../../local/api-server';
import type { SqsHandler } from '../../../local/queue-poller';
import { rowToRecord, syntheticRow } from '../../../local/record-rows';
import { generatePeople } from '../../../local/synthetic/people';
import { inBatches } from '../../support/fuzz';
import {
  checkKey,
  checksPerVersion,
  linksAndProblems,
  midCheckEntries,
  refusedAppends,
  scanAll,
} from '../../support/mid-integrity';
import { ownPlatform } from '../../support/own-platform';
import { dynamoClient } from '../../support/table-snapshot';

/**
 * Two consumers handle one MID check message at the same moment (several pollers, a check that
 * outlasts the visibility timeout): both run the check, and the completed check is logged once.
 */
const PEOPLE = 12;
// No workers: the test is the only consumer, and hands every message to two consumers at once.
const platform = ownPlatform('twin');

describe('one MID check message handled by two consumers at once', () => {
  it('logs one completed check per record, creates no link twice, and keeps the audit chains intact', async () => {
    const records = generatePeople({ people: PEOPLE, seed: 4107 });
    const written = (
      await inBatches(records, 8, async (record) => {
        const row = rowToRecord(syntheticRow(record), 1, { memberState: 'DE' });
        if (!row.ok) return undefined;
        const token = await platform().tokens.sign({
          userId: `twin-${record.system}`,
          authority: `${record.system}:DE`,
          memberState: 'DE',
          roles: ['origin-system'],
          system: record.system,
        });
        const response = await fetch(
          `${platform().url}/v1/systems/${record.system}/records/${record.recordId}`,
          {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(row.body),
          },
        );
        expect(response.status, await response.text()).toBe(201);
        return { system: record.system, recordId: record.recordId };
      })
    ).filter((ref) => ref !== undefined);
    expect(written.length).toBeGreaterThan(PEOPLE);

    const { handler } = (await import('../../../functions/mid/check-consumer')) as { handler: SqsHandler };
    const message = (ref: (typeof written)[number]): SQSRecord => ({
      messageId: `twin-${ref.system}-${ref.recordId}`,
      receiptHandle: 'local',
      body: JSON.stringify({ ...ref, version: 1 }),
      attributes: { ApproximateReceiveCount: '1' } as SQSRecord['attributes'],
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-central-1:000000000000:twin',
      awsRegion: 'eu-central-1',
    });
    // Every message to two consumers at the same moment; a delivery that fails is delivered again.
    const deliver = async (record: SQSRecord) => {
      for (let round = 0; round < 5; round++) {
        const replies = await Promise.all(
          [0, 1].map((copy) =>
            handler({ Records: [record] }, lambdaContext('mid-check', `${record.messageId}-${copy}`)),
          ),
        );
        if (replies.every((reply) => !reply?.batchItemFailures.length)) return;
      }
      throw new Error(`${record.messageId} still failing`);
    };
    const appends = vi.spyOn(DynamoAuditLog.prototype, 'appendOnce');
    await inBatches(written, 4, (ref) => deliver(message(ref)));
    // The copies did overlap: some second copy ran its check to the end, and its entry was refused.
    expect((await refusedAppends(appends)).length).toBeGreaterThan(0);
    appends.mockRestore();

    const client = DynamoDBDocumentClient.from(
      dynamoClient({
        url: '',
        keyDir: '',
        env: { AWS_REGION: 'eu-central-1', AWS_ENDPOINT_URL_DYNAMODB: platform().dynamo.endpoint },
      }),
    );
    const entries = await midCheckEntries(client, platform().env.AUDIT_TABLE!);
    const checks = checksPerVersion(entries);
    expect(written.filter((ref) => checks.get(checkKey(ref, 1)) !== 1)).toEqual([]);
    expect(entries).toHaveLength(written.length);

    const files = (await scanAll(client, platform().env.CIR_TABLE!)).filter((item) => item.sk === 'FILE');
    expect(files.filter((file) => file.pendingCheckVersion !== undefined)).toEqual([]);
    const { links, problems } = await linksAndProblems(client, platform().env.LINKS_TABLE!);
    expect(problems).toEqual([]);
    expect(links.length).toBeGreaterThan(0);
    const chains = await new DynamoAuditLog(client, platform().env.AUDIT_TABLE!).verifyAll();
    expect(chains.problems).toEqual([]);
    client.destroy();
  }, 300_000);
});
