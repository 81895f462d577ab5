import { describe, expect, it } from 'vitest';
import { getConfirmationFile } from '../../../functions/mid/domain/confirmation-file';
import {
  ContradictoryClassification,
  Forbidden,
  NotFound,
  VersionConflict,
} from '../../../functions/mid/domain/errors';

import type { RecordRef } from '../../../functions/mid/domain/types';
import { type VerificationRequest, verifyLink } from '../../../functions/mid/domain/verification';
import { listVerificationQueue } from '../../../functions/mid/domain/verification-queue';
import type { LinkActor } from '../../../functions/mid/domain/visibility';
import { ref, verifier, World } from './links-world';

const ees = ref('EES', 'e1');
const vis = ref('VIS', 'v1');
const sis = ref('SIS', 's1');

/** EES file of Germany and VIS file of Italy with a yellow link routed to EES:DE. */
async function yellowLink(): Promise<{ world: World; linkId: string }> {
  const world = new World();
  world.add(ees, { memberState: 'DE' });
  world.add(vis, { memberState: 'IT' });
  world.relate(ees, vis, { identity: 'similar' });
  await world.check(ees);
  world.tick(60);
  return { world, linkId: world.links.idFor(ees, vis) };
}

function verify(world: World, linkId: string, request: Partial<VerificationRequest>, actor: LinkActor) {
  return verifyLink(
    linkId,
    { colour: 'green', justification: 'documents checked at the counter', expectedVersion: 1, ...request },
    actor,
    world.ports(),
  );
}

async function link(world: World, a: RecordRef, b: RecordRef) {
  const stored = await world.links.get(world.links.idFor(a, b));
  if (!stored) throw new Error('expected a link');
  return stored;
}

