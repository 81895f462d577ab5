import { describe, expect, it } from 'vitest';
import { InMemoryLinkRepository } from '../../../functions/mid/domain/in-memory-link-repository';
import type { Link } from '../../../functions/mid/domain/links';
import { verifyingAuthorities } from '../../../functions/statistics/domain/authorities';
import { oldestYellowPerAuthority } from '../../../functions/statistics/yellow-age';

function yellow(id: string, authority: string, yellowSince: string): Link {
  return {
    linkId: `lnk-${id}`,
    records: [
      { system: 'EES', recordId: `a-${id}` },
      { system: 'VIS', recordId: `b-${id}` },
    ],
    colour: 'yellow',
    classifiedBy: 'mid',
    responsibleAuthority: authority,
    createdAt: yellowSince,
    updatedAt: yellowSince,
    yellowSince,
    version: 1,
    evidence: {} as Link['evidence'],
    history: [],
  };
}

describe('age of the oldest yellow link per authority', () => {
  it('reads each queue of the closed authority list and reports the oldest link of the non-empty ones', async () => {
    const links = new InMemoryLinkRepository();
    await links.write([
      { kind: 'put', link: yellow('1', 'SIRENE:DE', '2026-03-01T00:00:00Z'), expectedVersion: 0 },
      { kind: 'put', link: yellow('2', 'SIRENE:DE', '2026-03-02T00:00:00Z'), expectedVersion: 0 },
      { kind: 'put', link: yellow('3', 'ETIAS:CENTRAL_UNIT', '2026-03-03T00:00:00Z'), expectedVersion: 0 },
    ]);
    const ages = await oldestYellowPerAuthority(links, new Date('2026-03-04T00:00:00Z'));
    expect(ages).toEqual([
      { authority: 'SIRENE:DE', ageSeconds: 3 * 86_400 },
      { authority: 'ETIAS:CENTRAL_UNIT', ageSeconds: 86_400 },
    ]);
  });

  it('covers every authority the MID routes to (routing.ts): systems per Member State, SIRENE bureaux, ETIAS', () => {
    const all = verifyingAuthorities();
    for (const authority of [
      'EES:DE',
      'VIS:FR',
      'EURODAC:IT',
      'ECRIS_TCN:NL',
      'SIRENE:EU',
      'ETIAS:CENTRAL_UNIT',
      'EES:EU',
    ]) {
      expect(all).toContain(authority);
    }
    expect(new Set(all).size).toBe(all.length);
  });
});
