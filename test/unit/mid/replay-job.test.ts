import { describe, expect, it } from 'vitest';
import { replayJob } from '../../../functions/mid/replay/job';
import { emptyTally, mergeTallies } from '../../../functions/mid/replay/replay';
import { segmentInputs } from '../../../functions/mid/replay/run';

describe('MID replay job', () => {
  it('plans one input per Scan segment, the file sample shared out between them', async () => {
    const plan = (await replayJob({
      action: 'plan',
      input: { config: { minimumIdentityScore: 20 }, since: '2026-11-01', sample: 10, segments: 4 },
    })) as { config: object; since: string; segments: { sampleFiles: number; since: string }[] };
    expect(plan.config).toEqual({ minimumIdentityScore: 20 });
    expect(plan.segments.map((s) => s.sampleFiles)).toEqual([3, 3, 3, 1]);
    expect(plan.segments.every((s) => s.since === '2026-11-01')).toBe(true);
    expect(segmentInputs({ sampleFiles: 2, totalSegments: 4 }).map((s) => s.sampleFiles)).toEqual([
      1, 1, 0, 0,
    ]);
  });

  it('fails the execution naming every bad field of the input', async () => {
    const error = await replayJob({
      action: 'plan',
      input: { config: { minimumIdentityScore: 'high', colour: 'red' }, segments: 0 },
    }).catch((caught: Error) => caught.message);
    expect(error).toContain('config.minimumIdentityScore');
    expect(error).toContain('colour');
    expect(error).toContain('segments');
  });

  it('merges the tallies of the segments', () => {
    const a = emptyTally();
    a.links = 3;
    a.changes['disappear|yellow||identity-match-unconfirmed|no-match'] = 2;
    a.regions.latinScript = {
      links: { current: 3, candidate: 1 },
      yellow: { current: 2, candidate: 0 },
      decidedWrong: { current: 0, candidate: 1 },
    };
    const b = emptyTally();
    b.links = 4;
    b.changes['disappear|yellow||identity-match-unconfirmed|no-match'] = 1;
    b.regions.latinScript = {
      links: { current: 4, candidate: 4 },
      yellow: { current: 1, candidate: 1 },
      decidedWrong: { current: 0, candidate: 0 },
    };
    const merged = mergeTallies(mergeTallies(emptyTally(), a), b);
    expect(merged.links).toBe(7);
    expect(merged.changes).toEqual({ 'disappear|yellow||identity-match-unconfirmed|no-match': 3 });
    expect(merged.regions.latinScript).toEqual({
      links: { current: 7, candidate: 5 },
      yellow: { current: 3, candidate: 1 },
      decidedWrong: { current: 0, candidate: 1 },
    });
  });
});
