/**
 * Hamming-distance scan over binary codes, as a tiny WebAssembly module emitted from code below
 * (native 64-bit popcount: ~5-10x faster than the best plain-JS SWAR popcount, measured in ADR 0003).
 *
 * Memory belongs to the caller (one `WebAssembly.Memory` per index); the kernel only reads codes,
 * system ids and the query and writes distances, a distance histogram and shortlisted slot numbers.
 */

const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i64Load: 0x29,
  i32Load8u: 0x2d,
  i32Load16u: 0x2f,
  i32Store: 0x36,
  i32Store16: 0x3b,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32LeU: 0x4d,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i64Popcnt: 0x7b,
  i64Add: 0x7c,
  i64Xor: 0x85,
  i32WrapI64: 0xa7,
  void: 0x40,
  i32: 0x7f,
} as const;

function uleb(value: number): number[] {
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

function sleb(value: number): number[] {
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

const i32Const = (value: number) => [op.i32Const, ...sleb(value)];
const get = (local: number) => [op.localGet, ...uleb(local)];
const set = (local: number) => [op.localSet, ...uleb(local)];
const tee = (local: number) => [op.localTee, ...uleb(local)];
const mem = (code: number, alignLog2: number, offset = 0) => [code, ...uleb(alignLog2), ...uleb(offset)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => vec([...text].map((c) => [c.charCodeAt(0)]));
/** Opens `block` and leaves it at once when `count` is zero (the loop inside runs at least once). */
const unlessZero = (count: number) => [op.block, op.void, ...get(count), op.i32Eqz, op.brIf, 0];
/** Closes `loop` and the `block` of `unlessZero`: loops again while ++i < count. */
const whileBelow = (i: number, count: number) => [
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

/**
 * `hamming(codes, count, query, systems, mask, dist, hist)`: for each slot i whose system id bit is set in
 * `mask`, dist[i] = popcount(code[i] xor query) and hist[dist[i]] += 1; other slots get dist 0xFFFF.
 */
/** Leaves popcount(code at `p` xor query at `query`) on the stack, as an i32. */
function distance(words: number, p: number, query: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < words; k++) {
    out.push(...get(p), ...mem(op.i64Load, 3, 8 * k), ...get(query), ...mem(op.i64Load, 3, 8 * k));
    out.push(op.i64Xor, op.i64Popcnt);
    if (k > 0) out.push(op.i64Add);
  }
  out.push(op.i32WrapI64);
  return out;
}

/**
 * The loop both scans share: for each slot i (its code at p) whose system id bit is set in `mask`, run
 * `allowed`, otherwise `denied`; then `each`; then advance. `result` is left on the stack at the end.
 */
function slotScan(
  words: number,
  [codes, count, systems, mask, i, p]: readonly [number, number, number, number, number, number],
  body: { allowed: number[]; denied?: number[]; each?: number[]; result?: number[] },
): number[] {
  return [
    ...[1, 4, op.i32], // locals: 4 x i32
    ...unlessZero(count),
    ...get(codes),
    ...set(p),
    op.loop,
    op.void,
    ...get(mask),
    ...get(systems),
    ...get(i),
    op.i32Add,
    ...mem(op.i32Load8u, 0),
    op.i32ShrU,
    ...i32Const(1),
    op.i32And,
    op.if,
    op.void,
    ...body.allowed,
    ...(body.denied ? [op.else, ...body.denied] : []),
    op.end,
    ...(body.each ?? []),
    ...get(p),
    ...i32Const(8 * words),
    op.i32Add,
    ...set(p),
    ...whileBelow(i, count),
    ...(body.result ?? []),
    op.end,
  ];
}

function hammingBody(words: number): number[] {
  const [codes, count, query, systems, mask, dist, hist, i, d, p, h] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  return slotScan(words, [codes, count, systems, mask, i, p], {
    allowed: [
      ...distance(words, p, query),
      ...set(d),
      ...get(hist),
      ...get(d),
      ...i32Const(2),
      op.i32Shl,
      op.i32Add,
      ...tee(h),
      ...get(h),
      ...mem(op.i32Load, 2),
      ...i32Const(1),
      op.i32Add,
      ...mem(op.i32Store, 2),
    ],
    denied: [...i32Const(0xffff), ...set(d)],
    each: [
      ...get(dist),
      ...get(i),
      ...i32Const(1),
      op.i32Shl,
      op.i32Add,
      ...get(d),
      ...mem(op.i32Store16, 1),
    ],
  });
}

/**
 * `collect(dist, count, cutoff, quota, out) -> n`: writes the slot numbers with dist < cutoff, and the
 * first `quota` ones with dist == cutoff, to out[0..n).
 */
function collectBody(): number[] {
  const [dist, count, cutoff, quota, out, i, n, d] = [0, 1, 2, 3, 4, 5, 6, 7];
  const append = [
    ...get(out),
    ...get(n),
    ...i32Const(2),
    op.i32Shl,
    op.i32Add,
    ...get(i),
    ...mem(op.i32Store, 2),
    ...get(n),
    ...i32Const(1),
    op.i32Add,
    ...set(n),
  ];
  return [
    ...[1, 3, op.i32], // locals: 3 x i32
    ...unlessZero(count),
    op.loop,
    op.void,
    ...get(dist),
    ...get(i),
    ...i32Const(1),
    op.i32Shl,
    op.i32Add,
    ...mem(op.i32Load16u, 1),
    ...tee(d),
    ...get(cutoff),
    op.i32LtU,
    op.if,
    op.void,
    ...append,
    op.else,
    ...get(d),
    ...get(cutoff),
    op.i32Eq,
    ...get(quota),
    ...i32Const(0),
    op.i32GtS,
    op.i32And,
    op.if,
    op.void,
    ...append,
    ...get(quota),
    ...i32Const(1),
    op.i32Sub,
    ...set(quota),
    op.end,
    op.end,
    ...whileBelow(i, count),
    ...get(n),
    op.end,
  ];
}

/**
 * `below(codes, count, query, systems, mask, limit, outSlots, outDist, capacity) -> found`: one pass that
 * writes (slot, distance) of the allowed slots with distance <= limit, at most `capacity` of them, and
 * returns how many there were (possibly more than `capacity`).
 */
function belowBody(words: number): number[] {
  const [codes, count, query, systems, mask, limit, outSlots, outDist, capacity] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8,
  ];
  const [i, d, p, found] = [9, 10, 11, 12];
  return slotScan(words, [codes, count, systems, mask, i, p], {
    allowed: [
      ...distance(words, p, query),
      ...tee(d),
      ...get(limit),
      op.i32LeU,
      op.if,
      op.void,
      ...get(found),
      ...get(capacity),
      op.i32LtU,
      op.if,
      op.void,
      ...get(outSlots),
      ...get(found),
      ...i32Const(2),
      op.i32Shl,
      op.i32Add,
      ...get(i),
      ...mem(op.i32Store, 2),
      ...get(outDist),
      ...get(found),
      ...i32Const(1),
      op.i32Shl,
      op.i32Add,
      ...get(d),
      ...mem(op.i32Store16, 1),
      op.end,
      ...get(found),
      ...i32Const(1),
      op.i32Add,
      ...set(found),
      op.end,
    ],
    result: get(found),
  });
}

function moduleBytes(words: number): Uint8Array {
  const hammingType = [0x60, ...vec(Array.from({ length: 7 }, () => [op.i32])), ...vec([])];
  const collectType = [0x60, ...vec(Array.from({ length: 5 }, () => [op.i32])), ...vec([[op.i32]])];
  const belowType = [0x60, ...vec(Array.from({ length: 9 }, () => [op.i32])), ...vec([[op.i32]])];
  const bodies = [hammingBody(words), collectBody(), belowBody(words)];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([hammingType, collectType, belowType])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0], [1], [2]])),
    ...section(
      7,
      vec([
        [...name('hamming'), 0x00, 0],
        [...name('collect'), 0x00, 1],
        [...name('below'), 0x00, 2],
      ]),
    ),
    ...section(10, vec(bodies.map((body) => [...uleb(body.length), ...body]))),
  ]);
}

export interface HammingKernel {
  hamming(
    codes: number,
    count: number,
    query: number,
    systems: number,
    mask: number,
    dist: number,
    hist: number,
  ): void;
  collect(dist: number, count: number, cutoff: number, quota: number, out: number): number;
  below(
    codes: number,
    count: number,
    query: number,
    systems: number,
    mask: number,
    limit: number,
    outSlots: number,
    outDist: number,
    capacity: number,
  ): number;
}

/** The part of the WebAssembly JS API used here (the project's type libraries do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Linear memory of `pages` 64 KiB pages for a kernel. */
export function createWasmMemory(pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages });
}

const modules = new Map<number, object>();

/** A kernel for codes of `words` 64-bit words, working on `memory`. */
export function createHammingKernel(words: number, memory: WasmMemory): HammingKernel {
  let module = modules.get(words);
  if (!module) {
    module = new wasm.Module(moduleBytes(words));
    modules.set(words, module);
  }
  const instance = new wasm.Instance(module, { env: { memory } });
  return instance.exports as HammingKernel;
}
