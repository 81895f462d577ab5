import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PENDING_CHECK_PARTITION } from '../../functions/cir/store';
import { type Link, linkIdFor } from '../../functions/mid/domain/links';
import type { RecordRef } from '../../functions/mid/domain/types';

/** Every item of a table (test-only Scan). */
export async function scanAll(client: DynamoDBDocumentClient, table: string): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** How many files carry the MID outbox marker (a check not completed yet), from the sparse gsi3. */
export async function pendingCheckCount(client: DynamoDBDocumentClient, cirTable: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: cirTable,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :p',
        ExpressionAttributeValues: { ':p': PENDING_CHECK_PARTITION },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

export interface MidCheckEntry {
  record: RecordRef;
  version: number;
}

/** The `midCheck` entries of the access log: one per completed MID check (functions/mid/check-consumer.ts). */
export async function midCheckEntries(
  client: DynamoDBDocumentClient,
  auditTable: string,
): Promise<MidCheckEntry[]> {
  return (await scanAll(client, auditTable))
    .map((item) => item.entry)
    .filter((entry) => entry?.action === 'midCheck')
    .map((entry) => ({ record: entry.records[0], version: entry.details.version }));
}

/** `system/recordId@version` of a check. */
export const checkKey = (record: { system: string; recordId: string }, version: number) =>
  `${record.system}/${record.recordId}@${version}`;

/** How many `midCheck` entries each record version has (exactly one each when no check was logged twice). */
export function checksPerVersion(entries: readonly MidCheckEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const key = checkKey(entry.record, entry.version);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The calls of a spy on `DynamoAuditLog.appendOnce` that found their entry appended already: a check
 * that ran again (a copy of its message, a re-run) and was not logged twice. Calls that failed are
 * not counted (their message was retried).
 */
export async function refusedAppends(spy: { mock: { results: { value: unknown }[] } }) {
  const outcomes = await Promise.allSettled(spy.mock.results.map((result) => result.value));
  return outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value === false);
}

/**
 * The links of the Links table, and what is wrong with them: a link whose id does not derive from its
 * pair, two links of one pair, a link without exactly its two membership items, a membership without a
 * link, a link whose history has it created more than once (a re-run check that did not find it).
 */
export async function linksAndProblems(
  client: DynamoDBDocumentClient,
  linksTable: string,
): Promise<{ links: Link[]; problems: string[] }> {
  const links: Link[] = [];
  const memberships = new Map<string, number>();
  for (const item of await scanAll(client, linksTable)) {
    if (item.sk === 'LINK') links.push(item.link);
    else if (String(item.sk).startsWith('LINK#'))
      memberships.set(item.sk.slice(5), (memberships.get(item.sk.slice(5)) ?? 0) + 1);
  }
  const problems: string[] = [];
  const pairs = new Map<string, string>();
  for (const link of links) {
    const [a, b] = link.records;
    if (link.linkId !== linkIdFor(a, b, process.env.LINK_ID_KEY!))
      problems.push(`${link.linkId}: id does not derive from its pair`);
    const pair = [a, b]
      .map((r) => `${r.system}/${r.recordId}`)
      .sort()
      .join('|');
    if (pairs.has(pair)) problems.push(`${link.linkId}: a second link of ${pair} (${pairs.get(pair)})`);
    pairs.set(pair, link.linkId);
    if (memberships.get(link.linkId) !== 2)
      problems.push(`${link.linkId}: ${memberships.get(link.linkId) ?? 0} membership items`);
    const created = link.history.filter((entry) => entry.event === 'created').length;
    if (created !== 1) problems.push(`${link.linkId}: created ${created} times`);
  }
  const linkIds = new Set(links.map((link) => link.linkId));
  for (const id of memberships.keys())
    if (!linkIds.has(id)) problems.push(`${id}: membership without a link`);
  return { links, problems };
}
