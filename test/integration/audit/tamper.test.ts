import { DeleteItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../../functions/audit/store';
import { AUDIT_PARTITIONS } from '../../../lib/resources';
import { caller, platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';

const context = platformContext();

describe('audit log tamper evidence', () => {
  it('is intact after normal traffic, and detects an altered and a deleted entry', async () => {
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      userId: 'dpo-tamper',
    });
    for (let i = 0; i < 24; i++) expect((await dpo.request('GET', '/v1/audit?limit=1')).status).toBe(200);
    const client = dynamoClient(context);
    const table = context.env.AUDIT_TABLE!;
    const log = new DynamoAuditLog(DynamoDBDocumentClient.from(client), table);
    expect((await log.verifyAll()).problems).toEqual([]);

    // Entries spread over the day's chains by request id: tamper with the longest one.
    const day = new Date().toISOString().slice(0, 10);
    const chains = await Promise.all(
      Array.from({ length: AUDIT_PARTITIONS }, async (_, partition) => {
        const found = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
            ExpressionAttributeValues: { ':pk': { S: `CHAIN#${day}#${partition}` }, ':e': { S: 'E#' } },
          }),
        );
        return { name: `${day}#${partition}`, entries: found };
      }),
    );
    const { name: chain, entries } = chains.reduce((a, b) =>
      (b.entries.Items ?? []).length > (a.entries.Items ?? []).length ? b : a,
    );
    expect((entries.Items ?? []).length).toBeGreaterThanOrEqual(3);
    const [first, second] = entries.Items!;
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: first!.pk!, sk: first!.sk! },
        UpdateExpression: 'SET #e.#r = :r',
        ExpressionAttributeNames: { '#e': 'entry', '#r': 'resultType' },
        // A value other than the entry's own (an entry of a refused request is already `denied`).
        ExpressionAttributeValues: {
          ':r': { S: first!.entry!.M!.resultType!.S === 'denied' ? 'success' : 'denied' },
        },
      }),
    );
    await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: second!.pk!, sk: second!.sk! } }));

    const problems = (await log.verifyAll()).problems.filter((p) => p.chain === chain);
    expect(problems).toContainEqual({ chain, seq: 1, problem: 'altered' });
    expect(problems.map((p) => p.problem)).toContain('missing');
    client.destroy();
  });

  it('verifies a range of days through the API: the last 7 by default, at most 31', async () => {
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      userId: 'dpo-range',
    });
    const today = new Date().toISOString().slice(0, 10);
    const daysBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

    const recent = await dpo.request('GET', '/v1/audit/verification');
    expect(recent.status).toBe(200);
    expect(recent.body).toMatchObject({ from: daysBefore(6), to: today });
    expect(recent.body.chains).toBeGreaterThan(0);
    expect(recent.body.entries).toBeGreaterThan(0);

    // This platform was started today: the week before holds no chain.
    const before = await dpo.request(
      'GET',
      `/v1/audit/verification?from=${daysBefore(8)}&to=${daysBefore(1)}`,
    );
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ chains: 0, entries: 0, problems: [] });

    const tooLong = await dpo.request('GET', `/v1/audit/verification?from=${daysBefore(40)}&to=${today}`);
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body.error.details)).toContain('query.from');
    const reversed = await dpo.request('GET', `/v1/audit/verification?from=${today}&to=${daysBefore(1)}`);
    expect(reversed.status).toBe(400);
  });
});
