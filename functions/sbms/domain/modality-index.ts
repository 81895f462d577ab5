import type { BinaryEncoder } from './binary-code';
import type { CodeScanKernel } from './code-scan-kernel';
import { createCodeScanKernel } from './code-scan-kernel';
import type { DotKernel } from './dot-kernel';
import { createDotKernel } from './dot-kernel';
import type { WasmMemory } from './wasm-module';
import { createWasmMemory, PAGE } from './wasm-module';

/** System id of a free slot: never allowed by a search mask. */
export const FREE_SLOT_SYSTEM = 31;
const BLOCK = 16;
/** Candidates re-ranked per call of the dot kernel. */
const CHUNK = 32;
const SLICES_PER_BOUND = 4;

const align = (value: number, to: number) => Math.ceil(value / to) * to;

interface Layout {
  capacity: number;
  room: number;
  tables: number;
  allow: number;
  probe: number;
  picked: number;
  cosines: number;
  codes: number;
  factors: number;
  bounds: number;
  systems: number;
  scores: number;
  vectors: number;
  out: number;
  bytes: number;
}

/** The part of a shard holding one modality: unit vectors for exact scores, binary codes for the scan. */
export interface ModalityIndexState {
  slots: number;
  vectors: Float32Array;
  /** Codes in blocks of 16 slots (see code-scan-kernel.ts), whole blocks. */
  codes: Uint8Array;
  factors: Float32Array;
  systems: Uint8Array;
  owners: Int32Array;
}

export interface ModalityIndexOptions {
  /** Slots returned per search: the best by exact cosine among those re-ranked (at least this many are). */
  shortlist: number;
  /** Error bound of the estimates, in standard deviations (see `shortlist`). */
  errorSigmas: number;
  /** Slots one collect pass can hand back before the buffer has to grow (tests make it small). */
  room?: number;
  initialCapacity?: number;
}

/**
 * Templates of one modality in one shard, all in one WebAssembly memory. Search = SIMD scan giving every code
 * an upper bound of its cosine with the probe (estimate + `errorSigmas` x its error sd) -> exact cosine (SIMD
 * dot products of the float vectors) in descending bound, until the bounds fall below the best exact cosine
 * found -> the best `shortlist` by exact cosine. Deleted slots are marked free (never candidates) and reused.
 */
export class ModalityIndex {
  private layout: Layout;
  private memory: WasmMemory;
  private scanner: CodeScanKernel;
  private dots: DotKernel;
  private owners: Int32Array;
  private slots = 0;
  private readonly free: number[] = [];
  private readonly code: Uint8Array;
  private readonly dimension: number;
  /** Largest factor and largest bound of any template added: the range of the upper bounds. */
  private maxFactor = 0;
  private maxBound = 0;
  private readonly shortlistSize: number;
  private readonly errorSigmas: number;

  constructor(
    private readonly encoder: BinaryEncoder,
    options: ModalityIndexOptions,
  ) {
    if (encoder.dimension % 16 !== 0)
      throw new Error(`dimension must be a multiple of 16, got ${encoder.dimension}`);
    this.dimension = encoder.dimension;
    this.shortlistSize = options.shortlist;
    this.errorSigmas = options.errorSigmas;
    this.code = new Uint8Array(encoder.codeBytes);
    this.layout = this.layoutFor(align(options.initialCapacity ?? 1024, BLOCK), options.room ?? 4096);
    this.memory = createWasmMemory(this.layout.bytes / PAGE);
    this.scanner = createCodeScanKernel(encoder.codeBytes, this.memory);
    this.dots = createDotKernel(this.memory);
    this.bytes().fill(FREE_SLOT_SYSTEM, this.layout.systems, this.layout.systems + this.layout.capacity);
    this.owners = new Int32Array(this.layout.capacity);
  }

  get size(): number {
    return this.slots - this.free.length;
  }

  owner(slot: number): number {
    return this.owners[slot]!;
  }

