/**
 * Float dot products in WebAssembly SIMD (f32x4, four accumulators): `dots` over consecutive vectors (the
 * benchmark's exact scan) and `dotsAt` over listed slots (the index's exact re-ranking). Dimensions must be a
 * multiple of 16.
 */
import type { WasmFunction, WasmMemory } from './wasm-module';
import {
  get,
  i32Const,
  instantiate,
  moduleBytes,
  op,
  set,
  simd,
  tee,
  unlessZero,
  v128,
  vload,
  whileBelow,
} from './wasm-module';

/**
 * `dots(vectors, count, dimBytes, probe, out)`: out[i] = vector i . probe; with `gathered`,
 * `dotsAt(vectors, count, dimBytes, probe, out, slots)`: out[i] = vector slots[i] . probe.
 */
function dotsFunction(gathered: boolean): WasmFunction {
  const [vectors, count, dimBytes, probe, out, slots] = [0, 1, 2, 3, 4, 5];
  const [i, k, p, a0, a1, a2, a3, s] = [6, 7, 8, 9, 10, 11, 12, 13];
  const zero = v128(simd.const, ...new Array(16).fill(0));
  const accumulate = (acc: number, offset: number) => [
    ...get(acc),
    ...get(p),
    ...get(k),
    op.i32Add,
    ...vload(offset),
    ...get(probe),
    ...get(k),
    op.i32Add,
    ...vload(offset),
    ...v128(simd.f32x4Mul),
    ...v128(simd.f32x4Add),
    ...set(acc),
  ];
  const lane = (n: number) => [...get(s), ...v128(simd.f32x4ExtractLane, n)];
  const start = gathered
    ? [
        ...get(vectors),
        ...get(slots),
        ...get(i),
        ...i32Const(2),
        op.i32Shl,
        op.i32Add,
        ...[op.i32Load, 2, 0],
        ...get(dimBytes),
        op.i32Mul,
        op.i32Add,
        ...set(p),
      ]
    : [...get(vectors), ...get(i), ...get(dimBytes), op.i32Mul, op.i32Add, ...set(p)];
  return {
    name: gathered ? 'dotsAt' : 'dots',
    params: [op.i32, op.i32, op.i32, op.i32, op.i32, ...(gathered ? [op.i32] : [])],
    results: [],
    locals: gathered
      ? [
          [3, op.i32],
          [5, op.v128],
        ]
      : [
          [1, op.i32],
          [3, op.i32],
          [5, op.v128],
        ],
    code: [
      ...unlessZero(count),
      op.loop,
      op.void,
      ...start,
      ...zero,
      ...set(a0),
      ...zero,
      ...set(a1),
      ...zero,
      ...set(a2),
      ...zero,
      ...set(a3),
      ...i32Const(0),
      ...set(k),
      op.loop,
      op.void,
      ...accumulate(a0, 0),
      ...accumulate(a1, 16),
      ...accumulate(a2, 32),
      ...accumulate(a3, 48),
      ...get(k),
      ...i32Const(64),
      op.i32Add,
      ...tee(k),
      ...get(dimBytes),
      op.i32LtU,
      op.brIf,
      0,
      op.end,
      ...get(a0),
      ...get(a1),
      ...v128(simd.f32x4Add),
      ...get(a2),
      ...get(a3),
      ...v128(simd.f32x4Add),
      ...v128(simd.f32x4Add),
      ...set(s),
      ...get(out),
      ...get(i),
      ...i32Const(2),
      op.i32Shl,
      op.i32Add,
      ...lane(0),
      ...lane(1),
      op.f32Add,
      ...lane(2),
      ...lane(3),
      op.f32Add,
      op.f32Add,
      ...[op.f32Store, 2, 0],
      ...whileBelow(i, count),
    ],
  };
}

export interface DotKernel {
  dots(vectors: number, count: number, dimBytes: number, probe: number, out: number): void;
  dotsAt(vectors: number, count: number, dimBytes: number, probe: number, out: number, slots: number): void;
}

export function createDotKernel(memory: WasmMemory): DotKernel {
  return instantiate<DotKernel>('dots', () => moduleBytes([dotsFunction(false), dotsFunction(true)]), memory);
}
