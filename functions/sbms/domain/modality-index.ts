import type { HammingKernel, WasmMemory } from './hamming-kernel';
import { createHammingKernel, createWasmMemory } from './hamming-kernel';
import type { SignEncoder } from './sign-code';

/** System id of a free slot: never set in a search mask (the kernel shifts the mask by the id, mod 32). */
export const FREE_SLOT_SYSTEM = 31;
const PAGE = 65536;
/** Slack above the last shortlist's worst distance for the next search's one-pass limit. */
const LIMIT_MARGIN = 4;
/** Room for one-pass results, in shortlists: enough for the limit's slack on random-like codes. */
const ONE_PASS_ROOM = 32;

const align = (value: number, to: number) => Math.ceil(value / to) * to;

interface Layout {
  capacity: number;
  query: number;
  hist: number;
  codes: number;
  systems: number;
  dist: number;
  out: number;
  outDist: number;
  bytes: number;
}

/** The part of a shard holding one modality: unit vectors for exact scores, binary codes for the scan. */
export interface ModalityIndexState {
  slots: number;
  vectors: Float32Array;
  codes: Uint8Array;
  systems: Uint8Array;
  owners: Int32Array;
}

/**
 * Templates of one modality in one shard. Search = Hamming scan of every code (WebAssembly, native popcount)
 * -> the `shortlist` closest slots -> exact cosine on those only. Deleted slots are marked free (never scanned
 * as candidates) and reused.
 */
export class ModalityIndex {
  private readonly codeBytes: number;
  private layout: Layout;
  private memory: WasmMemory;
  private kernel: HammingKernel;
  private vectors: Float32Array;
  private owners: Int32Array;
  private slots = 0;
  private readonly free: number[] = [];
  /** Distance limit of the one-pass scan, learnt from the previous search; the full 2-pass scan resets it. */
  private limit = -1;

  constructor(
    private readonly encoder: SignEncoder,
    private readonly shortlistSize: number,
    initialCapacity = 1024,
  ) {
    this.codeBytes = encoder.bits / 8;
    this.layout = this.layoutFor(initialCapacity);
    this.memory = createWasmMemory(this.layout.bytes / PAGE);
    this.kernel = createHammingKernel(this.codeBytes / 8, this.memory);
    this.vectors = new Float32Array(initialCapacity * encoder.dimension);
    this.owners = new Int32Array(initialCapacity);
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
    this.vectors.set(vector, slot * this.encoder.dimension);
    this.encoder.encode(vector, this.bytes(), this.layout.codes + slot * this.codeBytes);
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
   * Slots of the (at most `shortlist`) codes closest to the probe's code, among systems in `mask`; ties at
   * the last distance taken in slot order. Usually one pass collecting the codes within a learnt distance
   * limit; when that limit proves too tight or too loose, the exact two-pass (histogram, then collect) scan.
   */
  shortlist(probe: Float32Array, mask: number): Int32Array {
    const { layout, kernel } = this;
    this.encoder.encode(probe, this.bytes(), layout.query);
    if (this.limit >= 0) {
      const room = this.shortlistSize * ONE_PASS_ROOM;
      const found = kernel.below(
        layout.codes,
        this.slots,
        layout.query,
        layout.systems,
        mask,
        this.limit,
        layout.out,
        layout.outDist,
        room,
      );
      if (found >= this.shortlistSize && found <= room) return this.closestOf(found);
    }
    return this.twoPassShortlist(mask);
  }

  private closestOf(found: number): Int32Array {
    const slots = new Int32Array(this.memory.buffer, this.layout.out, found);
    const dist = new Uint16Array(this.memory.buffer, this.layout.outDist, found);
    const order = Array.from({ length: found }, (_, i) => i).sort(
      (a, b) => dist[a]! - dist[b]! || slots[a]! - slots[b]!,
    );
    const taken = order.slice(0, this.shortlistSize);
    this.limit = dist[taken.at(-1)!]! + LIMIT_MARGIN;
    return Int32Array.from(taken, (i) => slots[i]!);
  }

  private twoPassShortlist(mask: number): Int32Array {
    const { layout, kernel } = this;
    const hist = new Uint32Array(this.memory.buffer, layout.hist, this.encoder.bits + 1);
    hist.fill(0);
    kernel.hamming(layout.codes, this.slots, layout.query, layout.systems, mask, layout.dist, layout.hist);
    let below = 0;
    let cutoff = 0;
    for (; cutoff < hist.length; cutoff++) {
      const atCutoff = hist[cutoff]!;
      if (below + atCutoff >= this.shortlistSize) break;
      below += atCutoff;
    }
    const quota = this.shortlistSize - below;
    this.limit = below + quota > 0 && cutoff <= this.encoder.bits ? cutoff + LIMIT_MARGIN : -1;
    const found = kernel.collect(layout.dist, this.slots, cutoff, quota, layout.out);
    return new Int32Array(this.memory.buffer, layout.out, found).slice();
  }

  cosine(slot: number, probe: Float32Array): number {
    const vectors = this.vectors;
    const dimension = this.encoder.dimension;
    const base = slot * dimension;
    let dot = 0;
    for (let i = 0; i < dimension; i++) dot += vectors[base + i]! * probe[i]!;
    return dot;
  }

  exportState(): ModalityIndexState {
    const { layout } = this;
    const bytes = this.bytes();
    return {
      slots: this.slots,
      vectors: this.vectors.subarray(0, this.slots * this.encoder.dimension),
      codes: bytes.subarray(layout.codes, layout.codes + this.slots * this.codeBytes),
      systems: bytes.subarray(layout.systems, layout.systems + this.slots),
      owners: this.owners.subarray(0, this.slots),
    };
  }

  importState(state: ModalityIndexState): void {
    if (state.slots > this.layout.capacity) this.grow(align(state.slots, 1024));
    this.slots = state.slots;
    this.vectors.set(state.vectors);
    this.owners.set(state.owners);
    const bytes = this.bytes();
    bytes.set(state.codes, this.layout.codes);
    bytes.set(state.systems, this.layout.systems);
    this.free.length = 0;
    for (let slot = state.slots - 1; slot >= 0; slot--) if (state.owners[slot]! < 0) this.free.push(slot);
  }

  private bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  private layoutFor(capacity: number): Layout {
    const query = 0;
    const hist = align(query + this.codeBytes, 64);
    const codes = align(hist + (this.encoder.bits + 1) * 4, 64);
    const systems = codes + capacity * this.codeBytes;
    const dist = align(systems + capacity, 8);
    const room = this.shortlistSize * ONE_PASS_ROOM;
    const out = align(dist + capacity * 2, 8);
    const outDist = align(out + room * 4, 8);
    const bytes = align(outDist + room * 2, PAGE);
    return { capacity, query, hist, codes, systems, dist, out, outDist, bytes };
  }

  private grow(capacity: number): void {
    const before = this.exportState();
    const copy = {
      codes: before.codes.slice(),
      systems: before.systems.slice(),
    };
    this.layout = this.layoutFor(capacity);
    this.memory = createWasmMemory(this.layout.bytes / PAGE);
    this.kernel = createHammingKernel(this.codeBytes / 8, this.memory);
    const bytes = this.bytes();
    bytes.set(copy.codes, this.layout.codes);
    bytes.set(copy.systems, this.layout.systems);
    const vectors = new Float32Array(capacity * this.encoder.dimension);
    vectors.set(before.vectors);
    this.vectors = vectors;
    const owners = new Int32Array(capacity);
    owners.set(before.owners);
    this.owners = owners;
  }
}
