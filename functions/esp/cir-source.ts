import { blockingKeys } from '../mid/domain/blocking';
import type { IndividualFile } from '../mid/domain/check';
import { reachableLinks } from '../mid/domain/groups';
import { type Link, otherRecord } from '../mid/domain/links';
import type { RecordRef } from '../mid/domain/types';
import type { OriginSystem } from '../shared/systems';
import { documentKey } from './domain/blocking-keys';
import type { IdentityMatcher } from './domain/identity-matcher';
import type { EspQuery, QueryBiometrics, QueryPart } from './domain/query';
import { documentMatches } from './domain/reference-source';
import type { SearchSource, SourceHit } from './domain/search-source';

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

/** Files of one person whose links are followed for a hit's white group, at most (bounds a search's reads). */
const MAX_GROUP_FILES = 20;
const WHITE = new Set(['white'] as const);

/** An individual file as a CIR hit carries it (no biometrics). */
const fileRecord = (file: IndividualFile) => ({
  recordId: file.ref.recordId,
  originSystem: file.ref.system,
  identity: file.identity,
  travelDocuments: file.travelDocuments,
});

/**
 * The CIR as an ESP source (Art 9): identity data through the MID's blocking keys and identity
 * matcher, travel documents through the `dc|` key, biometrics through the sBMS. Each hit is the
 * individual file with its MID links as `{ linkId, colour, linkedRecord }` and its `whiteGroup` (the
 * files white links join it to); yellow links are dropped here already (they belong to the
 * verifier's queue), and the portal applies the rest of Art 26 and the profile (link-visibility.ts).
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
      [...merged.values()].map(async ({ file, matchedOn, score }) => {
        const links = await this.options.links.listByRecord(file.ref);
        return {
          record: {
            ...fileRecord(file),
            links: links
              .filter((link) => link.colour !== 'yellow')
              .map((link) => ({
                linkId: link.linkId,
                colour: link.colour,
                linkedRecord: otherRecord(link, file.ref),
              })),
            whiteGroup: await this.whiteGroup(file.ref, links),
          },
          matchedOn: [...matchedOn],
          score,
        };
      }),
    );
  }

  /**
   * The files joined to `ref` by white links, transitively (one person), with the links that join them;
   * the portal keeps only what the profile may see.
   */
  private async whiteGroup(ref: RecordRef, linksOfRef: Link[]) {
    const read = {
      listByRecord: (of: RecordRef) =>
        refKey(of) === refKey(ref) ? Promise.resolve(linksOfRef) : this.options.links.listByRecord(of),
    };
    const joining = await reachableLinks(read, [ref], WHITE, MAX_GROUP_FILES);
    const others = new Map(joining.flatMap((link) => link.records).map((r) => [refKey(r), r]));
    others.delete(refKey(ref));
    if (others.size === 0) return undefined;
    const files = await this.options.files.files([...others.values()]);
    return { files: files.map(fileRecord), links: joining.map((link) => ({ records: link.records })) };
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
}
