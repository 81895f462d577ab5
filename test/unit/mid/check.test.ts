import { describe, expect, it } from 'vitest';

import { verifyLink } from '../../../functions/mid/domain/verification';
import { ref, verifier, World } from './links-world';

const ees = ref('EES', 'e1');
const vis = ref('VIS', 'v1');
const sis = ref('SIS', 's1');
const etias = ref('ETIAS', 'a1');

async function stored(world: World, a = ees, b = vis) {
  const link = await world.links.get(world.links.idFor(a, b));
  if (!link) throw new Error('expected a link');
  return link;
}

describe('MID check: creating links', () => {
  it('creates a white link for same biometrics and same identity data, with a SIN and its history', async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    world.add(vis, { memberState: 'IT' });
    world.relate(ees, vis, { biometrics: true, identity: 'same' });

    const summary = await world.check(ees);

    const link = await stored(world);
    expect(summary).toEqual({ created: [link.linkId], updated: [], removed: [] });
    expect(link).toMatchObject({
      colour: 'white',
      classifiedBy: 'mid',
      version: 1,
      responsibleAuthority: 'EES:DE',
    });
    expect(link.sin).toMatch(/^SIN-20260101T000000000Z-[0-9a-f]{12}$/);
    expect(link.yellowSince).toBeUndefined();
    expect(link.history).toEqual([
      expect.objectContaining({
        event: 'created',
        by: { kind: 'mid' },
        fromColour: null,
        toColour: 'white',
        reason: 'art33-1a-biometrics-and-identity',
        sin: link.sin,
      }),
    ]);
    expect(link.evidence).toMatchObject({
      comparedFrom: ees,
      biometric: { kind: 'same' },
      document: 'different',
    });
  });

  it('creates a yellow link, without SIN, routed to the authority of the triggering system', async () => {
    const world = new World();
    world.add(vis, { memberState: 'IT' });
    world.add(ees, { memberState: 'DE' });
    world.relate(ees, vis, { identity: 'similar' });

    await world.check(vis);

    const link = await stored(world);
    expect(link).toMatchObject({
      colour: 'yellow',
      responsibleAuthority: 'VIS:IT',
      yellowSince: world.now().toISOString(),
    });
    expect(link.sin).toBeUndefined();
    expect(link.history[0]?.reason).toBe('identity-match-biometrics-different');
  });

  it('routes a link to an SIS alert to the SIRENE bureau of the alerting state', async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    world.add(sis, { memberState: 'NL' });
    world.relate(ees, sis, { biometrics: true, identity: 'different' });

    await world.check(ees);

    expect((await stored(world, ees, sis)).responsibleAuthority).toBe('SIRENE:NL');
  });

  it('whitens an ETIAS application with the same identity data and travel document (Art 33(1)(b))', async () => {
    const world = new World();
    world.add(etias);
    world.add(ees);
    world.relate(etias, ees, { identity: 'same', document: true });

    await world.check(etias);

    expect(await stored(world, etias, ees)).toMatchObject({
      colour: 'white',
      responsibleAuthority: 'ETIAS:CENTRAL_UNIT',
    });
  });

  it('creates nothing when nothing matches, nor between files of the same system', async () => {
    const world = new World();
    const otherEes = ref('EES', 'e2');
    world.add(ees);
    world.add(otherEes);
    world.add(vis);
    world.relate(ees, otherEes, { biometrics: true, identity: 'same' });
    world.relate(ees, vis, { identity: 'different' });

    expect(await world.check(ees)).toEqual({ created: [], updated: [], removed: [] });
    expect(await world.links.listByRecord(ees)).toEqual([]);
  });

  it('reports link ids only, never data of the files', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.add(sis);
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    world.relate(ees, sis, { identity: 'same' });

    const summary = await world.check(ees);

    expect(summary.created).toHaveLength(2);
    for (const linkId of Object.values(summary).flat()) expect(linkId).toMatch(/^lnk-[0-9a-f]{32}$/);
  });
});

describe('MID check: idempotent redelivery', () => {
  it('changes nothing when the same check is processed twice, or from the other side', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.add(sis);
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    world.relate(ees, sis, { identity: 'similar' });
    await world.check(ees);
    const before = await world.links.listByRecord(ees);

    world.tick();
    expect(await world.check(ees)).toEqual({ created: [], updated: [], removed: [] });
    expect(await world.check(vis)).toEqual({ created: [], updated: [], removed: [] });

    const after = await world.links.listByRecord(ees);
    expect(after).toEqual(before);
    expect(after.map((link) => link.history.length)).toEqual([1, 1]);
  });
});

