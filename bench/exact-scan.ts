// The exact 1:N scans the sBMS index is compared with: every gallery vector, float dot product, top-k.
// - `wasmSimdScan`: WebAssembly SIMD (f32x4, four accumulators), the gallery in the kernel's own memory;
// - `usearchScan`: usearch's native `exactSearch` (SIMD kernels of the CPU), one thread like the index;
// - `scalarScan`: a plain TypeScript loop, kept as context.
import { exactSearch, MetricKind } from 'usearch';
import { createDotKernel } from '../functions/sbms/domain/dot-kernel';
import type { WasmMemory } from '../functions/sbms/domain/wasm-module';
import { createWasmMemory, PAGE } from '../functions/sbms/domain/wasm-module';

export interface TopK {
  indices: Int32Array;
  scores: Float32Array;
}

export interface ExactScan {
  name: string;
  search(probe: Float32Array, k: number): TopK;
}

/** A gallery of `count` vectors of `dim` floats, placed where the WebAssembly scan reads it. */
export interface ExactGallery {
  count: number;
  dim: number;
  vectors: Float32Array;
  memory: WasmMemory;
}

/** At 0: usearch reads a typed array from the start of its buffer, whatever its byte offset. */
const GALLERY_OFFSET = 0;

export function createExactGallery(count: number, dim: number): ExactGallery {
  if (dim % 16 !== 0) throw new Error(`the SIMD exact scan needs a dimension divisible by 16, got ${dim}`);
  const bytes = count * dim * 4 + dim * 4 + count * 4;
  const memory = createWasmMemory(Math.ceil(bytes / PAGE));
  return { count, dim, memory, vectors: new Float32Array(memory.buffer, GALLERY_OFFSET, count * dim) };
}

/** The k highest of `scores` (ties: lower index first), best first. */
export function topOf(scores: Float32Array, k: number): TopK {
  const best = new Float32Array(k).fill(Number.NEGATIVE_INFINITY);
  const indices = new Int32Array(k).fill(-1);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= best[k - 1]!) continue;
    let at = k - 1;
    while (at > 0 && best[at - 1]! < score) {
      best[at] = best[at - 1]!;
      indices[at] = indices[at - 1]!;
      at--;
    }
    best[at] = score;
    indices[at] = i;
  }
  return { indices, scores: best };
}

export function wasmSimdScan(gallery: ExactGallery): ExactScan {
  const { count, dim, memory } = gallery;
  const kernel = createDotKernel(memory);
  const probeAt = GALLERY_OFFSET + count * dim * 4;
  const outAt = probeAt + dim * 4;
  const probeView = new Float32Array(memory.buffer, probeAt, dim);
  const scores = new Float32Array(memory.buffer, outAt, count);
  return {
    name: 'wasm-simd',
    search(probe, k) {
      probeView.set(probe);
      kernel.dots(GALLERY_OFFSET, count, dim * 4, probeAt, outAt);
      return topOf(scores, k);
    },
  };
}

export function usearchScan(gallery: ExactGallery): ExactScan {
  const { dim, vectors } = gallery;
  return {
    name: 'usearch',
    search(probe, k) {
      const found = exactSearch(vectors, probe, dim, k, MetricKind.IP, 1) as {
        keys: BigUint64Array;
        distances: Float32Array;
      };
      return {
        indices: Int32Array.from(found.keys, (key) => Number(key)),
        scores: Float32Array.from(found.distances, (distance) => 1 - distance),
      };
    },
  };
}

/** Plain TypeScript: float dot product with four accumulators, running top-k by insertion. */
export function scalarScan(gallery: ExactGallery): ExactScan {
  const { count, dim, vectors } = gallery;
  const scores = new Float32Array(count);
  return {
    name: 'scalar',
    search(probe, k) {
      for (let i = 0; i < count; i++) {
        const base = i * dim;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < dim; j += 4) {
          s0 += vectors[base + j]! * probe[j]!;
          s1 += vectors[base + j + 1]! * probe[j + 1]!;
          s2 += vectors[base + j + 2]! * probe[j + 2]!;
          s3 += vectors[base + j + 3]! * probe[j + 3]!;
        }
        scores[i] = s0 + s1 + s2 + s3;
      }
      return topOf(scores, k);
    },
  };
}
