import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorChainHeads } from '../../../functions/audit/anchor-worker';
import { chainEntry } from '../../../functions/audit/domain/chain';
import type { ChainedAuditEntry } from '../../../functions/audit/domain/entry';
import { ownPlatform } from '../../support/own-platform';

/**
 * An attacker who can write to the audit table (and knows the hash chain's algorithm) against
 * `npm run audit:verify`, run as a user runs it: a child process over the platform's data directory.
 * Each case tampers with one chain after its head was signed and anchored, expects exit 1 with the
 * problem named, then restores the items and expects the log intact again.
 */
const platform = ownPlatform('anchors', { onDisk: true });
const run = promisify(execFile);

let client: DynamoDBDocumentClient | undefined;
const db = () => {
  client ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: platform().dynamo.endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return client;
};
afterAll(() => client?.destroy());

async function auditVerify(): Promise<{ code: number; stderr: string; summary: { problems: number } }> {
  const { env } = platform();
  const args = ['run', '-s', 'audit:verify', '--', '--endpoint', platform().dynamo.endpoint];
  try {
    const { stdout, stderr } = await run('npm', [...args, '--table', env.AUDIT_TABLE!], {
      // The platform's data directory, as `.local/` is for `npm start`: keys/ and audit-anchors/.
      env: { ...process.env, LOCAL_DATA_DIR: dirname(env.AUDIT_ANCHOR_DIR!) },
    });
    return { code: 0, stderr, summary: JSON.parse(stdout.trim().split('\n').at(-1)!) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      code: failed.code,
      stderr: failed.stderr,
      summary: JSON.parse(failed.stdout.trim().split('\n').at(-1)!),
    };
  }
}

type Item = Record<string, unknown> & { pk: string; sk: string; entry?: ChainedAuditEntry };
const chainItems = async (chain: string): Promise<Item[]> =>
  (
    await db().send(
      new QueryCommand({
        TableName: platform().env.AUDIT_TABLE!,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CHAIN#${chain}` },
      }),
    )
  ).Items as Item[];
const registryItem = async (chain: string): Promise<Item> =>
  (
    await db().send(
      new QueryCommand({
        TableName: platform().env.AUDIT_TABLE!,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': 'CHAINS', ':sk': chain },
      }),
    )
  ).Items![0] as Item;
const put = (item: Item) => db().send(new PutCommand({ TableName: platform().env.AUDIT_TABLE!, Item: item }));
const remove = (item: Item) =>
  db().send(new DeleteCommand({ TableName: platform().env.AUDIT_TABLE!, Key: { pk: item.pk, sk: item.sk } }));
const entriesOf = (items: Item[]) => items.filter((item) => String(item.sk).startsWith('E#'));
const headOf = (items: Item[]) => items.find((item) => item.sk === 'HEAD')!;

