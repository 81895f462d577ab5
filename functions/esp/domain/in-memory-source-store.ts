import type { Template } from '../../shared/schemas/record';
import type { EspSource } from '../../shared/systems';
import { recordKeys } from './blocking-keys';
import type { QueryBiometrics } from './query';
import type { BiometricCandidate, SourceDataStore } from './source-data-store';
import { parseSourceRecord, type SearchableRecord } from './source-records';

function cosine(left: readonly number[], right: readonly number[]): number {
  if (left.length !== right.length) return 0;
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let i = 0; i < left.length; i++) {
    const [a, b] = [left[i]!, right[i]!];
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/**
 * In-memory tables for the reference sources (tests, benchmark, local demo). Records are validated
 * against their system's shape when added. `biometricSearch` is a brute-force stand-in for the sBMS.
 */
export class InMemorySourceStore implements SourceDataStore {
  private readonly tables = new Map<
    EspSource,
    { byId: Map<string, SearchableRecord>; byKey: Map<string, Set<string>> }
  >();

  constructor(private readonly biometricThreshold = 0.9) {}

  add(system: EspSource, raw: unknown): void {
    const record = parseSourceRecord(system, raw) as SearchableRecord;
    const table = this.table(system);
    table.byId.set(record.recordId, record);
    for (const key of recordKeys(record)) {
      const ids = table.byKey.get(key) ?? new Set<string>();
      ids.add(record.recordId);
      table.byKey.set(key, ids);
    }
  }

  async findByKeys(system: EspSource, keys: readonly string[]): Promise<SearchableRecord[]> {
    const table = this.table(system);
    const ids = new Set(keys.flatMap((key) => [...(table.byKey.get(key) ?? [])]));
    return this.getByIds(system, [...ids]);
  }

  async getByIds(system: EspSource, recordIds: readonly string[]): Promise<SearchableRecord[]> {
    const table = this.table(system);
    return recordIds.flatMap((id) => {
      const record = table.byId.get(id);
      return record ? [record] : [];
    });
  }

  readonly biometricSearch = async (
    system: EspSource,
    query: QueryBiometrics,
    _signal: AbortSignal,
  ): Promise<BiometricCandidate[]> => {
    const candidates: BiometricCandidate[] = [];
    for (const record of this.table(system).byId.values()) {
      const score = bestScore(query, record);
      if (score >= this.biometricThreshold) candidates.push({ recordId: record.recordId, score });
    }
    return candidates;
  };

  private table(system: EspSource) {
    let table = this.tables.get(system);
    if (!table) {
      table = { byId: new Map(), byKey: new Map() };
      this.tables.set(system, table);
    }
    return table;
  }
}

function bestScore(query: QueryBiometrics, record: SearchableRecord): number {
  const stored = record.biometrics;
  if (!stored) return 0;
  const pairs: [Template, Template][] = [];
  if (query.face && stored.face) pairs.push([query.face, stored.face]);
  for (const finger of query.fingerprints ?? []) {
    const same = stored.fingerprints.find((candidate) => candidate.position === finger.position);
    if (same) pairs.push([finger, same]);
  }
  return Math.max(0, ...pairs.map(([a, b]) => cosine(a.vector, b.vector)));
}
