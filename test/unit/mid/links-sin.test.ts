import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MidDomainError } from '../../../functions/mid/domain/errors';
import { sinGroups } from '../../../functions/mid/domain/groups';
import { type Link, recordKey } from '../../../functions/mid/domain/links';
import { mintSin } from '../../../functions/mid/domain/sin';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { verifyLink } from '../../../functions/mid/domain/verification';
import { ref, verifier, World } from './links-world';

const [a, b, c, d, e] = [ref('EES', 'a'), ref('VIS', 'b'), ref('SIS', 'c'), ref('EES', 'd'), ref('VIS', 'e')];

async function sinOf(world: World, x: RecordRef, y: RecordRef): Promise<string | undefined> {
  return (await world.links.get(world.links.idFor(x, y)))?.sin;
}

/** Files a-b-c-d-e joined by white links in a chain, all checked at the same time. */
async function chain(world: World, files: RecordRef[]): Promise<void> {
  for (const file of files) world.add(file);
  for (const [index, file] of files.slice(1).entries()) {
    const previous = files[index];
    if (previous) world.relate(previous, file, { biometrics: true, identity: 'same' });
  }
  for (const file of files) await world.check(file);
}

describe('single identification number', () => {
  it('sorts by creation time', () => {
    const older = mintSin('2026-01-01T00:00:00.000Z', ['EES/z']);
    const younger = mintSin('2026-01-01T00:00:00.001Z', ['EES/a']);
    expect(older < younger).toBe(true);
  });

  it('is shared by every white and red link of a group', async () => {
    const world = new World();
    await chain(world, [a, b, c]);
    const sin = await sinOf(world, a, b);
    expect(sin).toBeDefined();
    expect(await sinOf(world, b, c)).toBe(sin);
  });

  it('keeps the oldest SIN when a new white link merges two groups', async () => {
    const world = new World();
    await chain(world, [a, b]);
    world.tick();
    await chain(world, [c, d]);
    const [older, younger] = [await sinOf(world, a, b), await sinOf(world, c, d)];
    expect(older).not.toBe(younger);

    world.tick();
    world.relate(b, c, { biometrics: true, identity: 'same' });
    await world.check(b);

    expect(await sinOf(world, b, c)).toBe(older);
    expect(await sinOf(world, c, d)).toBe(older);
    const moved = await world.links.get(world.links.idFor(c, d));
    expect(moved?.history.at(-1)).toMatchObject({ event: 'sin-changed', by: { kind: 'mid' }, sin: older });
    expect((await world.links.get(world.links.idFor(a, b)))?.history.map((entry) => entry.event)).toEqual([
      'created',
    ]);
  });

  it('follows the remaining files when a file at the edge of the group is deleted', async () => {
    const world = new World();
    await chain(world, [a, b, c, d]);
    const sin = await sinOf(world, a, b);

    world.tick();
    await world.remove(a);

    expect(await sinOf(world, b, c)).toBe(sin);
    expect(await sinOf(world, c, d)).toBe(sin);
    expect((await world.links.get(world.links.idFor(c, d)))?.version).toBe(1);
  });

  it('stays with the larger part when a deletion splits the group; the other part gets a new SIN', async () => {
    const world = new World();
    const f = ref('SIS', 'f');
    await chain(world, [a, b, c, d, e, f]);
    const sin = await sinOf(world, a, b);

    world.tick();
    await world.remove(c);

    // Parts {EES/a, VIS/b} and {EES/d, VIS/e, SIS/f}: size beats the smaller record key.
    expect(await sinOf(world, d, e)).toBe(sin);
    expect(await sinOf(world, e, f)).toBe(sin);
    const fresh = await sinOf(world, a, b);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(sin);
  });

  it('gives the part holding the smallest record key the SIN when both parts are equal', async () => {
    const world = new World();
    await chain(world, [a, b, c, d, e]);
    const sin = await sinOf(world, a, b);

    world.tick();
    await world.remove(c);

    // Parts {EES/a, VIS/b} and {EES/d, VIS/e}: "EES/a" is the smallest key.
    expect(await sinOf(world, a, b)).toBe(sin);
    const other = await sinOf(world, d, e);
    expect(other).toBeDefined();
    expect(other).not.toBe(sin);
    expect((await world.links.get(world.links.idFor(d, e)))?.history.at(-1)).toMatchObject({
      event: 'sin-changed',
      sin: other,
    });
  });

  it('splits a group when a verifier turns a white link green', async () => {
    const world = new World();
    await chain(world, [a, b, c]);
    const sin = await sinOf(world, a, b);
    const link = await world.links.get(world.links.idFor(b, c));

    await verifyLink(
      world.links.idFor(b, c),
      {
        colour: 'green',
        justification: 'different persons, same name and birth date',
        expectedVersion: link?.version ?? 0,
      },
      verifier(link?.responsibleAuthority ?? ''),
      world.ports(),
    );

    expect(await sinOf(world, a, b)).toBe(sin);
    expect(await sinOf(world, b, c)).toBeUndefined();
  });
});

