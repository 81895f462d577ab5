import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { OriginSystem } from '../../../functions/shared/systems';
import { DynamoStatisticsStore } from '../../../functions/statistics/store';
import { rowToRecord, syntheticRow } from '../../../local/record-rows';
import { generatePeople } from '../../../local/synthetic/people';
import { deliveringTwice } from '../../support/duplicate-delivery';
import { inBatches } from '../../support/fuzz';
import {
  checkKey,
  checksPerVersion,
  linksAndProblems,
  midCheckEntries,
  pendingCheckCount,
  scanAll,
} from '../../support/mid-integrity';
import { ownPlatform } from '../../support/own-platform';
import { eventually } from '../../support/platform-context';
import { dynamoClient, queueDepth } from '../../support/table-snapshot';

/**
 * At-least-once delivery: a platform of its own whose MID consumer gets every queue batch twice
 * (test/support/duplicate-delivery.ts), while records of several systems are ingested and some are
 * updated. Afterwards no effect happened twice.
 */
const PEOPLE = 80;
const UPDATE_EVERY = 4;
const duplicates = deliveringTwice();
const platform = ownPlatform('dup', {
  workers: true,
  // One poller: the copies of a message never overlap (two consumers handling one message at the
  // same moment: concurrent-delivery.test.ts).
  midConsumers: 1,
  wrapConsumer: duplicates.wrap,
});

describe('every MID check message delivered twice', () => {
  it('completes one check per record version with one log entry, creates no link twice, counts statistics once, notifies once', async () => {
    const records = generatePeople({ people: PEOPLE, seed: 2611 });
    const tokens = new Map<string, string>();
    for (const system of new Set(records.map((r) => r.system)))
      tokens.set(
        system,
        await platform().tokens.sign({
          userId: `dup-${system}`,
          authority: `${system}:DE`,
          memberState: 'DE',
          roles: ['origin-system'],
          system,
        }),
      );
    const put = async (record: (typeof records)[number], version: number) => {
      const row = rowToRecord(syntheticRow(record), version, { memberState: 'DE' });
      if (!row.ok) return undefined;
      const response = await fetch(
        `${platform().url}/v1/systems/${record.system}/records/${record.recordId}`,
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${tokens.get(record.system)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(row.body),
        },
      );
      expect(response.status, await response.text()).toBeLessThan(300);
      return { system: record.system as OriginSystem, recordId: record.recordId, version };
    };
    const written = (await inBatches(records, 8, (record) => put(record, 1))).filter((w) => w !== undefined);
    // Updates while the first checks are still being delivered: each version gets a check of its own.
    const updates = written.filter((_w, i) => i % UPDATE_EVERY === 0);
    const updated = await inBatches(updates, 8, (w) =>
      put(records.find((r) => r.recordId === w.recordId)!, 2),
    );
    expect(written.length).toBeGreaterThan(PEOPLE);

    const client = DynamoDBDocumentClient.from(
      dynamoClient({
        url: '',
        keyDir: '',
        env: { AWS_REGION: 'eu-central-1', AWS_ENDPOINT_URL_DYNAMODB: platform().dynamo.endpoint },
      }),
    );
    await eventually(
      async () => {
        return (await pendingCheckCount(client, platform().env.CIR_TABLE!)) === 0 &&
          (await queueDepth(platform().sqs.endpoint, platform().env.MID_CHECK_QUEUE_URL!)) === 0
          ? true
          : undefined;
      },
      240_000,
      'every MID check done and the queue empty',
    );

    // Every message really was delivered twice (or a multiple of two, after a failed delivery).
    const counts = [...duplicates.deliveries.values()];
    expect(counts.length).toBeGreaterThanOrEqual(written.length + updated.length);
    expect(counts.filter((n) => n < 2 || n % 2 !== 0)).toEqual([]);

    // One completed check, with its one log entry, per record version; the last version of each record checked.
    const perVersion = checksPerVersion(await midCheckEntries(client, platform().env.AUDIT_TABLE!));
    expect([...perVersion].filter(([, n]) => n !== 1)).toEqual([]);
    const latest = new Map(
      [...written, ...updated].filter((w) => w !== undefined).map((w) => [`${w.system}/${w.recordId}`, w]),
    );
    expect([...latest.values()].filter((w) => !perVersion.has(checkKey(w, w.version)))).toEqual([]);

    // No link twice.
    const { links, problems } = await linksAndProblems(client, platform().env.LINKS_TABLE!);
    expect(problems).toEqual([]);
    expect(links.length).toBeGreaterThan(0);

    // Statistics counted once: one `linksCreated` per link, one `linksChanged` per colour change in the histories.
    const days = links.flatMap((link) => link.history.map((h) => h.at.slice(0, 10))).sort();
    const counters = await new DynamoStatisticsStore(client, platform().env.STATISTICS_TABLE!).query({
      from: days[0]!,
      to: days[days.length - 1]!,
    });
    const total = (metric: string) =>
      counters.filter((c) => c.metric === metric).reduce((sum, c) => sum + c.count, 0);
    const changes = links.flatMap((link) =>
      link.history.filter((h) => h.fromColour !== null && h.fromColour !== h.toColour),
    );
    expect(total('linksCreated')).toBe(links.length);
    expect(total('linksChanged')).toBe(changes.length);

    // One notification per record of each link that turned red or white (functions/rights/notifier.ts).
    const notifiable = links.flatMap((link) =>
      link.history.filter(
        (h) => (h.toColour === 'red' || h.toColour === 'white') && h.fromColour !== h.toColour && h.sin,
      ),
    );
    const notifications = (await scanAll(client, platform().env.RIGHTS_TABLE!)).filter(
      (item) => item.sk === 'NOTIFICATION',
    );
    expect(notifications).toHaveLength(2 * notifiable.length);

    // Nothing in the dead-letter queue.
    expect(await queueDepth(platform().sqs.endpoint, platform().env.MID_CHECK_QUEUE_DLQ_URL!)).toBe(0);
    expect((await scanAll(client, platform().env.CIR_TABLE!)).filter((i) => i.sk === 'FILE')).toHaveLength(
      written.length,
    );
    client.destroy();
  }, 600_000);
});
