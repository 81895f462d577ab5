import { describe, expect, it } from 'vitest';
import type { LinkWrite } from '../../../functions/mid/domain/link-repository';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { verifyLink } from '../../../functions/mid/domain/verification';
import {
  accuracyCounters,
  accuracyEvents,
  refKey,
} from '../../../functions/statistics/domain/accuracy-events';
import { accuracyReport } from '../../../functions/statistics/domain/accuracy-report';
import { type Counter, isAnonymousCounter } from '../../../functions/statistics/domain/counters';
import {
  NAMING_REGIONS,
  type NamingRegion,
  namingRegion,
  REGION_NATIONALITIES,
} from '../../../functions/statistics/domain/naming-regions';
import type { StoredCounter } from '../../../functions/statistics/domain/ports';
import { isValidNationality } from '../../../functions/statistics/quality/country-codes';
import { ref, verifier, World } from '../mid/links-world';

/** A world whose link writes are kept, and the counters they make (regions from a fixed table). */
function countedWorld() {
  const world = new World();
  const writes: LinkWrite[][] = [];
  const write = world.links.write.bind(world.links);
  world.links.write = async (batch) => {
    await write(batch);
    writes.push([...batch]);
  };
  const regions = new Map<string, NamingRegion>();
  const counters = (): Counter[] =>
    writes.flatMap((batch) => accuracyCounters(accuracyEvents(batch), regions));
  return { world, regions, counters };
}