describe('manual verification: who may verify', () => {
  it('lets the link verifier of the responsible authority classify the link', async () => {
    const { world, linkId } = await yellowLink();
    const result = await verify(world, linkId, { colour: 'green' }, verifier('EES:DE'));
    expect(result).toMatchObject({ colour: 'green', classifiedBy: 'manual', version: 2 });
    expect(await world.links.get(linkId)).toEqual(result);
  });

  it('answers NotFound to a verifier of another authority, which may not see a yellow link', async () => {
    const { world, linkId } = await yellowLink();
    await expect(verify(world, linkId, {}, verifier('VIS:IT', ['CIR', 'EES', 'VIS']))).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('answers Forbidden to a user who sees the link but is not its verifier', async () => {
    const { world, linkId } = await yellowLink();
    await verify(world, linkId, { colour: 'red' }, verifier('EES:DE'));
    const otherVerifier = verifier('VIS:IT', ['CIR']);
    const sameAuthorityWithoutRole: LinkActor = { ...verifier('EES:DE', ['CIR']), roles: ['border-guard'] };

    for (const actor of [otherVerifier, sameAuthorityWithoutRole]) {
      await expect(
        verify(world, linkId, { colour: 'green', expectedVersion: 2 }, actor),
      ).rejects.toBeInstanceOf(Forbidden);
    }
    expect((await world.links.get(linkId))?.colour).toBe('red');
  });

  it('answers NotFound for an unknown link', async () => {
    const { world } = await yellowLink();
    await expect(verify(world, 'lnk-unknown', {}, verifier('EES:DE'))).rejects.toMatchObject({
      httpStatus: 404,
    });
  });
});

describe('manual verification: optimistic locking', () => {
  it('refuses a stale expected version with a 409 and changes nothing', async () => {
    const { world, linkId } = await yellowLink();
    await verify(world, linkId, { colour: 'green' }, verifier('EES:DE'));

    const stale = verify(world, linkId, { colour: 'red', expectedVersion: 1 }, verifier('EES:DE'));

    await expect(stale).rejects.toBeInstanceOf(VersionConflict);
    await expect(stale).rejects.toMatchObject({ httpStatus: 409 });
    expect(await world.links.get(linkId)).toMatchObject({ colour: 'green', version: 2 });
  });

  it('lets exactly one of two concurrent verifications of the same version win', async () => {
    const { world, linkId } = await yellowLink();
    const results = await Promise.allSettled([
      verify(world, linkId, { colour: 'green' }, verifier('EES:DE')),
      verify(world, linkId, { colour: 'red' }, verifier('EES:DE')),
    ]);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(VersionConflict);
    expect((await world.links.get(linkId))?.history).toHaveLength(2);
  });
});

describe('manual verification: contradictory classifications (422)', () => {
  it('refuses a classification without justification', async () => {
    const { world, linkId } = await yellowLink();
    const refused = verify(world, linkId, { colour: 'red', justification: '   ' }, verifier('EES:DE'));
    await expect(refused).rejects.toMatchObject({ httpStatus: 422, rule: 'JUSTIFICATION_REQUIRED' });
  });

  it('refuses re-classifying a link to the colour it has', async () => {
    const { world, linkId } = await yellowLink();
    await verify(world, linkId, { colour: 'green' }, verifier('EES:DE'));
    const refused = verify(world, linkId, { colour: 'green', expectedVersion: 2 }, verifier('EES:DE'));
    await expect(refused).rejects.toMatchObject({ rule: 'COLOUR_UNCHANGED' });
  });

  it('refuses green between two files that white links already join', async () => {
    const world = new World();
    for (const file of [ees, vis, sis]) world.add(file);
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    world.relate(vis, sis, { biometrics: true, identity: 'same' });
    world.relate(ees, sis, { identity: 'similar' });
    await world.check(vis);
    await world.check(ees);
    const yellow = await link(world, ees, sis);
    expect(yellow.colour).toBe('yellow');

    const refused = verify(world, yellow.linkId, { colour: 'green' }, verifier(yellow.responsibleAuthority));

    await expect(refused).rejects.toBeInstanceOf(ContradictoryClassification);
    await expect(refused).rejects.toMatchObject({ rule: 'GREEN_INSIDE_WHITE_GROUP' });
    expect(await link(world, ees, sis)).toEqual(yellow);
  });

  it('refuses white that would put a green link inside a group of white links', async () => {
    const world = new World();
    for (const file of [ees, vis, sis]) world.add(file);
    world.relate(ees, vis, { biometrics: true, identity: 'same' });
    world.relate(ees, sis, { identity: 'similar' });
    world.relate(vis, sis, { identity: 'similar' });
    await world.check(sis);
    await world.check(ees);
    const greenToBe = await link(world, ees, sis);
    await verify(world, greenToBe.linkId, { colour: 'green' }, verifier(greenToBe.responsibleAuthority));
    const yellow = await link(world, vis, sis);

    const refused = verify(world, yellow.linkId, { colour: 'white' }, verifier(yellow.responsibleAuthority));

    await expect(refused).rejects.toMatchObject({ rule: 'GREEN_INSIDE_WHITE_GROUP' });
    await expect(
      verify(world, yellow.linkId, { colour: 'red' }, verifier(yellow.responsibleAuthority)),
    ).resolves.toMatchObject({ colour: 'red' });
  });
});

describe('manual verification: history and groups', () => {
  it('appends who, when, from which colour to which, and why (Art 36)', async () => {
    const { world, linkId } = await yellowLink();
    const actor = verifier('EES:DE');

    await verify(world, linkId, { colour: 'red', justification: 'one passport, two faces' }, actor);
    world.tick();
    const result = await verify(
      world,
      linkId,
      { colour: 'green', justification: 'twins', expectedVersion: 2 },
      actor,
    );

    expect(result.history.map((entry) => [entry.event, entry.fromColour, entry.toColour])).toEqual([
      ['created', null, 'yellow'],
      ['verified', 'yellow', 'red'],
      ['verified', 'red', 'green'],
    ]);
    expect(result.history[1]).toMatchObject({
      at: '2026-01-01T00:01:00.000Z',
      by: { kind: 'user', userId: actor.userId, authority: 'EES:DE' },
      justification: 'one passport, two faces',
      responsibleAuthority: 'EES:DE',
    });
    expect(result.history[2]?.at).toBe('2026-01-01T00:01:01.000Z');
    expect(result.yellowSince).toBeUndefined();
    expect(result.sin).toBeUndefined();
  });

  it('joins the files into one group with one SIN when a verifier turns the link white', async () => {
    const world = new World();
    for (const file of [ees, vis, sis]) world.add(file, { memberState: 'DE' });
    world.relate(vis, sis, { biometrics: true, identity: 'same' });
    world.relate(ees, vis, { identity: 'similar' });
    await world.check(vis);
    const yellow = await link(world, ees, vis);

    const result = await verify(
      world,
      yellow.linkId,
      { colour: 'white' },
      verifier(yellow.responsibleAuthority),
    );

    const groupSin = (await link(world, vis, sis)).sin;
    expect(groupSin).toBeDefined();
    expect(result.sin).toBe(groupSin);
    expect(result.history.at(-1)).toMatchObject({ event: 'verified', toColour: 'white', sin: groupSin });
  });
});

describe('verification queue', () => {
  it("lists the verifier's yellow links oldest first with their age, page by page", async () => {
    const world = new World();
    world.add(ees, { memberState: 'DE' });
    const others = [ref('VIS', 'v1'), ref('SIS', 's1'), ref('ETIAS', 'a1')];
    for (const other of others) {
      world.add(other, { memberState: 'IT' });
      world.relate(ees, other, { identity: 'similar' });
    }
    world.relate(ees, ref('SIS', 's1'), { identity: 'different' });
    world.relate(ees, ref('ETIAS', 'a1'), { identity: 'similar' });
    await world.check(ees);
    world.tick(30);
    world.add(ref('EURODAC', 'u1'), { memberState: 'DE' });
    world.relate(ees, ref('EURODAC', 'u1'), { identity: 'similar' });
    await world.check(ees);
    world.tick(30);

    const actor = verifier('EES:DE');
    const first = await listVerificationQueue(actor, { limit: 2 }, world.ports());
    const second = await listVerificationQueue(actor, { limit: 2, cursor: first.nextCursor }, world.ports());

    const items = [...first.items, ...second.items];
    expect(items.map((item) => item.ageSeconds)).toEqual([60, 60, 30]);
    expect(items.at(-1)?.linkId).toBe(world.links.idFor(ees, ref('EURODAC', 'u1')));
    expect(second.nextCursor).toBeUndefined();
    expect((await listVerificationQueue(verifier('VIS:IT'), { limit: 10 }, world.ports())).items).toEqual([]);
  });

  it('drops a link from the queue once it is verified', async () => {
    const { world, linkId } = await yellowLink();
    await verify(world, linkId, { colour: 'green' }, verifier('EES:DE'));
    expect((await listVerificationQueue(verifier('EES:DE'), { limit: 10 }, world.ports())).items).toEqual([]);
  });

  it('is only for link verifiers', async () => {
    const { world } = await yellowLink();
    const borderGuard: LinkActor = { ...verifier('EES:DE'), roles: ['border-guard'] };
    await expect(listVerificationQueue(borderGuard, { limit: 10 }, world.ports())).rejects.toBeInstanceOf(
      Forbidden,
    );
  });
});

describe('identity confirmation file (Art 34)', () => {
  it('holds the link, its colour, the linked records with their SINs, the authority, times, evidence and history', async () => {
    const world = new World();
    for (const file of [ees, vis, sis]) world.add(file, { memberState: 'DE' });
    world.relate(vis, sis, { biometrics: true, identity: 'same' });
    world.relate(ees, vis, { identity: 'similar' });
    await world.check(vis);
    const yellow = await link(world, ees, vis);
    const sisGroup = (await link(world, vis, sis)).sin;

    const file = await getConfirmationFile(
      yellow.linkId,
      verifier(yellow.responsibleAuthority),
      world.ports(),
    );

    expect(file).toMatchObject({
      linkId: yellow.linkId,
      colour: 'yellow',
      responsibleAuthority: 'VIS:DE',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      evidence: { identity: { verdict: 'similar' }, biometric: { kind: 'absent' } },
      history: yellow.history,
    });
    expect(file.records).toEqual([
      { ref: ees, sin: undefined },
      { ref: vis, sin: sisGroup },
    ]);
    expect(file.sin).toBeUndefined();
  });

  it('is NotFound for a user who may not see the link', async () => {
    const { world, linkId } = await yellowLink();
    await expect(
      getConfirmationFile(linkId, verifier('VIS:IT', ['CIR']), world.ports()),
    ).rejects.toBeInstanceOf(NotFound);
  });
});
