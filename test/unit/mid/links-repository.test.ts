import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VersionConflict } from '../../../functions/mid/domain/errors';
import { InMemoryLinkRepository } from '../../../functions/mid/domain/in-memory-link-repository';
import { LinkChangeSet } from '../../../functions/mid/domain/link-change-set';
import { type Link, linkIdFor, newLink } from '../../../functions/mid/domain/links';
import type { LinkColour } from '../../../functions/mid/domain/types';
import { comparison, ref } from './links-world';

const KEY = 'a link-id key of thirty-two characters or more';

function aLink(recordId: string, colour: LinkColour, at: string, authority = 'EES:DE'): Link {
  const records = [ref('EES', recordId), ref('VIS', recordId)] as const;
  return newLink(linkIdFor(...records, KEY), records, {
    colour,
    classifiedBy: 'mid',
    event: 'created',
    at,
    by: { kind: 'mid' },
    responsibleAuthority: authority,
    evidence: {
      comparedAt: at,
      comparedFrom: ref('EES', recordId),
      identity: comparison('same'),
      biometric: { kind: 'absent' },
      document: 'absent',
      hasBiometrics: [true, true],
      automatic: { outcome: 'link', colour: 'yellow', reason: 'identity-match-biometrics-different' },
    },
  });
}

describe('link ids', () => {
  const id = (a: string, b: string, key = KEY) => linkIdFor(ref('EES', a), ref('VIS', b), key);

  it('are the same for a pair in either order and differ between pairs', () => {
    expect(id('a', 'b')).toBe(linkIdFor(ref('VIS', 'b'), ref('EES', 'a'), KEY));
    expect(id('a', 'b')).not.toBe(id('a', 'c'));
    expect(id('a:b', 'c')).not.toBe(id('a', 'b:c'));
    expect(id('a', 'b')).toMatch(/^lnk-[0-9a-f]{32}$/);
  });

  it('cannot be computed from the record ids without the key (keyed HMAC, not a plain hash)', () => {
    const pair = 'EES/a|VIS/b';
    const plainHash = `lnk-${createHash('sha256').update(pair).digest('hex').slice(0, 32)}`;
    expect(id('a', 'b')).not.toBe(plainHash);
    expect(id('a', 'b', 'another key of at least thirty-two characters')).not.toBe(id('a', 'b'));
    expect(id('a', 'b')).toBe(`lnk-${createHmac('sha256', KEY).update(pair).digest('hex').slice(0, 32)}`);
  });
});

