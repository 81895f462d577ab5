/**
 * Latency and failure injected into a reference source, for tests and the benchmark. A hanging
 * source ignores its abort signal on purpose: the portal must not rely on sources cooperating.
 */
export interface FaultInjection {
  /** Fixed delay before answering. */
  latencyMs?: number;
  /** Extra delay, uniform in [0, jitterMs). */
  jitterMs?: number;
  /** Probability (0..1) that a search fails after its delay. */
  errorRate?: number;
  /** Never answer. */
  hang?: boolean;
}

export class InjectedSourceFailure extends Error {
  constructor(system: string) {
    super(`${system}: injected failure`);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function applyFaults(
  system: string,
  faults: FaultInjection,
  signal: AbortSignal,
  random: () => number,
): Promise<void> {
  if (faults.hang) await new Promise<never>(() => {});
  const delay = (faults.latencyMs ?? 0) + random() * (faults.jitterMs ?? 0);
  if (delay > 0) await sleep(delay, signal);
  if (random() < (faults.errorRate ?? 0)) throw new InjectedSourceFailure(system);
}
