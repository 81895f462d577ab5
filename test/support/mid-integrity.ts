import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
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

/**
 * The links of the Links table, and what is wrong with them: a link whose id does not derive from its
 * pair, two links of one pair, a link without exactly its two membership items, a membership without a link.
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
    if (link.linkId !== linkIdFor(a, b)) problems.push(`${link.linkId}: id does not derive from its pair`);
    const pair = [a, b]
      .map((r) => `${r.system}/${r.recordId}`)
      .sort()
      .join('|');
    if (pairs.has(pair)) problems.push(`${link.linkId}: a second link of ${pair} (${pairs.get(pair)})`);
    pairs.set(pair, link.linkId);
    if (memberships.get(link.linkId) !== 2)
      problems.push(`${link.linkId}: ${memberships.get(link.linkId) ?? 0} membership items`);
  }
  const linkIds = new Set(links.map((link) => link.linkId));
  for (const id of memberships.keys())
    if (!linkIds.has(id)) problems.push(`${id}: membership without a link`);
  return { links, problems };
}
