import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type CirFileFields, CirReader, toMidFile } from '../cir-reader';
import { blockingKeysOfRecord } from '../domain/blocking';
import type { IndividualFile } from '../domain/check';
import { type Link, recordKey } from '../domain/links';
import { DynamoLinkRepository } from '../link-store';
import { type Configs, emptyTally, type ReplayTally, replayLink, replayUnlinkedPair } from './replay';

export interface SegmentInput {
  segment: number;
  totalSegments: number;
  /** Only links created, and sample files written, on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Files sampled in this segment for pairs without a link. */
  sampleFiles: number;
}

export interface ReplayTables {
  client: DynamoDBDocumentClient;
  linksTable: string;
  cirTable: string;
}

/**
 * One segment of a replay: a parallel Scan segment of the links table (every link once over all
 * segments) and the first `sampleFiles` files of the same segment of the CIR table. Reads only.
 * A batch job's Scan, never on a request path: the Distributed Map runs one segment per child.
 */
export async function replaySegment(
  tables: ReplayTables,
  input: SegmentInput,
  configs: Configs,
  progress: (done: number) => void = () => {},
): Promise<ReplayTally> {
  const tally = emptyTally();
  const reader = new CirReader(tables.client, tables.cirTable);
  for await (const items of scan(tables, tables.linksTable, input, 'LINK', 'link.createdAt')) {
    const links = items.map((item) => item.link as Link);
    const files = new Map(
      (await reader.files(links.flatMap((link) => link.records))).map((file) => [recordKey(file.ref), file]),
    );
    for (const link of links) {
      replayLink(
        tally,
        link,
        [files.get(recordKey(link.records[0])), files.get(recordKey(link.records[1]))],
        configs,
      );
    }
    progress(tally.links);
  }
  if (input.sampleFiles > 0) await replaySample(tables, reader, input, configs, tally);
  return tally;
}

async function replaySample(
  tables: ReplayTables,
  reader: CirReader,
  input: SegmentInput,
  configs: Configs,
  tally: ReplayTally,
): Promise<void> {
  const links = new DynamoLinkRepository(tables.client, tables.linksTable);
  const seen = new Set<string>();
  for await (const items of scan(tables, tables.cirTable, input, 'FILE', 'updatedAt')) {
    for (const item of items) {
      if (tally.sample.files >= input.sampleFiles) return;
      const file: IndividualFile = toMidFile(item as CirFileFields);
      tally.sample.files++;
      const linked = new Set(
        (await links.listByRecord(file.ref)).flatMap((link) => link.records.map((ref) => recordKey(ref))),
      );
      const refs = (
        await reader.candidates(blockingKeysOfRecord(file.identity, file.travelDocuments))
      ).filter((ref) => ref.system !== file.ref.system && !linked.has(recordKey(ref)));
      for (const other of await reader.files(refs)) {
        const pair = [recordKey(file.ref), recordKey(other.ref)].sort().join('|');
        if (seen.has(pair)) continue;
        seen.add(pair);
        replayUnlinkedPair(tally, file, other, configs);
      }
    }
  }
}

/** Pages of one Scan segment, items of one sort key, optionally written since a day. */
async function* scan(
  tables: ReplayTables,
  tableName: string,
  input: SegmentInput,
  sk: string,
  dateAttribute: string,
): AsyncGenerator<Record<string, unknown>[]> {
  const path = dateAttribute.split('.');
  const dateName = path.map((_, i) => `#d${i}`).join('.');
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await tables.client.send(
      new ScanCommand({
        TableName: tableName,
        Segment: input.segment,
        TotalSegments: input.totalSegments,
        FilterExpression: input.since ? `sk = :sk AND ${dateName} >= :since` : 'sk = :sk',
        ExpressionAttributeNames: input.since
          ? Object.fromEntries(path.map((name, i) => [`#d${i}`, name]))
          : undefined,
        ExpressionAttributeValues: { ':sk': sk, ...(input.since ? { ':since': input.since } : {}) },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    if (page.Items?.length) yield page.Items;
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
}
