import { describe, expect, it } from 'vitest';
import { simulatePeakDay } from '../../../capacity/peak-day';

const day = (hour: number, count: number) => Array.from({ length: 24 }, (_, h) => (h === hour ? count : 0));

describe('peak-day simulation', () => {
  const base = {
    recordsPerHour: day(9, 3600),
    verifiersPerHour: day(9, 0),
    verificationMinutes: 6,
    consumers: 50,
    checkServiceMs: [200],
    yellowPerCheck: 0,
    bucketMinutes: 60,
    seed: 1,
  };

  it('with ample consumers a check takes its service time and no queue forms', () => {
    const { summary, buckets } = simulatePeakDay(base);
    expect(summary.checksDone).toBeGreaterThan(3300);
    expect(summary.checksDone).toBeLessThan(3900);
    expect(summary.checkLatencyP95Ms).toBe(200);
    expect(summary.maxMidQueueDepth).toBe(0);
    expect(buckets).toHaveLength(24);
    expect(buckets[9]!.arrivals).toBe(summary.checksDone);
  });

  it('yellow links wait for the verifiers on duty and age while nobody is', () => {
    const { summary, buckets } = simulatePeakDay({ ...base, yellowPerCheck: 1 });
    expect(summary.yellowLinks).toBe(summary.checksDone);
    expect(summary.verified).toBe(0);
    expect(summary.yellowBacklogEndOfDay).toBe(summary.yellowLinks);
    // the first yellow link came shortly after 09:00 and was still waiting at midnight
    expect(buckets.at(-1)!.oldestYellowAgeMinutes).toBeGreaterThan(14 * 60);
  });

  it('is deterministic for a seed', () => {
    const input = { ...base, consumers: 1, yellowPerCheck: 0.3, verifiersPerHour: day(10, 5) };
    expect(simulatePeakDay(input)).toEqual(simulatePeakDay(input));
    expect(simulatePeakDay(input).summary).not.toEqual(simulatePeakDay({ ...input, seed: 2 }).summary);
  });

  it('refuses a curve that is not 24 hours long', () => {
    expect(() => simulatePeakDay({ ...base, recordsPerHour: [1, 2] })).toThrow(/24 values/);
  });
});