describe('in-memory link repository', () => {
  it('creates a link only where none exists (expected version 0)', async () => {
    const repository = new InMemoryLinkRepository();
    const link = aLink('1', 'yellow', '2026-01-01T00:00:00.000Z');
    await repository.write([{ kind: 'put', link, expectedVersion: 0 }]);
    await expect(repository.write([{ kind: 'put', link, expectedVersion: 0 }])).rejects.toBeInstanceOf(
      VersionConflict,
    );
    expect((await repository.get(link.linkId))?.version).toBe(1);
  });

  it('refuses a stale version and writes nothing of a batch with one conflict', async () => {
    const repository = new InMemoryLinkRepository();
    const first = aLink('1', 'yellow', '2026-01-01T00:00:00.000Z');
    const second = aLink('2', 'yellow', '2026-01-01T00:00:00.000Z');
    await repository.write([{ kind: 'put', link: first, expectedVersion: 0 }]);
    await repository.write([
      { kind: 'put', link: { ...first, colour: 'green', version: 2 }, expectedVersion: 1 },
    ]);

    const stale = repository.write([
      { kind: 'put', link: second, expectedVersion: 0 },
      { kind: 'put', link: { ...first, colour: 'red', version: 2 }, expectedVersion: 1 },
    ]);
    await expect(stale).rejects.toMatchObject({ httpStatus: 409, code: 'VERSION_CONFLICT' });
    expect(await repository.get(second.linkId)).toBeUndefined();
    expect((await repository.get(first.linkId))?.colour).toBe('green');
  });

  it('deletes only at the expected version', async () => {
    const repository = new InMemoryLinkRepository();
    const link = aLink('1', 'white', '2026-01-01T00:00:00.000Z');
    await repository.write([{ kind: 'put', link, expectedVersion: 0 }]);
    await expect(
      repository.write([{ kind: 'delete', linkId: link.linkId, expectedVersion: 2 }]),
    ).rejects.toBeInstanceOf(VersionConflict);
    await repository.write([{ kind: 'delete', linkId: link.linkId, expectedVersion: 1 }]);
    expect(await repository.listByRecord(ref('EES', '1'))).toEqual([]);
  });

  it('hands out copies, so a caller cannot change the stored link', async () => {
    const repository = new InMemoryLinkRepository();
    const link = aLink('1', 'yellow', '2026-01-01T00:00:00.000Z');
    await repository.write([{ kind: 'put', link, expectedVersion: 0 }]);
    const read = await repository.get(link.linkId);
    if (read) read.colour = 'red';
    expect((await repository.get(link.linkId))?.colour).toBe('yellow');
  });

  it("lists an authority's yellow links oldest first, page by page", async () => {
    const repository = new InMemoryLinkRepository();
    const links = [
      aLink('late', 'yellow', '2026-01-03T00:00:00.000Z'),
      aLink('early', 'yellow', '2026-01-01T00:00:00.000Z'),
      aLink('middle', 'yellow', '2026-01-02T00:00:00.000Z'),
      aLink('white', 'white', '2026-01-01T00:00:00.000Z'),
      aLink('elsewhere', 'yellow', '2026-01-01T00:00:00.000Z', 'VIS:IT'),
    ];
    await repository.write(links.map((link) => ({ kind: 'put' as const, link, expectedVersion: 0 })));

    const first = await repository.listYellowByAuthority('EES:DE', { limit: 2 });
    expect(first.links.map((link) => link.records[0].recordId)).toEqual(['early', 'middle']);
    expect(first.nextCursor).toBeDefined();
    const second = await repository.listYellowByAuthority('EES:DE', { limit: 2, cursor: first.nextCursor });
    expect(second.links.map((link) => link.records[0].recordId)).toEqual(['late']);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('link change set', () => {
  /** An in-memory repository that counts reads of single links. */
  class CountingRepository extends InMemoryLinkRepository {
    gets = 0;
    override async get(linkId: string) {
      this.gets++;
      return super.get(linkId);
    }
  }

  it("reads a link between two files only when neither file's links were listed", async () => {
    const repository = new CountingRepository(KEY);
    const stored = aLink('p', 'yellow', '2026-01-01T00:00:00.000Z');
    await repository.write([{ kind: 'put', link: stored, expectedVersion: 0 }]);
    const changes = new LinkChangeSet(repository);
    await changes.listByRecord(ref('EES', 'p'));

    expect((await changes.between(ref('EES', 'p'), ref('VIS', 'p')))?.linkId).toBe(stored.linkId);
    expect(await changes.between(ref('VIS', 'q'), ref('EES', 'p'))).toBeUndefined();
    expect(repository.gets).toBe(0);

    expect(await changes.between(ref('EES', 'x'), ref('VIS', 'y'))).toBeUndefined();
    expect(repository.gets).toBe(1);
  });

  it('fails the commit when a link taken as absent from a listing was stored since', async () => {
    const repository = new CountingRepository(KEY);
    const changes = new LinkChangeSet(repository);
    await changes.listByRecord(ref('EES', 'r'));
    const absent = await changes.between(ref('EES', 'r'), ref('VIS', 'r'));
    expect(absent).toBeUndefined();
    await repository.write([
      { kind: 'put', link: aLink('r', 'yellow', '2026-01-01T00:00:00.000Z'), expectedVersion: 0 },
    ]);
    changes.put(aLink('r', 'white', '2026-01-02T00:00:00.000Z'));
    await expect(changes.commit()).rejects.toBeInstanceOf(VersionConflict);
  });
});
