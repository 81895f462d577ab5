import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap and array buffers in use after a full collection: what a loaded structure really holds. */
export function settledBytes(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Samples the process's RSS and heap every `intervalMs` until stopped; returns the maxima. */
export function sampleMemory(intervalMs = 200) {
  const max = { maxRssBytes: 0, maxHeapUsedBytes: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    max.maxRssBytes = Math.max(max.maxRssBytes, usage.rss);
    max.maxHeapUsedBytes = Math.max(max.maxHeapUsedBytes, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}
