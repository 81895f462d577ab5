/**
 * A few helpers to emit WebAssembly modules from code (no toolchain): opcodes, LEB128 immediates, sections.
 * The kernels of the sBMS (`code-scan-kernel.ts`) and the exact scan of the benchmark are written with them.
 */

export const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f32Load: 0x2a,
  i32Load8u: 0x2d,
  i32Store: 0x36,
  f32Store: 0x38,
  f32Lt: 0x5d,
  f32Ge: 0x60,
  f32Add: 0x92,
  f32Max: 0x97,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  void: 0x40,
  i32: 0x7f,
  f32: 0x7d,
  v128: 0x7b,
} as const;

/** SIMD instructions (prefix 0xfd, then the LEB128 opcode). */
export const simd = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  swizzle: 0x0e,
  i8x16Splat: 0x0f,
  f32x4Splat: 0x13,
  f32x4ExtractLane: 0x1f,
  f32x4Lt: 0x43,
  f32x4Ge: 0x46,
  and: 0x4e,
  or: 0x50,
  bitselect: 0x52,
  anyTrue: 0x53,
  i8x16Sub: 0x71,
  i8x16ShrU: 0x6d,
  i8x16Add: 0x6e,
  i16x8ExtendLowI8x16S: 0x87,
  i16x8ExtendHighI8x16S: 0x88,
  i16x8ExtendLowI8x16U: 0x89,
  i16x8ExtendHighI8x16U: 0x8a,
  i16x8Add: 0x8e,
  i32x4ExtendLowI16x8S: 0xa7,
  i32x4ExtendHighI16x8S: 0xa8,
  i32x4ExtendLowI16x8U: 0xa9,
  i32x4ExtendHighI16x8U: 0xaa,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f32x4Pmax: 0xeb,
  f32x4ConvertI32x4U: 0xfb,
} as const;

export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export const i32Const = (value: number) => [op.i32Const, ...sleb(value)];
export const f32Const = (value: number) => [op.f32Const, ...new Uint8Array(new Float32Array([value]).buffer)];
export const get = (local: number) => [op.localGet, ...uleb(local)];
export const set = (local: number) => [op.localSet, ...uleb(local)];
export const tee = (local: number) => [op.localTee, ...uleb(local)];
export const mem = (code: number, alignLog2: number, offset = 0) => [
  code,
  ...uleb(alignLog2),
  ...uleb(offset),
];
export const v128 = (code: number, ...immediates: number[]) => [0xfd, ...uleb(code), ...immediates];
/** v128.load / v128.store with a byte offset. */
export const vload = (offset = 0) => v128(simd.load, 4, ...uleb(offset));
export const vstore = (offset = 0) => v128(simd.store, 4, ...uleb(offset));
export const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => vec([...text].map((c) => [c.charCodeAt(0)]));

/** Opens `block` and leaves it at once when `count` is zero (the loop inside runs at least once). */
export const unlessZero = (count: number) => [op.block, op.void, ...get(count), op.i32Eqz, op.brIf, 0];
/** Closes `loop` and the `block` of `unlessZero`: loops again while ++i < count. */
export const whileBelow = (i: number, count: number) => [
  ...get(i),
  ...i32Const(1),
  op.i32Add,
  ...tee(i),
  ...get(count),
  op.i32LtU,
  op.brIf,
  0,
  op.end,
  op.end,
];

export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  /** Extra locals as [count, type] groups. */
  locals: [number, number][];
  code: number[];
}

/** A module importing `env.memory` and exporting `functions` by name. */
export function moduleBytes(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((p) => [p])),
    ...vec(f.results.map((r) => [r])),
  ]);
  const bodies = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.code, op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}

/** The part of the WebAssembly JS API used here (the project's type libraries do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export const PAGE = 65536;

/** Linear memory of `pages` 64 KiB pages for a kernel. */
export function createWasmMemory(pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages });
}

/** Compiles `bytes` (cached by `key`) and instantiates it on `memory`. */
export function instantiate<T>(key: string, bytes: () => Uint8Array, memory: WasmMemory): T {
  let module = compiled.get(key);
  if (!module) {
    module = new wasm.Module(bytes());
    compiled.set(key, module);
  }
  return new wasm.Instance(module, { env: { memory } }).exports as T;
}
const compiled = new Map<string, object>();