  add(vector: Float32Array, owner: number, system: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.slots === this.layout.capacity) this.grow(this.layout.capacity * 2);
      slot = this.slots++;
    }
    this.vectors().set(vector, slot * this.dimension);
    const factor = this.encoder.encode(vector, this.code);
    this.placeCode(slot, this.code);
    this.floats(this.layout.factors)[slot] = factor;
    this.floats(this.layout.bounds)[slot] = this.boundOf(factor);
    this.bytes()[this.layout.systems + slot] = system;
    this.owners[slot] = owner;
    return slot;
  }

  remove(slot: number): void {
    this.bytes()[this.layout.systems + slot] = FREE_SLOT_SYSTEM;
    this.owners[slot] = -1;
    this.free.push(slot);
  }

  /**
   * Slots of the (at most `shortlist`) templates with the highest exact cosine to the probe among those
   * re-ranked, in systems of `mask`, best first. Every template whose upper bound reaches the best exact
   * cosine found is re-ranked, so the rank-1 is the exact scan's unless the estimate of the exact rank-1 is
   * off by more than `errorSigmas` standard deviations. Easy probes (a mate far above the rest) re-rank about
   * `shortlist` templates; unseparated ones (poor captures, non-mated probes) as many as reach the bound.
   */
  shortlist(probe: Float32Array, mask: number): number[] {
    const { layout } = this;
    if (this.slots === 0) return [];
    const { scale, offset } = this.encoder.tables(probe, this.bytes().subarray(layout.tables, layout.allow));
    const allow = this.bytes().subarray(layout.allow, layout.allow + 32);
    for (let id = 0; id < 32; id++) allow[id] = id !== FREE_SLOT_SYSTEM && (mask >>> id) & 1 ? 0xff : 0;
    this.floats(layout.probe, this.dimension).set(probe);
    const blocks = Math.ceil(this.slots / BLOCK);
    const best = this.scanner.scan(
      layout.codes,
      blocks,
      layout.tables,
      layout.factors,
      layout.bounds,
      layout.systems,
      layout.allow,
      layout.allow + 16,
      scale,
      offset,
      layout.scores,
    );
    if (best === Number.NEGATIVE_INFINITY) return [];

    /** Below every upper bound: |s . Rq| <= sqrt(bits) for a unit probe. */
    const floor = -this.maxFactor * Math.sqrt(this.encoder.bits) - 1;
    /** Width of one collect pass: narrow, so that a pass sorts few more candidates than it re-ranks. */
    const step = this.maxBound / SLICES_PER_BOUND;
    const top: { slot: number; cosine: number }[] = [];
    let reranked = 0;
    let high = Number.POSITIVE_INFINITY;
    let low = best - step;
    for (;;) {
      const scores = this.floats(layout.scores, blocks * BLOCK);
      const slice = this.collect(blocks * BLOCK, low, high).sort((a, b) => scores[b]! - scores[a]! || a - b);
      for (let start = 0; start < slice.length; start += CHUNK) {
        const chunk = slice.slice(start, start + CHUNK);
        const cosines = this.exactCosines(chunk);
        for (const [n, slot] of chunk.entries()) {
          if (reranked >= this.shortlistSize && scores[slot]! < top[0]!.cosine) return top.map((t) => t.slot);
          this.keep(top, slot, cosines[n]!);
          reranked++;
        }
      }
      const certified = top.length > 0 ? top[0]!.cosine : Number.POSITIVE_INFINITY;
      if (low === Number.NEGATIVE_INFINITY || (reranked >= this.shortlistSize && low <= certified)) break;
      high = low;
      low = reranked >= this.shortlistSize ? Math.max(low - step, certified) : low - step;
      if (low < floor) low = Number.NEGATIVE_INFINITY;
    }
    return top.map((t) => t.slot);
  }

  /**
   * Slots whose upper bound lies in [low, high), in slot order. When there are more than the buffer holds,
   * the buffer grows and the pass runs again, so that no candidate is dropped.
   */
  private collect(count: number, low: number, high: number): number[] {
    const { scores, out } = this.layout;
    let found = this.scanner.collect(scores, count, low, high, out, this.layout.room);
    if (found > this.layout.room) {
      this.growRoom(found);
      found = this.scanner.collect(scores, count, low, high, out, this.layout.room);
    }
    return Array.from(new Int32Array(this.memory.buffer, out, found));
  }

  /** Exact cosines of the probe (already in memory) with the templates of `slots` (at most CHUNK). */
  private exactCosines(slots: readonly number[]): Float32Array {
    const { layout } = this;
    new Int32Array(this.memory.buffer, layout.picked, slots.length).set(slots);
    this.dots.dotsAt(
      layout.vectors,
      slots.length,
      this.dimension * 4,
      layout.probe,
      layout.cosines,
      layout.picked,
    );
    return this.floats(layout.cosines, slots.length);
  }

  /** Inserts (slot, cosine) into `top` (best first, at most `shortlist` long). */
  private keep(top: { slot: number; cosine: number }[], slot: number, cosine: number): void {
    if (top.length === this.shortlistSize && cosine <= top.at(-1)!.cosine) return;
    let at = top.length;
    while (at > 0 && top[at - 1]!.cosine < cosine) at--;
    top.splice(at, 0, { slot, cosine });
    if (top.length > this.shortlistSize) top.pop();
  }

  cosine(slot: number, probe: Float32Array): number {
    const vectors = this.vectors();
    const base = slot * this.dimension;
    let dot = 0;
    for (let i = 0; i < this.dimension; i++) dot += vectors[base + i]! * probe[i]!;
    return dot;
  }

  exportState(): ModalityIndexState {
    const { layout } = this;
    const bytes = this.bytes();
    return {
      slots: this.slots,
      vectors: this.vectors().subarray(0, this.slots * this.dimension),
      codes: bytes.subarray(layout.codes, layout.codes + align(this.slots, BLOCK) * this.encoder.codeBytes),
      factors: this.floats(layout.factors, this.slots),
      systems: bytes.subarray(layout.systems, layout.systems + this.slots),
      owners: this.owners.subarray(0, this.slots),
    };
  }

  importState(state: ModalityIndexState): void {
    if (state.slots > this.layout.capacity) this.grow(align(state.slots, 1024));
    this.slots = state.slots;
    this.vectors().set(state.vectors);
    this.owners.set(state.owners);
    const bytes = this.bytes();
    bytes.set(state.codes, this.layout.codes);
    bytes.set(state.systems, this.layout.systems);
    this.floats(this.layout.factors).set(state.factors);
    const bounds = this.floats(this.layout.bounds);
    state.factors.forEach((factor, slot) => {
      bounds[slot] = this.boundOf(factor);
    });
    this.free.length = 0;
    for (let slot = state.slots - 1; slot >= 0; slot--) if (state.owners[slot]! < 0) this.free.push(slot);
  }

  private boundOf(factor: number): number {
    const bound = this.errorSigmas * this.encoder.errorSd(factor);
    this.maxFactor = Math.max(this.maxFactor, factor);
    this.maxBound = Math.max(this.maxBound, bound);
    return bound;
  }

  private placeCode(slot: number, code: Uint8Array): void {
    const bytes = this.bytes();
    const base = this.layout.codes + Math.floor(slot / BLOCK) * BLOCK * code.length + (slot % BLOCK);
    for (let j = 0; j < code.length; j++) bytes[base + j * BLOCK] = code[j]!;
  }

  private bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  private floats(at: number, length = this.layout.capacity): Float32Array {
    return new Float32Array(this.memory.buffer, at, length);
  }

  private vectors(): Float32Array {
    return this.floats(this.layout.vectors, this.layout.capacity * this.dimension);
  }

  private layoutFor(capacity: number, room: number): Layout {
    const tables = 0;
    const allow = align(tables + (this.encoder.bits / 4) * 16, 64);
    const probe = align(allow + 32, 64);
    const picked = align(probe + this.dimension * 4, 64);
    const cosines = picked + CHUNK * 4;
    const codes = align(cosines + CHUNK * 4, 64);
    const factors = align(codes + capacity * this.encoder.codeBytes, 64);
    const bounds = factors + capacity * 4;
    const systems = bounds + capacity * 4;
    const scores = align(systems + capacity, 64);
    const vectors = scores + capacity * 4;
    const out = vectors + capacity * this.dimension * 4;
    const bytes = align(out + room * 4, PAGE);
    return {
      capacity,
      room,
      tables,
      allow,
      probe,
      picked,
      cosines,
      codes,
      factors,
      bounds,
      systems,
      scores,
      vectors,
      out,
      bytes,
    };
  }

  /** Room for `hits` slots: the buffer is last in memory, so the memory grows and nothing moves. */
  private growRoom(hits: number): void {
    const layout = this.layoutFor(this.layout.capacity, align(hits, 1024));
    this.memory.grow((layout.bytes - this.layout.bytes) / PAGE);
    this.layout = layout;
  }

  private grow(capacity: number): void {
    const before = this.exportState();
    const copy = {
      vectors: before.vectors.slice(),
      codes: before.codes.slice(),
      factors: before.factors.slice(),
      bounds: this.floats(this.layout.bounds, this.slots).slice(),
      systems: before.systems.slice(),
    };
    this.layout = this.layoutFor(capacity, this.layout.room);
    this.memory = createWasmMemory(this.layout.bytes / PAGE);
    this.scanner = createCodeScanKernel(this.encoder.codeBytes, this.memory);
    this.dots = createDotKernel(this.memory);
    const bytes = this.bytes();
    bytes.fill(FREE_SLOT_SYSTEM, this.layout.systems, this.layout.systems + capacity);
    bytes.set(copy.codes, this.layout.codes);
    bytes.set(copy.systems, this.layout.systems);
    this.floats(this.layout.factors).set(copy.factors);
    this.floats(this.layout.bounds).set(copy.bounds);
    this.vectors().set(copy.vectors);
    const owners = new Int32Array(capacity);
    owners.set(before.owners);
    this.owners = owners;
  }
}
