import { describe, expect, it } from 'vitest';
import { type CheckState, midResult } from '../../../functions/cir/domain/mid-result';
import type { Link } from '../../../functions/mid/domain/links';
import type { LinkColour } from '../../../functions/mid/domain/types';
import type { LinkActor } from '../../../functions/mid/domain/visibility';
import { ref } from './links-world';

const written = ref('VIS', 'v1');
const writer: LinkActor = {
  userId: 'vis-system',
  authority: 'VIS:FR',
  roles: ['origin-system'],
  systems: ['VIS'],
};

function link(
  id: string,
  colour: LinkColour,
  other = ref('EES', `e-${id}`),
  responsibleAuthority = 'VIS:FR',
) {
  return { linkId: `lnk-${id}`, colour, records: [other, written], responsibleAuthority } as unknown as Link;
}

function ports(states: (CheckState | undefined)[], links: Link[] = []) {
  let reads = 0;
  return {
    reads: () => reads,
    checkState: async () => states[Math.min(reads++, states.length - 1)],
    linksOf: async () => links,
    pause: async () => undefined,
  };
}

describe('the MID result of a write, for its writer', () => {
  it('waits while the check is pending and answers done with the links it may see', async () => {
    const links = [
      link('1', 'yellow'),
      link('2', 'yellow', ref('EES', 'x'), 'EES:DE'),
      link('3', 'red', ref('SIS', 's'), 'SIRENE:DE'),
      link('4', 'white', ref('EES', 'w'), 'EES:DE'),
      link('5', 'white', ref('EES', 'w2'), 'VIS:FR'),
    ];
    const fake = ports(
      [
        { version: 2, pending: true },
        { version: 2, pending: true },
        { version: 2, pending: false },
      ],
      links,
    );
    const result = await midResult(written, writer, 5, fake);
    expect(fake.reads()).toBe(3);
    expect(result).toEqual({
      status: 'done',
      version: 2,
      links: [
        {
          linkId: 'lnk-1',
          colour: 'yellow',
          otherSystem: 'EES',
          responsibleAuthority: 'VIS:FR',
          verifyNow: true,
        },
        // red: visible with access to a system the CIR holds (Art 26(2)); only the other system is named
        {
          linkId: 'lnk-3',
          colour: 'red',
          otherSystem: 'SIS',
          responsibleAuthority: 'SIRENE:DE',
          verifyNow: false,
        },
        // white to EES without access to EES is not shown, unless routed to the writer's own authority
        {
          linkId: 'lnk-5',
          colour: 'white',
          otherSystem: 'EES',
          responsibleAuthority: 'VIS:FR',
          verifyNow: false,
        },
      ],
    });
  });

  it('answers pending without links when the wait is over, and does not wait at all without waitSeconds', async () => {
    const pending = ports([{ version: 1, pending: true }], [link('1', 'yellow')]);
    expect(await midResult(written, writer, 0, pending)).toEqual({
      status: 'pending',
      version: 1,
      links: [],
    });
    expect(pending.reads()).toBe(1);
  });

  it('is NotFound for a record that does not exist', async () => {
    await expect(midResult(written, writer, 0, ports([undefined]))).rejects.toMatchObject({
      httpStatus: 404,
    });
  });
});
