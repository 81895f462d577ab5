import { describe, expect, it } from 'vitest';
import { cirDependencies } from '../../../functions/cir/dependencies';
import { deleteRecord } from '../../../functions/cir/domain/records';
import { sweepDeletedFilesLinks } from '../../../functions/cir/outbox-sweeper';
import { platformContext } from '../../support/platform-context';
import { identityOf, linkedPair, midWorld } from '../mid/support';

const context = platformContext();
const world = midWorld(context);

/**
 * Arts 23, 35: nothing outlives its record. Deleting a file and removing its links are two steps
 * (two tables); a failure between them must not leave the links, nor the other file's view of them.
 */
describe('deleting a record whose link removal fails', () => {
  it('leaves an unlink outbox item with the deletion, and the sweep removes every link of the deleted file', async () => {
    const run = Date.now().toString(36);
    const { a, b, link } = await linkedPair(
      world,
      `it-unlink-${run}-`,
      77,
      'DE',
      identityOf('KOVALENKO', 'OLENA', '1988-03-14'),
    );
    const { store } = cirDependencies();
    // The Links table fails after the file's deletion has committed.
    await expect(
      deleteRecord(
        {
          store,
          removeLinks: async () => {
            throw new Error('injected: Links table unreachable');
          },
        },
        a,
      ),
    ).rejects.toThrow('injected');
    expect(await store.get(a)).toBeUndefined();
    // The failure left the links behind: the deleted file's and the VIS file's view of the link.
    expect((await world.links.listByRecord(a)).map((l) => l.linkId)).toContain(link.linkId);
    expect((await world.links.listByRecord(b)).map((l) => l.linkId)).toContain(link.linkId);

    // The sweeper (every minute, after the grace period) finishes the deletion's second step.
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await sweepDeletedFilesLinks(0, later)).toBeGreaterThanOrEqual(1);
    expect(await world.links.listByRecord(a)).toEqual([]);
    expect((await world.links.listByRecord(b)).map((l) => l.linkId)).not.toContain(link.linkId);
    expect(await world.links.get(link.linkId)).toBeUndefined();
    expect(await store.get(b)).toBeDefined();
    // Done once: the outbox item is gone.
    expect(await store.pendingUnlinks(later.toISOString(), 1000)).not.toContainEqual(a);
  });

  it('a deletion that succeeds leaves no outbox item', async () => {
    const run = Date.now().toString(36);
    const { a, b } = await linkedPair(
      world,
      `it-unlink-ok-${run}-`,
      78,
      'FR',
      identityOf('BONDAR', 'IRYNA', '1979-11-02'),
    );
    expect((await world.remove(a)).status).toBe(200);
    expect(await world.links.listByRecord(b)).toEqual([]);
    const { store } = cirDependencies();
    expect(await store.pendingUnlinks(new Date(Date.now() + 600_000).toISOString(), 1000)).not.toContainEqual(
      a,
    );
  });
});
