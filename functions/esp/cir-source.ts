import { blockingKeys } from '../mid/domain/blocking';
import type { IndividualFile } from '../mid/domain/check';
import type { Link } from '../mid/domain/links';
import type { RecordRef } from '../mid/domain/types';
import type { OriginSystem } from '../shared/systems';
import { documentKey } from './domain/blocking-keys';
import type { IdentityMatcher } from './domain/identity-matcher';
import type { EspQuery, QueryBiometrics, QueryPart } from './domain/query';
import { documentMatches } from './domain/reference-source';
import type { SearchSource, SourceHit } from './domain/search-source';
import type { MidLink } from './domain/source-records';

/** Reads of the CIR the ESP needs (CirReader over DynamoDB: gsi1 per key, BatchGet of files). */
export interface CirFiles {
  candidates(keys: readonly string[]): Promise<RecordRef[]>;
  files(refs: readonly RecordRef[]): Promise<IndividualFile[]>;
}

/** The MID links of a file (DynamoLinkRepository). */
export interface CirLinks {
  listByRecord(ref: RecordRef): Promise<Link[]>;
}

/** 1:N over the sBMS gallery, restricted to some origin systems (all when omitted). */
export type CirBiometricSearch = (
  biometrics: QueryBiometrics,
  signal: AbortSignal,
  systems?: readonly OriginSystem[],
) => Promise<{ system: OriginSystem; recordId: string; score: number }[]>;

export interface CirSourceOptions {
  files: CirFiles;
  links: CirLinks;
  identityMatcher: IdentityMatcher;
  biometricSearch?: CirBiometricSearch;
}

interface Match {
  file: IndividualFile;
  part: QueryPart;
  score: number;
}

const refKey = (ref: RecordRef) => `${ref.system}/${ref.recordId}`;

/**
 * The CIR as an ESP source (Art 9): identity data through the MID's blocking keys and identity
 * matcher, travel documents through the `dc|` key, biometrics through the sBMS. Each hit is the
 * individual file with its MID links as `{ colour, linkedRecord }`; yellow links are dropped here
 * already (they belong to the verifier's queue), and the portal applies the rest of Art 26 and the
 * profile (link-visibility.ts).
 */
export class CirSource implements SearchSource {
  readonly name = 'CIR' as const;
  readonly revealsQueryToRecordOwner = false;

  constructor(private readonly options: CirSourceOptions) {}

  async search(query: EspQuery, signal: AbortSignal): Promise<SourceHit[]> {
    const matches = (
      await Promise.all([this.byIdentity(query), this.byDocument(query), this.byBiometrics(query, signal)])
    ).flat();
    signal.throwIfAborted();
    const merged = new Map<string, { file: IndividualFile; matchedOn: Set<QueryPart>; score: number }>();
    for (const { file, part, score } of matches) {
      const hit = merged.get(refKey(file.ref)) ?? { file, matchedOn: new Set<QueryPart>(), score };
      hit.matchedOn.add(part);
      hit.score = Math.max(hit.score, score);
      merged.set(refKey(file.ref), hit);
    }
    return Promise.all(
      [...merged.values()].map(async ({ file, matchedOn, score }) => ({
        record: {
          recordId: file.ref.recordId,
          originSystem: file.ref.system,
          identity: file.identity,
          travelDocuments: file.travelDocuments,
          links: await this.linksOf(file.ref),
        },
        matchedOn: [...matchedOn],
        score,
      })),
    );
  }

  private async byIdentity(query: EspQuery): Promise<Match[]> {
    const { identity } = query;
    if (!identity) return [];
    const keys = blockingKeys(identity);
    if (keys.length === 0) return [];
    const files = await this.options.files.files(await this.options.files.candidates(keys));
    return files.flatMap((file) => {
      const { match, score } = this.options.identityMatcher(identity, file.identity);
      return match ? [{ file, part: 'identity' as const, score }] : [];
    });
  }

  private async byDocument(query: EspQuery): Promise<Match[]> {
    const document = query.travelDocument;
    if (!document) return [];
    const refs = await this.options.files.candidates([documentKey(document.number)]);
    const files = await this.options.files.files(refs);
    return files
      .filter((file) =>
        documentMatches(document, {
          recordId: file.ref.recordId,
          travelDocuments: [...file.travelDocuments],
        }),
      )
      .map((file) => ({ file, part: 'travelDocument' as const, score: 1 }));
  }

  private async byBiometrics(query: EspQuery, signal: AbortSignal): Promise<Match[]> {
    const search = this.options.biometricSearch;
    if (!query.biometrics || !search) return [];
    const candidates = await search(query.biometrics, signal);
    const scores = new Map(candidates.map((candidate) => [refKey(candidate), candidate.score]));
    const files = await this.options.files.files(candidates);
    return files.map((file) => ({
      file,
      part: 'biometrics' as const,
      score: scores.get(refKey(file.ref)) ?? 0,
    }));
  }

  private async linksOf(ref: RecordRef): Promise<MidLink[]> {
    const links = await this.options.links.listByRecord(ref);
    return links
      .filter((link) => link.colour !== 'yellow')
      .map((link) => {
        const other = link.records.find((record) => refKey(record) !== refKey(ref)) ?? link.records[1];
        return { colour: link.colour, linkedRecord: { system: other.system, recordId: other.recordId } };
      });
  }
}
