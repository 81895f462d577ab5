import { harmoniseDocumentNumber } from '../../mid/domain/comparators';
import type { EspSource } from '../../shared/systems';
import { documentQueryKeys, identityQueryKeys } from './blocking-keys';
import { applyFaults, type FaultInjection } from './fault-injection';
import type { IdentityMatcher } from './identity-matcher';
import type { EspQuery, QueryPart, QueryTravelDocument } from './query';
import type { SearchSource, SourceHit } from './search-source';
import type { BiometricSearch, SourceDataStore } from './source-data-store';
import type { SearchableRecord } from './source-records';

export interface ReferenceSourceOptions {
  system: EspSource;
  store: SourceDataStore;
  identityMatcher: IdentityMatcher;
  /** Absent for systems without biometrics (ETIAS, SLTD): biometric query parts then find nothing. */
  biometricSearch?: BiometricSearch;
  faults?: FaultInjection;
  random?: () => number;
}

export function documentMatches(query: QueryTravelDocument, record: SearchableRecord): boolean {
  const number = harmoniseDocumentNumber(query.number);
  return (record.travelDocuments ?? []).some(
    (document) =>
      harmoniseDocumentNumber(document.number) === number &&
      (query.issuingCountry === undefined || query.issuingCountry === document.issuingCountry) &&
      (query.type === undefined || query.type === document.type),
  );
}

function withoutBiometrics({ biometrics: _templates, ...rest }: SearchableRecord): Record<string, unknown> {
  return rest;
}

interface Match {
  record: SearchableRecord;
  part: QueryPart;
  score: number;
}

/**
 * Stand-in for a central system outside the platform (SIS, EES, VIS, ...): answers ESP queries
 * from its own table. It keeps no log of queries, so no record owner can learn of one.
 */
export class ReferenceSource implements SearchSource {
  readonly name: EspSource;
  readonly revealsQueryToRecordOwner = false;

  constructor(private readonly options: ReferenceSourceOptions) {
    this.name = options.system;
  }

  async search(query: EspQuery, signal: AbortSignal): Promise<SourceHit[]> {
    await applyFaults(this.name, this.options.faults ?? {}, signal, this.options.random ?? Math.random);
    const matches = (
      await Promise.all([this.byDocument(query), this.byIdentity(query), this.byBiometrics(query, signal)])
    ).flat();
    signal.throwIfAborted();
    return mergeByRecord(matches);
  }

  private async byDocument(query: EspQuery): Promise<Match[]> {
    const document = query.travelDocument;
    if (!document) return [];
    const records = await this.options.store.findByKeys(this.name, documentQueryKeys(query));
    return records
      .filter((record) => documentMatches(document, record))
      .map((record) => ({ record, part: 'travelDocument', score: 1 }));
  }

  private async byIdentity(query: EspQuery): Promise<Match[]> {
    const identity = query.identity;
    if (!identity) return [];
    const records = await this.options.store.findByKeys(this.name, identityQueryKeys(query));
    return records.flatMap((record) => {
      if (!record.identity) return [];
      const { match, score } = this.options.identityMatcher(identity, record.identity);
      return match ? [{ record, part: 'identity' as const, score }] : [];
    });
  }

  private async byBiometrics(query: EspQuery, signal: AbortSignal): Promise<Match[]> {
    const { biometrics } = query;
    const search = this.options.biometricSearch;
    if (!biometrics || !search) return [];
    const candidates = await search(this.name, biometrics, signal);
    const scores = new Map(candidates.map((candidate) => [candidate.recordId, candidate.score]));
    const records = await this.options.store.getByIds(this.name, [...scores.keys()]);
    return records.map((record) => ({ record, part: 'biometrics', score: scores.get(record.recordId) ?? 0 }));
  }
}

function mergeByRecord(matches: readonly Match[]): SourceHit[] {
  const byId = new Map<string, { record: SearchableRecord; matchedOn: Set<QueryPart>; score: number }>();
  for (const { record, part, score } of matches) {
    const hit = byId.get(record.recordId) ?? { record, matchedOn: new Set<QueryPart>(), score };
    hit.matchedOn.add(part);
    hit.score = Math.max(hit.score, score);
    byId.set(record.recordId, hit);
  }
  return [...byId.values()].map(({ record, matchedOn, score }) => ({
    record: withoutBiometrics(record),
    matchedOn: [...matchedOn],
    score,
  }));
}
