import { mulberry32 } from '../functions/sbms/domain/random';
import { exponential, type Job, Simulation, Station } from './des';
import { percentile } from './stats';

export interface PeakDayInput {
  /** Records ingested in each hour of the day (24 values). */
  recordsPerHour: readonly number[];
  /** Verifiers on duty in each hour (24 values). */
  verifiersPerHour: readonly number[];
  verificationMinutes: number;
  /** MID check consumers (Lambda instances of the check consumer). */
  consumers: number;
  /** Measured service times of one MID check (ms), replayed by drawing from them. */
  checkServiceMs: readonly number[];
  /** Measured share of checks that produce a yellow link (may exceed 1: links per check). */
  yellowPerCheck: number;
  bucketMinutes: number;
  seed: number;
}

export interface Bucket {
  /** Minutes since midnight at the end of the bucket. */
  minute: number;
  arrivals: number;
  midQueueDepth: number;
  checkLatencyP95Ms: number;
  yellowBacklog: number;
  oldestYellowAgeMinutes: number;
  verifiers: number;
}

/**
 * A peak day, second by second: records arrive (Poisson within each hour at that hour's rate), each
 * enqueues a MID check served FIFO by `consumers` consumers with service times drawn from the measured
 * ones; a check yields yellow links at the measured rate; yellow links wait for the verifiers on duty
 * that hour (exponential verification times). Ingestion itself is not a queue: every PUT is its own
 * function invocation, so records join the MID queue as they arrive. Deterministic for a seed.
 */
export function simulatePeakDay(input: PeakDayInput) {
  if (input.recordsPerHour.length !== 24 || input.verifiersPerHour.length !== 24) {
    throw new Error('recordsPerHour and verifiersPerHour need 24 values each');
  }
  const sim = new Simulation();
  const random = mulberry32(input.seed);
  const bucketSeconds = input.bucketMinutes * 60;
  const buckets: Bucket[] = [];
  let bucketArrivals = 0;
  let bucketLatencies: number[] = [];
  const allLatencies: number[] = [];
  let yellowCreated = 0;
  let verified = 0;
  const verifyAges: number[] = [];

  const verifiers = new Station<Job>(
    sim,
    input.verifiersPerHour[0]!,
    () => exponential(random, input.verificationMinutes * 60),
    (job, startedAt) => {
      verified++;
      verifyAges.push(startedAt - job.arrivedAt);
    },
  );
  const service = input.checkServiceMs;
  const mid = new Station<Job>(
    sim,
    input.consumers,
    () => service[Math.floor(random() * service.length)]! / 1000,
    (job) => {
      const latencyMs = (sim.now - job.arrivedAt) * 1000;
      bucketLatencies.push(latencyMs);
      allLatencies.push(latencyMs);
      let yellow = Math.floor(input.yellowPerCheck);
      if (random() < input.yellowPerCheck - yellow) yellow++;
      for (let i = 0; i < yellow; i++) {
        yellowCreated++;
        verifiers.arrive({ arrivedAt: sim.now });
      }
    },
  );

  for (let hour = 0; hour < 24; hour++) {
    const start = hour * 3600;
    sim.schedule(start, () => {
      verifiers.servers = input.verifiersPerHour[hour]!;
    });
    const rate = input.recordsPerHour[hour]! / 3600;
    if (rate <= 0) continue;
    let t = start + exponential(random, 1 / rate);
    const arrive = (at: number) => () => {
      bucketArrivals++;
      mid.arrive({ arrivedAt: at });
    };
    while (t < start + 3600) {
      sim.schedule(t, arrive(t));
      t += exponential(random, 1 / rate);
    }
  }
  for (let end = bucketSeconds; end <= 24 * 3600; end += bucketSeconds) {
    sim.schedule(end, () => {
      const oldest = verifiers.oldest;
      buckets.push({
        minute: end / 60,
        arrivals: bucketArrivals,
        midQueueDepth: mid.waiting,
        checkLatencyP95Ms: bucketLatencies.length ? round(percentile(bucketLatencies, 95)) : 0,
        yellowBacklog: verifiers.waiting,
        oldestYellowAgeMinutes: oldest ? round((sim.now - oldest.arrivedAt) / 60) : 0,
        verifiers: input.verifiersPerHour[Math.min(23, Math.floor((end - 1) / 3600))]!,
      });
      bucketArrivals = 0;
      bucketLatencies = [];
    });
  }
  sim.run(24 * 3600);

  const max = (pick: (b: Bucket) => number) => buckets.reduce((m, b) => Math.max(m, pick(b)), 0);
  return {
    summary: {
      records: input.recordsPerHour.reduce((s, v) => s + v, 0),
      checksDone: allLatencies.length,
      consumers: input.consumers,
      checkLatencyP50Ms: round(percentile(allLatencies, 50)),
      checkLatencyP95Ms: round(percentile(allLatencies, 95)),
      checkLatencyMaxMs: round(allLatencies.reduce((m, v) => Math.max(m, v), 0)),
      maxMidQueueDepth: max((b) => b.midQueueDepth),
      consumerUtilisationPeakHour: round(
        (Math.max(...input.recordsPerHour) / 3600) *
          (service.reduce((s, v) => s + v, 0) / service.length / 1000 / input.consumers),
      ),
      yellowLinks: yellowCreated,
      verified,
      yellowBacklogEndOfDay: verifiers.waiting,
      maxYellowBacklog: max((b) => b.yellowBacklog),
      maxOldestYellowAgeMinutes: max((b) => b.oldestYellowAgeMinutes),
      yellowWaitP95Minutes: verifyAges.length ? round(percentile(verifyAges, 95) / 60) : 0,
      verifierHours: input.verifiersPerHour.reduce((s, v) => s + v, 0),
    },
    buckets,
  };
}
export type PeakDayResult = ReturnType<typeof simulatePeakDay>;

const round = (value: number) => Math.round(value * 10) / 10;
