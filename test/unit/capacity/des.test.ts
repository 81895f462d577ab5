import { describe, expect, it } from 'vitest';
import { exponential, type Job, Simulation, Station } from '../../../capacity/des';
import { mulberry32 } from '../../../functions/sbms/domain/random';

/** Poisson arrivals at `lambda` into `servers` exponential servers of rate `mu`; mean wait in queue. */
function simulateQueue(lambda: number, mu: number, servers: number, customers: number, seed: number) {
  const sim = new Simulation();
  const random = mulberry32(seed);
  let waited = 0;
  let inSystem = 0;
  let done = 0;
  const station = new Station<Job>(
    sim,
    servers,
    () => exponential(random, 1 / mu),
    (job, startedAt) => {
      waited += startedAt - job.arrivedAt;
      inSystem += sim.now - job.arrivedAt;
      done++;
    },
  );
  let t = 0;
  for (let i = 0; i < customers; i++) {
    t += exponential(random, 1 / lambda);
    const at = t;
    sim.schedule(at, () => station.arrive({ arrivedAt: at }));
  }
  sim.run();
  return { meanWait: waited / done, meanInSystem: inSystem / done, done };
}

describe('discrete-event core', () => {
  it('runs events in time order, ties in scheduling order', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.schedule(2, () => seen.push('b'));
    sim.schedule(1, () => {
      seen.push('a');
      sim.schedule(2, () => seen.push('c'));
    });
    sim.schedule(3, () => seen.push('d'));
    sim.run();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(sim.now).toBe(3);
  });

  it('refuses an event in the past', () => {
    const sim = new Simulation();
    sim.schedule(5, () => expect(() => sim.schedule(4, () => {})).toThrow(/before now/));
    sim.run();
  });

  it('M/M/1 at rho 0.8 matches its closed form (Wq = rho / (mu - lambda), W = 1 / (mu - lambda))', () => {
    const lambda = 0.8;
    const mu = 1;
    const { meanWait, meanInSystem, done } = simulateQueue(lambda, mu, 1, 200_000, 11);
    expect(done).toBe(200_000);
    expect(meanWait).toBeCloseTo(lambda / mu / (mu - lambda), 0); // 4
    expect(Math.abs(meanWait / 4 - 1)).toBeLessThan(0.05);
    expect(Math.abs(meanInSystem / 5 - 1)).toBeLessThan(0.05);
  });

  it('M/M/2 at rho 0.75 matches the Erlang C mean wait', () => {
    const lambda = 1.5;
    const mu = 1;
    const c = 2;
    const a = lambda / mu;
    const rho = a / c;
    // Erlang C probability of waiting, then Wq = C / (c mu - lambda)
    const top = (a ** c / 2) * (1 / (1 - rho));
    const erlangC = top / (1 + a + top);
    const expected = erlangC / (c * mu - lambda);
    const { meanWait } = simulateQueue(lambda, mu, c, 200_000, 5);
    expect(Math.abs(meanWait / expected - 1)).toBeLessThan(0.05);
  });

  it('is deterministic for a seed', () => {
    expect(simulateQueue(0.5, 1, 1, 5000, 3)).toEqual(simulateQueue(0.5, 1, 1, 5000, 3));
    expect(simulateQueue(0.5, 1, 1, 5000, 3)).not.toEqual(simulateQueue(0.5, 1, 1, 5000, 4));
  });

  it('a station with no servers holds its jobs until servers are added', () => {
    const sim = new Simulation();
    const finished: number[] = [];
    const station = new Station<Job>(
      sim,
      0,
      () => 1,
      () => finished.push(sim.now),
    );
    sim.schedule(0, () => {
      station.arrive({ arrivedAt: 0 });
      station.arrive({ arrivedAt: 0 });
    });
    sim.schedule(10, () => {
      station.servers = 1;
    });
    sim.run();
    expect(finished).toEqual([11, 12]);
    expect(station.waiting).toBe(0);
  });
});
