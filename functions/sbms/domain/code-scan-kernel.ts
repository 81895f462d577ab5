/**
 * The WebAssembly SIMD kernels of the sBMS scan (emitted from code, see wasm-module.ts).
 *
 * Codes are stored in blocks of 16 slots, transposed: byte j of slot s is at
 * `codes + (s >> 4) * codeBytes * 16 + j * 16 + (s & 15)`, so one 16-byte load holds byte j of 16 slots.
 * A code has one bit per rotated coordinate; each 4-bit nibble indexes a 16-entry table of the probe's partial
 * dot products (`lut`: 16 bytes per nibble, low nibble of byte j at `lut + 32j`, high at `lut + 32j + 16`),
 * looked up for 16 slots at once by `i8x16.swizzle`. The table entries are 0..127, so the two lookups of one
 * byte add up in 8 bits; sums widen to 16 bits per slot (at most 127 x 2 x codeBytes < 65,536).
 */
import type { WasmFunction, WasmMemory } from './wasm-module';
import {
  f32Const,
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
  vstore,
  whileBelow,
} from './wasm-module';

const advance = (pointer: number, bytes: number) => [
  ...get(pointer),
  ...i32Const(bytes),
  op.i32Add,
  ...set(pointer),
];
const splat16 = (byte: number) => v128(simd.const, ...new Array(16).fill(byte));
const f32x4 = (value: number) =>
  v128(simd.const, ...[0, 1, 2, 3].flatMap(() => [...f32Const(value).slice(1)]));

/**
 * `scan(codes, blocks, lut, factors, bounds, systems, allowLow, allowHigh, scale, offset, out) -> max`: for every
 * slot, out[s] = factors[s] * (offset + scale * sum of its nibbles' table entries) + bounds[s], or NaN when its
 * system is not
 * allowed (allowLow/allowHigh: 0xff per allowed system id 0-15 / 16-31); returns the largest out value.
 */
function scanFunction(codeBytes: number): WasmFunction {
  const [codes, blocks, lut, factors, bounds, systems, allowLow, allowHigh, scale, offset, out] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  ];
  const [b, accLow, accHigh, sum, allow, best, scaleV, offsetV, raw] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const lookups: number[] = [];
  for (let j = 0; j < codeBytes; j++) {
    lookups.push(
      ...get(lut),
      ...vload(32 * j),
      ...get(codes),
      ...vload(16 * j),
      ...splat16(0x0f),
      ...v128(simd.and),
      ...v128(simd.swizzle),
      ...get(lut),
      ...vload(32 * j + 16),
      ...get(codes),
      ...vload(16 * j),
      ...i32Const(4),
      ...v128(simd.i8x16ShrU),
      ...v128(simd.swizzle),
      ...v128(simd.i8x16Add),
      ...tee(sum),
      ...v128(simd.i16x8ExtendLowI8x16U),
      ...get(accLow),
      ...v128(simd.i16x8Add),
      ...set(accLow),
      ...get(sum),
      ...v128(simd.i16x8ExtendHighI8x16U),
      ...get(accHigh),
      ...v128(simd.i16x8Add),
      ...set(accHigh),
    );
  }
  /** Four slots (lanes of `acc`, low or high half) to scores; `allowLanes` widens their allow bytes. */
  const quarter = (acc: number, high: boolean, allowLanes: number[], q: number) => [
    ...get(acc),
    ...v128(high ? simd.i32x4ExtendHighI16x8U : simd.i32x4ExtendLowI16x8U),
    ...v128(simd.f32x4ConvertI32x4U),
    ...get(scaleV),
    ...v128(simd.f32x4Mul),
    ...get(offsetV),
    ...v128(simd.f32x4Add),
    ...get(factors),
    ...vload(16 * q),
    ...v128(simd.f32x4Mul),
    ...get(bounds),
    ...vload(16 * q),
    ...v128(simd.f32x4Add),
    ...f32x4(Number.NaN),
    ...get(allow),
    ...allowLanes,
    ...v128(simd.bitselect),
    ...set(raw),
    ...get(out),
    ...get(raw),
    ...vstore(16 * q),
    ...get(best),
    ...get(raw),
    ...v128(simd.f32x4Pmax),
    ...set(best),
  ];
  const s16 = (fn: number) => v128(fn);
  return {
    name: 'scan',
    params: [op.i32, op.i32, op.i32, op.i32, op.i32, op.i32, op.i32, op.i32, op.f32, op.f32, op.i32],
    results: [op.f32],
    locals: [
      [1, op.i32],
      [8, op.v128],
    ],
    code: [
      ...f32x4(Number.NEGATIVE_INFINITY),
      ...set(best),
      ...get(scale),
      ...v128(simd.f32x4Splat),
      ...set(scaleV),
      ...get(offset),
      ...v128(simd.f32x4Splat),
      ...set(offsetV),
      ...unlessZero(blocks),
      op.loop,
      op.void,
      ...splat16(0),
      ...set(accLow),
      ...splat16(0),
      ...set(accHigh),
      ...lookups,
      // allow bytes of the 16 slots: table lookup of the system id in the two 16-byte halves of the mask
      ...get(allowLow),
      ...vload(),
      ...get(systems),
      ...vload(),
      ...v128(simd.swizzle),
      ...get(allowHigh),
      ...vload(),
      ...get(systems),
      ...vload(),
      ...splat16(16),
      ...v128(simd.i8x16Sub),
      ...v128(simd.swizzle),
      ...v128(simd.or),
      ...set(allow),
      ...quarter(accLow, false, [...s16(simd.i16x8ExtendLowI8x16S), ...s16(simd.i32x4ExtendLowI16x8S)], 0),
      ...quarter(accLow, true, [...s16(simd.i16x8ExtendLowI8x16S), ...s16(simd.i32x4ExtendHighI16x8S)], 1),
      ...quarter(accHigh, false, [...s16(simd.i16x8ExtendHighI8x16S), ...s16(simd.i32x4ExtendLowI16x8S)], 2),
      ...quarter(accHigh, true, [...s16(simd.i16x8ExtendHighI8x16S), ...s16(simd.i32x4ExtendHighI16x8S)], 3),
      ...advance(codes, 16 * codeBytes),
      ...advance(factors, 64),
      ...advance(bounds, 64),
      ...advance(systems, 16),
      ...advance(out, 64),
      ...whileBelow(b, blocks),
      ...[0, 1, 2, 3].flatMap((lane) => [...get(best), ...v128(simd.f32x4ExtractLane, lane)]),
      op.f32Max,
      op.f32Max,
      op.f32Max,
    ],
  };
}

