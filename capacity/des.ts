/**
 * A small discrete-event simulation core: a clock, a time-ordered event list (binary heap; ties in
 * scheduling order, so a run is deterministic), and FIFO stations with a (changeable) number of servers.
 */
export class Simulation {
  now = 0;
  private heap: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;

  schedule(at: number, run: () => void): void {
    if (!(at >= this.now)) throw new Error(`cannot schedule at ${at}, before now (${this.now})`);
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Runs events in time order until none is left or the next is after `until`. */
  run(until = Number.POSITIVE_INFINITY): void {
    const heap = this.heap;
    while (heap.length > 0 && heap[0]!.at <= until) {
      const next = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      }
      this.now = next.at;
      next.run();
    }
    if (until !== Number.POSITIVE_INFINITY) this.now = Math.max(this.now, until);
  }
}

const before = (a: { at: number; seq: number }, b: { at: number; seq: number }) =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);

export interface Job {
  arrivedAt: number;
}

/**
 * A FIFO queue in front of `servers` identical servers. `serviceTime()` draws a job's service time;
 * `onDone(job, waited)` is called when a job's service ends. Lowering `servers` lets busy servers
 * finish their job; no new job starts until fewer than `servers` are busy.
 */
export class Station<J extends Job> {
  private queue: J[] = [];
  private head = 0;
  busy = 0;

  constructor(
    private readonly sim: Simulation,
    private serverCount: number,
    private readonly serviceTime: (job: J) => number,
    private readonly onDone: (job: J, startedAt: number) => void,
  ) {}

  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** The job that has waited longest, if any. */
  get oldest(): J | undefined {
    return this.queue[this.head];
  }

  set servers(count: number) {
    this.serverCount = count;
    this.startWaiting();
  }

  arrive(job: J): void {
    this.queue.push(job);
    this.startWaiting();
  }

  private startWaiting(): void {
    while (this.busy < this.serverCount && this.head < this.queue.length) {
      const job = this.queue[this.head++]!;
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.busy++;
      const startedAt = this.sim.now;
      this.sim.schedule(this.sim.now + this.serviceTime(job), () => {
        this.busy--;
        this.onDone(job, startedAt);
        this.startWaiting();
      });
    }
  }
}

/** An exponential draw with the given mean from a uniform source on [0, 1). */
export const exponential = (random: () => number, meanValue: number) => -Math.log(1 - random()) * meanValue;
