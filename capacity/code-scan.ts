import { createHammingKernel, createWasmMemory } from '../functions/sbms/domain/hamming-kernel';
import { mulberry32 } from '../functions/sbms/domain/random';

const PAGE = 65536;
const CODE_BYTES = 32; // 256-bit face codes
/** Slack over the 64th-nearest distance, and room for the hits, as the shard's one-pass scan has them. */
const LIMIT_MARGIN = 4;
const ROOM = 64 * 32;

/**
 * Code counts at which the scan alone is timed: powers of two from 4,096 to 4,194,304, so that no gallery
 * size of measure or validate (multiples of 5,000 and 12,500) and no held-out size lies on it.
 */
export const SCAN_LADDER = Array.from({ length: 11 }, (_, k) => 4096 * 2 ** k);

export interface CodeScan {
  templates: number;
  /** One scan of every code with a new query, as the shard's one-pass scan does it; returns its ms. */
  scan(): number;
}

/**
 * The WebAssembly Hamming scan of a shard (`below`, the path a search takes when its learnt limit holds)
 * over `templates` random 256-bit codes, without the rest of the search: encoding, shortlist sort and
 * re-ranking. Its cost does not depend on the codes' values (bar the few hundred hits it writes), so random
 * codes stand for a gallery's, and sizes far above what can be generated here (millions) can be timed.
 */
export function codeScan(templates: number, shortlist: number, seed: number): CodeScan {
  const query = 0;
  const hist = 64;
  const codes = 2048;
  const systems = codes + templates * CODE_BYTES;
  const out = Math.ceil((systems + templates) / 8) * 8;
  const outDist = out + ROOM * 4;
  const dist = outDist + ROOM * 2;
  const memory = createWasmMemory(Math.ceil((dist + templates * 2) / PAGE));
  const kernel = createHammingKernel(CODE_BYTES / 8, memory);
  const random = mulberry32(seed ^ templates);
  const fill = (from: number, bytes: number) => {
    const words = new Uint32Array(memory.buffer, from, bytes / 4);
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(random() * 2 ** 32);
  };
  fill(codes, templates * CODE_BYTES);
  // systems stay 0: every slot is allowed by mask 1

  // the limit a shard learns: the shortlist's last distance (from one full histogram pass) + the margin
  fill(query, CODE_BYTES);
  kernel.hamming(codes, templates, query, systems, 1, dist, hist);
  const histogram = new Uint32Array(memory.buffer, hist, 257);
  let below = 0;
  let last = 0;
  while (last < 256 && below + histogram[last]! < shortlist) below += histogram[last++]!;
  const limit = last + LIMIT_MARGIN;

  return {
    templates,
    scan() {
      fill(query, CODE_BYTES);
      const started = performance.now();
      kernel.below(codes, templates, query, systems, 1, limit, out, outDist, ROOM);
      return performance.now() - started;
    },
  };
}
