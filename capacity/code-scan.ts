import { createCodeScanKernel } from '../functions/sbms/domain/code-scan-kernel';
import { mulberry32 } from '../functions/sbms/domain/random';
import { createWasmMemory, PAGE } from '../functions/sbms/domain/wasm-module';

const CODE_BYTES = 64; // 512-bit face codes
const TABLES = (CODE_BYTES * 2 * 16) as number;

/**
 * Code counts at which the scan alone is timed: powers of two from 4,096 to 4,194,304, so that no gallery
 * size of measure or validate (multiples of 5,000 and 12,500) and no held-out size lies on it.
 */
export const SCAN_LADDER = Array.from({ length: 11 }, (_, k) => 4096 * 2 ** k);

export interface CodeScan {
  templates: number;
  /** One scan of every code with a new probe's tables, as a shard's search does it; returns its ms. */
  scan(): number;
}

/**
 * The WebAssembly SIMD scan of a shard (`scan`: the estimate of every code from the probe's tables) over
 * `templates` random 512-bit codes, without the rest of the search: the probe's tables, the collect passes
 * and the exact re-ranking. Its cost does not depend on the codes' values, so random codes stand for a
 * gallery's, and sizes far above what can be generated here (millions) can be timed.
 */
export function codeScan(templates: number, seed: number): CodeScan {
  const slots = Math.ceil(templates / 16) * 16;
  const tables = 0;
  const allow = TABLES;
  const codes = allow + 64;
  const factors = codes + slots * CODE_BYTES;
  const bounds = factors + slots * 4;
  const systems = bounds + slots * 4;
  const scores = systems + slots;
  const memory = createWasmMemory(Math.ceil((scores + slots * 4) / PAGE));
  const kernel = createCodeScanKernel(CODE_BYTES, memory);
  const random = mulberry32(seed ^ templates);
  const fill = (from: number, bytes: number, max: number) => {
    const view = new Uint8Array(memory.buffer, from, bytes);
    for (let i = 0; i < view.length; i++) view[i] = Math.floor(random() * (max + 1));
  };
  fill(codes, slots * CODE_BYTES, 255);
  new Float32Array(memory.buffer, factors, slots).fill(1 / 18);
  new Float32Array(memory.buffer, bounds, slots).fill(0.12);
  new Uint8Array(memory.buffer, allow, 32).fill(0xff, 0, 1); // system 0 allowed; every slot is system 0
  return {
    templates,
    scan() {
      fill(tables, TABLES, 127);
      const started = performance.now();
      kernel.scan(codes, slots / 16, tables, factors, bounds, systems, allow, allow + 16, 0.01, -18, scores);
      return performance.now() - started;
    },
  };
}
