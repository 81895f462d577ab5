import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { biometricsOf, midWorld } from '../mid/support';

const context = platformContext();
const world = midWorld(context);
const tag = Date.now().toString(36);

describe('concurrency', () => {
  it('50 concurrent verifications of one link: exactly one wins, the other 49 get 409', async () => {
    const a: RecordRef = { system: 'EES', recordId: `it-race-${tag}-a` };
    const b: RecordRef = { system: 'VIS', recordId: `it-race-${tag}-b` };
    const identity = (surname: string, firstName: string, dateOfBirth: string) => ({
      surnames: [surname],
      firstNames: [firstName],
      dateOfBirth,
      sex: 'M' as const,
      nationalities: ['GEO'],
    });
    await world.put(a, {
      identity: identity('BERIDZE', 'GIORGI', '1980-01-30'),
      biometrics: biometricsOf(851, 0),
      memberState: 'EE',
    });
    await world.put(b, {
      identity: identity('KOVALENKO', 'TARAS', '1966-08-08'),
      biometrics: biometricsOf(851, 1),
      memberState: 'EE',
    });
    const link = await eventually(() => world.linkBetween(a, b), 15_000, 'the yellow link');
    expect(link.colour).toBe('yellow');
    const verifier = await world.verifier('VIS:EE');
    const colours = ['green', 'red', 'white'] as const;
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        verifier.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
          colour: colours[i % 3],
          justification: `verification attempt ${i} after checking the documents`,
          expectedVersion: link.version,
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = replies.find((reply) => reply.status === 200)!;
    const stored = await world.links.get(link.linkId);
    expect(stored?.version).toBe(link.version + 1);
    expect(stored?.colour).toBe(winner.body.link?.colour ?? stored?.colour);
    expect(stored?.history.filter((entry) => entry.event === 'verified')).toHaveLength(1);
  });

  it('a stale record update never overwrites a newer one (concurrent writers, shuffled versions)', async () => {
    const system = await caller(context, ['origin-system'], {
      system: 'ETIAS',
      authority: 'ETIAS:EU',
      userId: `race-${tag}`,
    });
    for (let round = 0; round < 3; round++) {
      const path = `/v1/systems/ETIAS/records/it-stale-${tag}-${round}`;
      const versions = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
      const replies = await Promise.all(
        versions.map((version) =>
          system.request('PUT', path, {
            identity: {
              surnames: [`VERSION${'I'.repeat((version % 5) + 1)}`],
              firstNames: ['NINO'],
              dateOfBirth: '1990-01-01',
              nationalities: ['GEO'],
            },
            memberState: 'EU',
            version,
          }),
        ),
      );
      for (const reply of replies) expect([200, 201, 409]).toContain(reply.status);
      const stored = await system.request('GET', path);
      expect(stored.status).toBe(200);
      expect(stored.body.version).toBe(20);
      expect(stored.body.identity.surnames).toEqual([`VERSION${'I'.repeat((20 % 5) + 1)}`]);
      // a late writer of an older version still gets 409 afterwards
      const late = await system.request('PUT', path, {
        identity: {
          surnames: ['LATE'],
          firstNames: ['NINO'],
          dateOfBirth: '1990-01-01',
          nationalities: ['GEO'],
        },
        memberState: 'EU',
        version: versions[0] === 20 ? 19 : versions[0],
      });
      expect(late.status).toBe(409);
    }
  });
});
