import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../../../functions/sbms/domain/calibration';
import { identify, verify } from '../../../functions/sbms/domain/matcher';
import { enrolled, fusion, probeOf, recordOf, refOf } from './fixtures';

const PERSONS = 300;
const { identify: identifyThreshold, verify: verifyThreshold } = DEFAULT_CALIBRATION.thresholds;

describe('1:N identification', async () => {
  const { clients } = await enrolled(PERSONS);

  it('ranks the mate first for new captures of enrolled persons, with per-modality scores', async () => {
    for (const id of [0, 17, 123, 299]) {
      const [top, second] = await identify(clients, probeOf(id), { topK: 5 });
      expect(top).toMatchObject(refOf(id));
      expect(Object.keys(top!.perModality).sort()).toEqual(['FACE', 'FP02', 'FP07']);
      expect(top!.perModality.FACE!).toBeGreaterThan(0.5);
      expect(top!.score).toBeGreaterThan(identifyThreshold);
      expect(second!.score).toBeLessThan(identifyThreshold);
    }
  });

  it('finds the mate from a single finger, compared only with the same finger position', async () => {
    const [top] = await identify(clients, probeOf(42, { face: false, fingers: [7] }), { topK: 1 });
    expect(top).toMatchObject(refOf(42));
    expect(Object.keys(top!.perModality)).toEqual(['FP07']);
    const wrongFinger = await identify(clients, probeOf(42, { face: false, fingers: [3] }), { topK: 1 });
    expect(wrongFinger).toEqual([]);
  });

  it('returns no candidate above the threshold for a person who is not enrolled', async () => {
    const candidates = await identify(clients, probeOf(PERSONS + 5), {
      topK: 5,
      threshold: identifyThreshold,
    });
    expect(candidates).toEqual([]);
  });

  it('returns candidates best first, at most topK', async () => {
    const candidates = await identify(clients, probeOf(8), { topK: 7 });
    expect(candidates).toHaveLength(7);
    for (let i = 1; i < candidates.length; i++)
      expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
  });

  it('searches only the requested origin systems', async () => {
    const mate = refOf(10);
    const others = await identify(clients, probeOf(10), { topK: 10, systems: ['SIS'] });
    expect(mate.system).not.toBe('SIS');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.system === 'SIS')).toBe(true);
    const own = await identify(clients, probeOf(10), { topK: 1, systems: [mate.system] });
    expect(own[0]).toMatchObject(mate);
  });
});

describe('1:1 verification', () => {
  it('matches a new capture of the same person and rejects another person', () => {
    const enrolledRecord = recordOf(3);
    const same = verify(probeOf(3), enrolledRecord, fusion, verifyThreshold);
    expect(same.decision).toBe('match');
    expect(same.compared.sort()).toEqual(['FACE', 'FP02', 'FP07']);
    const other = verify(probeOf(4), enrolledRecord, fusion, verifyThreshold);
    expect(other.decision).toBe('no-match');
    expect(other.score).toBeLessThan(same.score);
  });

  it('decides no-match when probe and record share no modality', () => {
    const result = verify(
      probeOf(3, { face: false, fingers: [1] }),
      recordOf(3),
      fusion,
      Number.NEGATIVE_INFINITY,
    );
    expect(result).toMatchObject({ decision: 'no-match', compared: [] });
  });
});