describe('SIN groups after any sequence of operations (property)', () => {
  const files = [ref('EES', '1'), ref('VIS', '2'), ref('SIS', '3'), ref('ETIAS', '4'), ref('EURODAC', '5')];
  const fileIndex = fc.integer({ min: 0, max: files.length - 1 });
  const relation = fc.record({
    biometrics: fc.boolean(),
    identity: fc.constantFrom('same' as const, 'similar' as const, 'different' as const),
    document: fc.boolean(),
  });
  // Weighted towards relating and checking, so that most runs build, merge and split groups.
  const operation = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('relate' as const), x: fileIndex, y: fileIndex, relation }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('check' as const), x: fileIndex }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), x: fileIndex }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('verify' as const),
        x: fileIndex,
        y: fileIndex,
        colour: fc.constantFrom('white' as const, 'green' as const, 'red' as const),
      }),
    },
  );

  it('equal the connected components of the white and red links, one SIN each', async () => {
    const largestGroups: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 20, maxLength: 40 }), async (operations) => {
        const world = new World();
        for (const file of files) world.add(file, { hasBiometrics: file.system !== 'ETIAS' });
        for (const op of operations) {
          world.tick();
          await apply(world, op);
        }
        const links = await allLinks(world);
        const groups = sinGroups(links);
        const sins = groups.map((group) => new Set(group.links.map((link) => link.sin)));
        for (const groupSins of sins) {
          expect(groupSins.size).toBe(1);
          expect([...groupSins][0]).toBeDefined();
        }
        expect(new Set(sins.map((groupSins) => [...groupSins][0])).size).toBe(groups.length);
        for (const link of links)
          if (link.colour === 'yellow' || link.colour === 'green') expect(link.sin).toBeUndefined();
        largestGroups.push(Math.max(0, ...groups.map((group) => group.files.length)));
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if the runs built real groups.
    expect(largestGroups.filter((size) => size >= 3).length).toBeGreaterThan(30);
  });

  async function apply(world: World, op: Operation): Promise<void> {
    const x = files[op.x];
    if (!x) return;
    if (op.kind === 'check') return void (await world.check(x));
    if (op.kind === 'remove') {
      await world.remove(x);
      world.add(x, { hasBiometrics: x.system !== 'ETIAS' });
      return;
    }
    const y = files[op.y];
    if (!y || op.x === op.y) return;
    if (op.kind === 'relate') return world.relate(x, y, op.relation);
    const link = await world.links.get(world.links.idFor(x, y));
    if (!link) return;
    const actor = verifier(link.responsibleAuthority);
    const request = { colour: op.colour, justification: 'checked', expectedVersion: link.version };
    await verifyLink(link.linkId, request, actor, world.ports()).catch((error: unknown) => {
      if (!(error instanceof MidDomainError) || error.httpStatus !== 422) throw error;
    });
  }

  type Operation =
    | {
        kind: 'relate';
        x: number;
        y: number;
        relation: { biometrics: boolean; identity: 'same' | 'similar' | 'different'; document: boolean };
      }
    | { kind: 'check'; x: number }
    | { kind: 'remove'; x: number }
    | { kind: 'verify'; x: number; y: number; colour: 'white' | 'green' | 'red' };

  async function allLinks(world: World): Promise<Link[]> {
    const byId = new Map<string, Link>();
    for (const file of files)
      for (const link of await world.links.listByRecord(file)) byId.set(link.linkId, link);
    return [...byId.values()].sort((x, y) => (recordKey(x.records[0]) < recordKey(y.records[0]) ? -1 : 1));
  }
});