describe('npm run audit:verify against an attacker with write access to the audit table', () => {
  let chains: string[] = [];

  it('finds the log intact after normal traffic once the heads are anchored', async () => {
    const token = await platform().tokens.sign({
      userId: 'dpo-anchors',
      authority: 'EDPS',
      memberState: 'EU',
      roles: ['data-protection-officer'],
    });
    for (let i = 0; i < 48; i++) {
      const reply = await fetch(`${platform().url}/v1/audit?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(reply.status).toBe(200);
    }
    const anchor = await anchorChainHeads();
    expect(anchor?.heads.length).toBeGreaterThanOrEqual(4);
    // The four longest chains: one per tampering case.
    const lengths = await Promise.all(
      anchor!.heads.map(async (head) => ({ chain: head.chain, entries: head.seq })),
    );
    chains = lengths
      .sort((a, b) => b.entries - a.entries)
      .slice(0, 4)
      .map((c) => c.chain);
    expect(lengths.filter((c) => chains.includes(c.chain)).every((c) => c.entries >= 3)).toBe(true);

    const clean = await auditVerify();
    expect(clean.stderr).toContain('intact');
    expect(clean.code).toBe(0);
    expect(clean.summary.problems).toBe(0);
  });

  it('detects the last entry of a chain deleted and the head moved back, even once that state is signed', async () => {
    const chain = chains[0]!;
    const items = await chainItems(chain);
    const entries = entriesOf(items);
    const last = entries.at(-1)!;
    const before = entries.at(-2)!.entry as ChainedAuditEntry;
    const head = headOf(items);
    await remove(last);
    await put({ ...head, seq: before.seq, hash: before.hash });
    // The hash chain alone is consistent now: only the anchored head contradicts it.
    const found = await auditVerify();
    expect(found.code).toBe(1);
    expect(found.summary.problems).toBe(1);
    expect(found.stderr).toContain(`chain ${chain}, entry ${last.entry!.seq}: anchor-mismatch`);
    // The signer runs again over the tampered chain: the earlier anchor still contradicts it.
    await anchorChainHeads();
    expect((await auditVerify()).stderr).toContain(
      `chain ${chain}, entry ${last.entry!.seq}: anchor-mismatch`,
    );

    await put(last);
    await put(head);
    expect((await auditVerify()).code).toBe(0);
  });

  it('detects an entry altered with every later hash recomputed', async () => {
    const chain = chains[1]!;
    const items = await chainItems(chain);
    const original = entriesOf(items);
    let prevHash = (original[0]!.entry as ChainedAuditEntry).hash;
    const rewritten = original.map((item, index) => {
      const { chain: _c, seq, prevHash: _p, hash: _h, ...input } = item.entry as ChainedAuditEntry;
      if (index === 0) return item;
      const entry = chainEntry(
        index === 1 ? { ...input, resultType: 'denied', httpStatus: 403 } : input,
        chain,
        seq,
        prevHash,
      );
      prevHash = entry.hash;
      return { ...item, entry };
    });
    for (const item of rewritten.slice(1)) await put(item);
    await put({ ...headOf(items), hash: prevHash });

    const found = await auditVerify();
    expect(found.code).toBe(1);
    expect(found.summary.problems).toBe(1);
    expect(found.stderr).toMatch(new RegExp(`chain ${chain}, entry \\d+: anchor-mismatch`));

    for (const item of original) await put(item);
    await put(headOf(items));
    expect((await auditVerify()).code).toBe(0);
  });

  it("detects a chain's registry item deleted", async () => {
    const chain = chains[2]!;
    const registry = await registryItem(chain);
    await remove(registry);
    const found = await auditVerify();
    expect(found.code).toBe(1);
    expect(found.summary.problems).toBe(1);
    expect(found.stderr).toContain(`chain ${chain}: registry-missing`);
    await put(registry);
    expect((await auditVerify()).code).toBe(0);
  });

  it("detects a registry item's expiry set in the past", async () => {
    const chain = chains[3]!;
    const registry = await registryItem(chain);
    await put({ ...registry, expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const found = await auditVerify();
    expect(found.code).toBe(1);
    expect(found.summary.problems).toBe(1);
    expect(found.stderr).toContain(`chain ${chain}: registry-expiry-altered`);
    await put(registry);
    expect((await auditVerify()).code).toBe(0);
  });

  it('refuses an anchor not signed by the signing key', async () => {
    const dir = platform().env.AUDIT_ANCHOR_DIR!;
    const today = new Date().toISOString().slice(0, 10);
    const anchor = {
      version: 1,
      signedAt: new Date().toISOString(),
      days: [today],
      heads: [{ chain: chains[0], seq: 1, hash: 'f'.repeat(64) }],
      keyId: 'local:forged',
      signature: Buffer.from('forged').toString('base64'),
    };
    writeFileSync(join(dir, today, 'forged.json'), JSON.stringify(anchor));
    const found = await auditVerify();
    expect(found.code).toBe(1);
    expect(found.stderr).toContain(`anchor ${today}/forged.json: anchor-signature-invalid`);
  });
});
