import { DeleteItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../../functions/audit/store';
import { caller, platformContext } from '../../support/platform-context';
import { dynamoClient } from '../../support/table-snapshot';

const context = platformContext();

describe('audit log tamper evidence', () => {
  it('is intact after normal traffic, and detects an altered and a deleted entry', async () => {
    const dpo = await caller(context, ['data-protection-officer'], {
      authority: 'EDPS',
      userId: 'dpo-tamper',
    });
    for (let i = 0; i < 12; i++) expect((await dpo.request('GET', '/v1/audit?limit=1')).status).toBe(200);
    const client = dynamoClient(context);
    const table = context.env.AUDIT_TABLE!;
    const log = new DynamoAuditLog(DynamoDBDocumentClient.from(client), table);
    expect((await log.verifyAll()).problems).toEqual([]);

    const day = new Date().toISOString().slice(0, 10);
    const chain = `CHAIN#${day}#0`;
    const entries = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': { S: chain }, ':e': { S: 'E#' } },
      }),
    );
    expect((entries.Items ?? []).length).toBeGreaterThanOrEqual(3);
    const [first, second] = entries.Items!;
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: first!.pk!, sk: first!.sk! },
        UpdateExpression: 'SET #e.#r = :r',
        ExpressionAttributeNames: { '#e': 'entry', '#r': 'resultType' },
        ExpressionAttributeValues: { ':r': { S: 'denied' } },
      }),
    );
    await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: second!.pk!, sk: second!.sk! } }));

    const problems = (await log.verifyAll()).problems.filter((p) => p.chain === `${day}#0`);
    expect(problems).toContainEqual({ chain: `${day}#0`, seq: 1, problem: 'altered' });
    expect(problems.map((p) => p.problem)).toContain('missing');
    client.destroy();
  });
});