describe('MID check: re-check on update', () => {
  it('moves a link the MID classified to the new automatic colour, with history', async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    world.add(vis, { memberState: 'IT' });
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    await world.check(ees);
    const sin = (await stored(world)).sin;

    world.tick();
    world.relate(ees, vis, { biometrics: true, identity: 'different' });
    const summary = await world.check(vis);

    const link = await stored(world);
    expect(summary.updated).toEqual([link.linkId]);
    expect(link).toMatchObject({ colour: 'yellow', version: 2, responsibleAuthority: 'VIS:IT' });
    expect(link.sin).toBeUndefined();
    expect(link.yellowSince).toBe(world.now().toISOString());
    expect(link.history.at(-1)).toMatchObject({
      event: 'reclassified-automatically',
      fromColour: 'white',
      toColour: 'yellow',
      reason: 'biometrics-same-identity-different',
    });
    expect(sin).toBeDefined();
  });

  it('records new evidence that keeps the colour as an evidence update', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    await world.check(ees);

    world.relate(ees, vis, { biometrics: true, identity: 'similar' });
    await world.check(ees);

    const link = await stored(world);
    expect(link.colour).toBe('white');
    expect(link.evidence.identity.verdict).toBe('similar');
    expect(link.history.map((entry) => entry.event)).toEqual(['created', 'evidence-updated']);
  });

  it('removes a link the MID classified once nothing matches any more', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.relate(ees, vis, { identity: 'same' });
    await world.check(ees);
    const linkId = world.links.idFor(ees, vis);

    world.relate(ees, vis, { identity: 'different' });
    const summary = await world.check(ees);

    expect(summary.removed).toEqual([linkId]);
    expect(await world.links.get(linkId)).toBeUndefined();
  });

  it('keeps a manual classification while the outcomes stay the same', async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    world.add(vis);
    world.relate(ees, vis, { identity: 'same' });
    await world.check(ees);
    await verifyLink(
      world.links.idFor(ees, vis),
      { colour: 'green', justification: 'twins, checked documents', expectedVersion: 1 },
      verifier('EES:DE'),
      world.ports(),
    );

    world.tick();
    expect(await world.check(vis)).toEqual({ created: [], updated: [], removed: [] });
    expect(await stored(world)).toMatchObject({ colour: 'green', classifiedBy: 'manual', version: 2 });
  });

  it('re-opens a manually classified link as yellow when the outcomes change', async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    world.add(vis, { memberState: 'IT' });
    world.relate(ees, vis, { identity: 'same' });
    await world.check(ees);
    await verifyLink(
      world.links.idFor(ees, vis),
      { colour: 'red', justification: 'same face, other name', expectedVersion: 1 },
      verifier('EES:DE'),
      world.ports(),
    );

    world.tick();
    world.relate(ees, vis, { identity: 'same', biometrics: true });
    await world.check(vis);

    const link = await stored(world);
    expect(link).toMatchObject({ colour: 'yellow', classifiedBy: 'mid', responsibleAuthority: 'VIS:IT' });
    expect(link.sin).toBeUndefined();
    expect(link.history.map((entry) => [entry.event, entry.fromColour, entry.toColour])).toEqual([
      ['created', null, 'yellow'],
      ['verified', 'yellow', 'red'],
      ['reopened', 'red', 'yellow'],
    ]);
    expect(link.history.at(-1)?.reason).toBe('art33-1a-biometrics-and-identity');
  });

  it('removes a link whose other file is gone when the check finds it missing', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.relate(ees, vis, { identity: 'same', biometrics: true });
    await world.check(ees);

    world.forget(vis);
    const summary = await world.check(ees);

    expect(summary.removed).toEqual([world.links.idFor(ees, vis)]);
  });
});

describe('MID: deleting a record', () => {
  it('removes every link of the record and nothing else', async () => {
    const world = new World();
    world.add(ees);
    world.add(vis);
    world.add(sis);
    world.relate(ees, vis, { identity: 'same', biometrics: true });
    world.relate(vis, sis, { identity: 'similar' });
    world.relate(ees, sis, { identity: 'same', biometrics: true });
    await world.check(vis);
    await world.check(sis);

    const summary = await world.remove(vis);

    expect(summary.removed.sort()).toEqual([world.links.idFor(ees, vis), world.links.idFor(vis, sis)].sort());
    expect(await world.links.listByRecord(vis)).toEqual([]);
    expect(await world.links.get(world.links.idFor(ees, sis))).toBeDefined();
    expect(await world.remove(vis)).toEqual({ created: [], updated: [], removed: [] });
  });
});
