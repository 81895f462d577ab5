import type { OriginSystem } from '../../shared/systems';
import { ORIGIN_SYSTEMS } from '../../shared/systems';
import { createBinaryEncoder } from './binary-code';
import type { SbmsConfig } from './config';
import { dimensionOf } from './config';
import type { ScoreFusion } from './fusion';
import type { ModalityIndexState } from './modality-index';
import { ModalityIndex } from './modality-index';
import type {
  Candidate,
  ModalityKey,
  ModalityScores,
  Probe,
  SearchOptions,
  TemplateRecord,
  TemplateRef,
} from './types';
import { isModalityKey } from './types';

interface RecordEntry extends TemplateRef {
  slots: Partial<Record<ModalityKey, number>>;
}

/** A snapshot of another format or other index settings: the shard is rebuilt from its feed instead. */
export class StaleSnapshotError extends Error {}

/** A change of the templates of one shard, in the order the store accepted them. */
export type TemplateChange =
  | { kind: 'upsert'; record: TemplateRecord }
  | { kind: 'delete'; system: OriginSystem; recordId: string };

const ALL_SYSTEMS_MASK = (1 << ORIGIN_SYSTEMS.length) - 1;
const SNAPSHOT_MAGIC = 0x53424d53; // "SBMS"
/** 2: binary codes with estimator factors in blocks of 16 (format 1 held 256-bit sign codes). */
const SNAPSHOT_FORMAT = 2;

const recordKey = (ref: TemplateRef) => `${ref.system}/${ref.recordId}`;

export function systemsMask(systems: readonly OriginSystem[] | undefined): number {
  if (!systems) return ALL_SYSTEMS_MASK;
  let mask = 0;
  for (const system of systems) mask |= 1 << ORIGIN_SYSTEMS.indexOf(system);
  return mask;
}

/** Orders candidates best first; ties broken by reference so that every shard layout gives the same order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (b.score !== a.score) return b.score - a.score;
  return recordKey(a) < recordKey(b) ? -1 : recordKey(a) > recordKey(b) ? 1 : 0;
}

/** The templates of one shard, searchable 1:N, with the feed position they reflect (`watermark`). */
export class ShardIndex {
  watermark: string | undefined;
  private readonly modalities = new Map<ModalityKey, ModalityIndex>();
  private readonly numbers = new Map<string, number>();
  private readonly records: (RecordEntry | undefined)[] = [];
  private readonly freeNumbers: number[] = [];

  constructor(
    readonly shardId: string,
    private readonly config: SbmsConfig,
    private readonly fusion: ScoreFusion,
  ) {}

  get recordCount(): number {
    return this.numbers.size;
  }

  get templateCount(): number {
    let count = 0;
    for (const index of this.modalities.values()) count += index.size;
    return count;
  }

  has(ref: TemplateRef): boolean {
    return this.numbers.has(recordKey(ref));
  }

  /** Enrols the record's templates, replacing whatever the record had before. */
  upsert(record: TemplateRecord): void {
    for (const template of record.templates) {
      const expected = dimensionOf(this.config, template.modality);
      if (template.vector.length !== expected) {
        throw new Error(
          `${template.modality} template has ${template.vector.length} values, expected ${expected}`,
        );
      }
    }
    this.remove(record);
    const number = this.freeNumbers.pop() ?? this.records.length;
    const entry: RecordEntry = { system: record.system, recordId: record.recordId, slots: {} };
    const system = ORIGIN_SYSTEMS.indexOf(record.system);
    for (const template of record.templates) {
      entry.slots[template.modality] = this.modality(template.modality).add(template.vector, number, system);
    }
    this.records[number] = entry;
    this.numbers.set(recordKey(record), number);
  }

  remove(ref: TemplateRef): boolean {
    const key = recordKey(ref);
    const number = this.numbers.get(key);
    if (number === undefined) return false;
    const entry = this.records[number]!;
    for (const [modality, slot] of Object.entries(entry.slots) as [ModalityKey, number][]) {
      this.modality(modality).remove(slot);
    }
    this.records[number] = undefined;
    this.numbers.delete(key);
    this.freeNumbers.push(number);
    return true;
  }

  apply(changes: readonly TemplateChange[]): void {
    for (const change of changes) {
      if (change.kind === 'upsert') this.upsert(change.record);
      else this.remove(change);
    }
  }