/**
 * `collect(scores, count, low, high, out, capacity) -> found`: the slots s (count a multiple of 4) with
 * low <= scores[s] < high, in slot order; writes the first `capacity` of them to out and returns how many
 * there are (possibly more than `capacity`). NaN scores are never collected.
 */
function collectFunction(): WasmFunction {
  const [scores, count, low, high, out, capacity] = [0, 1, 2, 3, 4, 5];
  const [i, found, lowV, highV, value] = [6, 7, 8, 9, 10];
  const lane = (k: number) => [
    ...get(scores),
    ...[op.f32Load, 2, 4 * k],
    op.localTee,
    value,
    ...get(low),
    op.f32Ge,
    op.localGet,
    value,
    ...get(high),
    op.f32Lt,
    op.i32And,
    op.if,
    op.void,
    ...get(found),
    ...get(capacity),
    op.i32LtU,
    op.if,
    op.void,
    ...get(out),
    ...get(found),
    ...i32Const(2),
    op.i32Shl,
    op.i32Add,
    ...get(i),
    ...i32Const(k),
    op.i32Add,
    ...[op.i32Store, 2, 0],
    op.end,
    ...get(found),
    ...i32Const(1),
    op.i32Add,
    ...set(found),
    op.end,
  ];
  return {
    name: 'collect',
    params: [op.i32, op.i32, op.f32, op.f32, op.i32, op.i32],
    results: [op.i32],
    locals: [
      [2, op.i32],
      [2, op.v128],
      [1, op.f32],
    ],
    code: [
      ...get(low),
      ...v128(simd.f32x4Splat),
      ...set(lowV),
      ...get(high),
      ...v128(simd.f32x4Splat),
      ...set(highV),
      ...unlessZero(count),
      op.loop,
      op.void,
      ...get(scores),
      ...vload(),
      ...get(lowV),
      ...v128(simd.f32x4Ge),
      ...get(scores),
      ...vload(),
      ...get(highV),
      ...v128(simd.f32x4Lt),
      ...v128(simd.and),
      ...v128(simd.anyTrue),
      op.if,
      op.void,
      ...lane(0),
      ...lane(1),
      ...lane(2),
      ...lane(3),
      op.end,
      ...get(scores),
      ...i32Const(16),
      op.i32Add,
      ...set(scores),
      ...get(i),
      ...i32Const(4),
      op.i32Add,
      ...tee(i),
      ...get(count),
      op.i32LtU,
      op.brIf,
      0,
      op.end,
      op.end,
      ...get(found),
    ],
  };
}

export interface CodeScanKernel {
  scan(
    codes: number,
    blocks: number,
    lut: number,
    factors: number,
    bounds: number,
    systems: number,
    allowLow: number,
    allowHigh: number,
    scale: number,
    offset: number,
    out: number,
  ): number;
  collect(scores: number, count: number, low: number, high: number, out: number, capacity: number): number;
}

/** The kernels for codes of `codeBytes` bytes, working on `memory`. */
export function createCodeScanKernel(codeBytes: number, memory: WasmMemory): CodeScanKernel {
  return instantiate<CodeScanKernel>(
    `code-scan-${codeBytes}`,
    () => moduleBytes([scanFunction(codeBytes), collectFunction()]),
    memory,
  );
}
