import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { applyLogHolds } from '../../../functions/audit/hold-applier';
import { DynamoAuditLog, retentionEnd } from '../../../functions/audit/store';
import { caller, platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';

const context = platformContext();
const DAY_MS = 86_400_000;
const dayOf = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** Arts 10, 16, 24, 36: entries needed for a monitoring procedure under way are kept beyond the year. */
describe('log holds', () => {
  it('a DPO places a hold (logged, listed); the held days skip the TTL and the chains still verify', async () => {
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'DE-BFDI',
      memberState: 'DE',
      userId: `dpo-hold-${Date.now().toString(36)}`,
    });
    const today = dayOf(0);
    const until = dayOf(2 * 365);

    const refused = await dpo.request('POST', '/v1/audit/holds', {
      from: today,
      to: today,
      until: dayOf(-1),
      reason: 'complaint 2026/114 under investigation',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.until');
    const noReason = await dpo.request('POST', '/v1/audit/holds', { from: today, to: today, until });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('body.reason');

    const placed = await dpo.request('POST', '/v1/audit/holds', {
      from: today,
      to: today,
      until,
      reason: 'complaint 2026/114 under investigation',
    });
    expect(placed.status).toBe(201);
    const holdId = placed.body.holdId as string;
    expect(placed.body).toMatchObject({ from: today, to: today, until, placedBy: { authority: 'DE-BFDI' } });
    const listed = await dpo.request('GET', '/v1/audit/holds');
    expect(listed.body.holds.map((h: { holdId: string }) => h.holdId)).toContain(holdId);
    const log = await dpo.request(
      'GET',
      `/v1/audit?userId=${placed.body.placedBy.userId}&action=placeAuditHold`,
    );
    // Three entries: the two refused attempts and the hold placed.
    const placedEntries = log.body.entries.filter((e: { httpStatus: number }) => e.httpStatus === 201);
    expect(log.body.entries).toHaveLength(3);
    expect(placedEntries).toHaveLength(1);
    expect(placedEntries[0].details).toMatchObject({ holdId, from: today, to: today, until });
    expect(JSON.stringify(log.body.entries)).not.toContain('complaint');

    const client = dynamoClient(context);
    const documents = DynamoDBDocumentClient.from(client);
    const table = context.env.AUDIT_TABLE!;
    const auditLog = new DynamoAuditLog(documents, table);
    const before = (await auditLog.verifyAll(undefined, { from: today, to: today })).problems;
    const heldUntil = Math.floor(Date.parse(until) / 1000) + DAY_MS / 1000;

    await applyLogHolds();

    const chains = await auditLog.chainHeads(today);
    expect(chains.length).toBeGreaterThan(0);
    const registry = await documents.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
        ExpressionAttributeValues: { ':pk': 'CHAINS', ':day': today },
      }),
    );
    const expiries = [...(registry.Items ?? []).map((item) => item.expiresAt as number)];
    for (const { chain } of chains) {
      const items = await documents.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `CHAIN#${chain}` },
        }),
      );
      expiries.push(...(items.Items ?? []).map((item) => item.expiresAt as number));
    }
    // Every item of the held day now expires with the hold, not a year after the day.
    expect(Math.min(...expiries)).toBeGreaterThanOrEqual(heldUntil);
    expect(heldUntil).toBeGreaterThan(retentionEnd(today));
    // Only the expiry changed: verification finds what it found before, nothing new.
    expect((await auditLog.verifyAll(undefined, { from: today, to: today })).problems).toEqual(before);
    client.destroy();
  });
});