  /** Top candidates of this shard by fused score. */
  search(probe: Probe, options: SearchOptions): Candidate[] {
    const mask = systemsMask(options.systems);
    const probeModalities = (Object.keys(probe) as ModalityKey[]).filter((m) => this.modalities.has(m));
    const shortlisted = new Set<number>();
    for (const modality of probeModalities) {
      const index = this.modalities.get(modality)!;
      for (const slot of index.shortlist(probe[modality]!, mask)) shortlisted.add(index.owner(slot));
    }
    const candidates: Candidate[] = [];
    for (const number of shortlisted) {
      const entry = this.records[number]!;
      const perModality: ModalityScores = {};
      for (const modality of probeModalities) {
        const slot = entry.slots[modality];
        if (slot !== undefined)
          perModality[modality] = this.modalities.get(modality)!.cosine(slot, probe[modality]!);
      }
      const score = this.fusion.fuse(perModality);
      if (options.threshold === undefined || score >= options.threshold) {
        candidates.push({ system: entry.system, recordId: entry.recordId, score, perModality });
      }
    }
    return candidates.sort(compareCandidates).slice(0, options.topK);
  }

  serialize(): Uint8Array {
    const parts: Uint8Array[] = [];
    let offset = 0;
    const place = (view: ArrayBufferView): [number, number] => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const at = offset;
      parts.push(bytes);
      const padding = (8 - (bytes.byteLength % 8)) % 8;
      if (padding > 0) parts.push(new Uint8Array(padding));
      offset += bytes.byteLength + padding;
      return [at, bytes.byteLength];
    };
    const modalities = [...this.modalities].map(([key, index]) => {
      const state = index.exportState();
      return {
        key,
        slots: state.slots,
        vectors: place(state.vectors),
        codes: place(state.codes),
        factors: place(state.factors),
        systems: place(state.systems),
        owners: place(state.owners),
      };
    });
    const header = new TextEncoder().encode(
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        shardId: this.shardId,
        watermark: this.watermark ?? null,
        settings: this.settings(),
        records: this.records.map((r) => (r ? [r.system, r.recordId, r.slots] : null)),
        modalities,
      }),
    );
    const start = 8 + Math.ceil(header.byteLength / 8) * 8;
    const out = new Uint8Array(start + offset);
    const view = new DataView(out.buffer);
    view.setUint32(0, SNAPSHOT_MAGIC);
    view.setUint32(4, header.byteLength);
    out.set(header, 8);
    let at = start;
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }

  static deserialize(bytes: Uint8Array, config: SbmsConfig, fusion: ScoreFusion): ShardIndex {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0) !== SNAPSHOT_MAGIC) throw new Error('not an sBMS shard snapshot');
    const headerLength = view.getUint32(4);
    const header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)),
    ) as SnapshotHeader;
    if (header.format !== SNAPSHOT_FORMAT)
      throw new StaleSnapshotError(`unsupported snapshot format ${header.format}`);
    const shard = new ShardIndex(header.shardId, config, fusion);
    if (JSON.stringify(header.settings) !== JSON.stringify(shard.settings())) {
      throw new StaleSnapshotError('snapshot was built with other index settings; rebuild it from the store');
    }
    const start = 8 + Math.ceil(headerLength / 8) * 8;
    const copy = ([at, length]: [number, number]) => bytes.slice(start + at, start + at + length);
    for (const m of header.modalities) {
      if (!isModalityKey(m.key)) throw new Error(`unknown modality ${m.key} in snapshot`);
      const state: ModalityIndexState = {
        slots: m.slots,
        vectors: new Float32Array(copy(m.vectors).buffer),
        codes: copy(m.codes),
        factors: new Float32Array(copy(m.factors).buffer),
        systems: copy(m.systems),
        owners: new Int32Array(copy(m.owners).buffer),
      };
      shard.modality(m.key).importState(state);
    }
    header.records.forEach((record, number) => {
      if (record === null) {
        shard.records.push(undefined);
        shard.freeNumbers.push(number);
        return;
      }
      const [system, recordId, slots] = record;
      shard.records.push({ system, recordId, slots });
      shard.numbers.set(recordKey({ system, recordId }), number);
    });
    shard.watermark = header.watermark ?? undefined;
    return shard;
  }

  private settings() {
    const { dimensions, rotationSeed } = this.config;
    return { dimensions, rotationSeed };
  }

  private modality(key: ModalityKey): ModalityIndex {
    let index = this.modalities.get(key);
    if (!index) {
      const dimension = dimensionOf(this.config, key);
      const encoder = createBinaryEncoder(dimension, this.config.rotationSeed);
      const { shortlist, errorSigmas } = this.config;
      index = new ModalityIndex(encoder, { shortlist, errorSigmas });
      this.modalities.set(key, index);
    }
    return index;
  }
}

interface SnapshotHeader {
  format: number;
  shardId: string;
  watermark: string | null;
  settings: unknown;
  records: ([OriginSystem, string, Partial<Record<ModalityKey, number>>] | null)[];
  modalities: {
    key: string;
    slots: number;
    vectors: [number, number];
    codes: [number, number];
    factors: [number, number];
    systems: [number, number];
    owners: [number, number];
  }[];
}