function stored(counters: readonly Counter[], extra: readonly Counter[] = []): StoredCounter[] {
  const sums = new Map<string, StoredCounter>();
  for (const c of [...counters, ...extra]) {
    const key = JSON.stringify([c.metric, c.day, c.memberState, c.dimensions]);
    const sum = sums.get(key) ?? { ...c, count: 0 };
    sum.count += c.increment;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

const checks = (region: NamingRegion, count: number): Counter => ({
  metric: 'midChecks',
  day: '2026-01-01',
  memberState: 'DE',
  dimensions: { region },
  increment: count,
});

/** `n` EES files of Germany, each with a VIS file of similar identity: `n` yellow links routed to EES:DE. */
async function yellowPairs(
  setup: ReturnType<typeof countedWorld>,
  n: number,
  region: NamingRegion,
  prefix: string,
): Promise<[RecordRef, RecordRef][]> {
  const pairs: [RecordRef, RecordRef][] = [];
  for (let i = 0; i < n; i++) {
    const ees = ref('EES', `${prefix}e${i}`);
    const vis = ref('VIS', `${prefix}v${i}`);
    setup.world.add(ees, { memberState: 'DE' });
    setup.world.add(vis, { memberState: 'IT' });
    setup.world.relate(ees, vis, { identity: 'similar' });
    setup.regions.set(refKey(ees), region);
    await setup.world.check(ees);
    pairs.push([ees, vis]);
  }
  return pairs;
}

async function verify(
  setup: ReturnType<typeof countedWorld>,
  [a, b]: [RecordRef, RecordRef],
  colour: 'white' | 'green' | 'red',
  afterHours: number,
) {
  setup.world.tick(afterHours * 3600);
  const linkId = setup.world.links.idFor(a, b);
  const link = await setup.world.links.get(linkId);
  await verifyLink(
    linkId,
    { colour, justification: 'compared at the counter', expectedVersion: link!.version },
    verifier('EES:DE'),
    setup.world.ports(),
  );
}

describe('MID accuracy from verifiers decisions', () => {
  it('counts created, verified, waiting and the labelled shares per reason code, with suppression', async () => {
    const setup = countedWorld();
    const pairs = await yellowPairs(setup, 12, 'latinScript', 'a');
    // Five verified 2 hours after their creation, five 30 hours after.
    for (const [i, pair] of pairs.slice(0, 5).entries()) await verify(setup, pair, 'white', i === 0 ? 2 : 0);
    for (const [i, pair] of pairs.slice(5, 10).entries())
      await verify(setup, pair, 'green', i === 0 ? 28 : 0);
    // One green decision corrected later: white (same person after all).
    await verify(setup, pairs[5]!, 'white', 1);

    const report = accuracyReport(stored(setup.counters()), 1.5);
    const reason = report.byReason.find((row) => row.reason === 'identity-match-biometrics-different')!;
    expect(reason).toMatchObject({
      article: 'Art 28(4), Art 30',
      created: 12,
      verified: 10,
      waiting: null, // 2 still waiting: below 5, suppressed
      rectified: null, // 1
      sameShare: 0.6,
      differentShare: 0.4,
    });
    // 5 waited 2 h (1h-4h), 5 waited 30 h (1d-3d): the (lower) median is in 1h-4h.
    expect(reason.medianTimeToVerification).toEqual({ bucket: '1h-4h', fromHours: 1, toHours: 4 });
    expect(report.bySystems).toEqual([
      expect.objectContaining({ systems: 'EES-VIS', created: 12, verified: 10 }),
    ]);
    expect(report.total.created).toBe(12);
  });

  it('a link that leaves the queue automatically is no longer waiting; shares need 5 decisions', async () => {
    const setup = countedWorld();
    const pairs = await yellowPairs(setup, 7, 'cyrillicScript', 'b');
    setup.world.tick(60);
    for (const [ees, vis] of pairs.slice(0, 2)) {
      setup.world.relate(ees, vis, { identity: 'similar', biometrics: true });
      await setup.world.check(ees); // biometrics now match: white automatically (Art 33(1)(a))
    }
    await verify(setup, pairs[2]!, 'red', 1);
    const report = accuracyReport(stored(setup.counters()), 1.5);
    const yellow = report.byReason.find((row) => row.reason === 'identity-match-biometrics-different')!;
    expect(yellow).toMatchObject({ created: 7, verified: null, waiting: null, sameShare: null });
    const white = report.byReason.find((row) => row.reason === 'art33-1a-biometrics-and-identity');
    expect(white).toBeUndefined(); // reclassified, not created under that reason
    const cyrillic = report.byRegion.find((row) => row.region === 'cyrillicScript')!;
    expect(cyrillic.created).toBe(7);
    // 7 entered the queue, 2 left automatically, 1 was verified: 4 wait (suppressed), not 7.
    const waiting = stored(setup.counters()).filter((c) => c.dimensions.event === 'leftYellow');
    expect(waiting.reduce((sum, c) => sum + c.count, 0)).toBe(2);
  });

  it('burden per 1,000 checks and green share by naming region, with the fairness flag', async () => {
    const setup = countedWorld();
    const arabic = await yellowPairs(setup, 10, 'arabicScript', 'c');
    const latin = await yellowPairs(setup, 10, 'latinScript', 'd');
    for (const [i, pair] of arabic.entries()) await verify(setup, pair, i < 8 ? 'green' : 'white', 1);
    for (const [i, pair] of latin.entries()) await verify(setup, pair, i < 1 ? 'green' : 'white', 1);
    const counters = stored(setup.counters(), [checks('arabicScript', 500), checks('latinScript', 4000)]);

    const report = accuracyReport(counters, 1.5);
    const region = (name: string) => report.byRegion.find((row) => row.region === name)!;
    expect(report.total.differentShare).toBe(0.45);
    expect(region('arabicScript')).toMatchObject({
      checks: 500,
      yellowCreated: 10,
      yellowPer1000Checks: 20,
      differentShare: 0.8,
      flagged: true, // 0.8 > 1.5 x 0.45
    });
    expect(region('latinScript')).toMatchObject({
      yellowPer1000Checks: 2.5,
      differentShare: 0.1,
      flagged: false,
    });
    expect(region('eastAsian')).toMatchObject({
      created: 0,
      checks: 0,
      differentShare: null,
      flagged: false,
    });
    // A stricter ratio flags nothing.
    expect(accuracyReport(counters, 2).byRegion.some((row) => row.flagged)).toBe(false);
  });

  it('counters hold categorical dimensions only: no record id reaches them', async () => {
    const setup = countedWorld();
    const pairs = await yellowPairs(setup, 3, 'southAsian', 'secret-id-');
    await verify(setup, pairs[0]!, 'green', 1);
    await verify(setup, pairs[0]!, 'white', 1);
    const counters = setup.counters();
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every(isAnonymousCounter)).toBe(true);
    expect(JSON.stringify(counters)).not.toContain('secret-id-');
  });
});

describe('naming regions', () => {
  it('derives the region from the first nationality', () => {
    expect(namingRegion(['SYR', 'DEU'])).toBe('arabicScript');
    expect(namingRegion(['ukr'])).toBe('cyrillicScript');
    expect(namingRegion(['CHN'])).toBe('eastAsian');
    expect(namingRegion(['PAK'])).toBe('southAsian');
    expect(namingRegion(['NGA'])).toBe('latinScript');
    expect(namingRegion(['GRC'])).toBe('other');
    expect(namingRegion(['XXA'])).toBe('other');
    expect(namingRegion(['ZZZ'])).toBe('other');
    expect(namingRegion([])).toBe('unknown');
    expect(namingRegion(undefined)).toBe('unknown');
  });

  it('the published grouping lists valid codes, each in one region', () => {
    const codes = Object.values(REGION_NATIONALITIES).flat();
    expect(codes.filter((code) => !isValidNationality(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [region, list] of Object.entries(REGION_NATIONALITIES)) {
      expect(NAMING_REGIONS).toContain(region);
      for (const code of list) expect(namingRegion([code])).toBe(region);
    }
  });
});
