import type { CirReader } from '../mid/cir-reader';
import { blockingKeysOfRecord } from '../mid/domain/blocking';
import { compareDocumentNumbers, ocrCanonical } from '../mid/domain/comparators';
import { compareIdentities, createsLink } from '../mid/domain/compare-identities';
import { reachableLinks } from '../mid/domain/groups';
import { identityInputFromRecord } from '../mid/domain/identity-profile';
import type { Link } from '../mid/domain/links';
import type { RecordRef } from '../mid/domain/types';
import { DEFAULT_SBMS_CONFIG } from '../sbms/domain/config';
import { checkBiometrics, toProbe } from '../sbms/domain/quality-gate';
import type { SbmsService } from '../sbms/service';
import type { Identity, TravelDocument } from '../shared/schemas/record';
import type { OriginSystem } from '../shared/systems';
import type { BiometricSearch, IdentityCheckFile, IdentityCheckPorts } from './domain/identity-check';

/** Candidates per biometric search: enough for the few files one person has across systems. */
const BIOMETRIC_TOP_K = 20;
/** Files whose links are followed for a hit's white group, at most (bounds the reads of a check). */
const MAX_GROUP_FILES = 20;
const WHITE = new Set(['white'] as const);
const refKey = (ref: RecordRef) => `${ref.system}#${ref.recordId}`;

export interface CirSearchOptions {
  reader: CirReader;
  /** The MID links of a file (DynamoLinkRepository), for the white group of a hit. */
  links: { listByRecord(ref: RecordRef): Promise<Link[]> };
  sbms: () => Promise<SbmsService>;
  identifyThreshold: number;
  /** Restrict the search to these origin systems (the consultation: EES, VIS, ETIAS, EURODAC). */
  systems?: readonly OriginSystem[];
}

/**
 * The CIR as the consultation (step 1) and the police identity checks search it: live templates
 * through the sBMS quality gate and 1:N; identity data through the MID's blocking keys and its
 * 2023/333 comparison (same or similar identity data, or a score making the pair a candidate);
 * a travel document through its OCR-canonical number key with the same issuing country.
 */
export function cirSearch(options: CirSearchOptions): IdentityCheckPorts {
  const inScope = (ref: RecordRef) => !options.systems || options.systems.includes(ref.system);
  return {
    async searchBiometrics(biometrics): Promise<BiometricSearch> {
      const gate = checkBiometrics(biometrics, DEFAULT_SBMS_CONFIG);
      if (gate.accepted.length === 0) return { status: 'unusable', hits: [], refused: gate.refusals.length };
      const sbms = await options.sbms();
      const candidates = await sbms.identify(toProbe(gate.accepted), {
        topK: BIOMETRIC_TOP_K,
        threshold: options.identifyThreshold,
        systems: options.systems,
      });
      return {
        status: 'searched',
        hits: candidates
          .filter(inScope)
          .map((c) => ({ system: c.system, recordId: c.recordId, score: c.score })),
        refused: gate.refusals.length,
      };
    },

    async searchIdentity(identity, travelDocuments) {
      const found = new Map<string, RecordRef>();
      const add = (ref: RecordRef) => found.set(`${ref.system}#${ref.recordId}`, ref);
      if (identity) {
        const refs = (
          await options.reader.candidates(blockingKeysOfRecord(identity, travelDocuments))
        ).filter(inScope);
        const probe = identityInputFromRecord(identity, travelDocuments);
        for (const file of await options.reader.files(refs)) {
          const comparison = compareIdentities(
            probe,
            identityInputFromRecord(file.identity, file.travelDocuments),
          );
          if (createsLink(comparison)) add(file.ref);
        }
      }
      if (travelDocuments.length) {
        const refs = (
          await options.reader.candidates(travelDocuments.map((d) => `dc|${ocrCanonical(d.number)}`))
        ).filter(inScope);
        for (const file of await options.reader.files(refs)) {
          if (sameDocument(travelDocuments, file.travelDocuments)) add(file.ref);
        }
      }
      return [...found.values()];
    },

    async whiteGroup(refs) {
      const given = new Set(refs.map(refKey));
      const joining = await reachableLinks(options.links, refs, WHITE, MAX_GROUP_FILES);
      const others = new Map(joining.flatMap((link) => link.records).map((ref) => [refKey(ref), ref]));
      return [...others.values()].filter((ref) => !given.has(refKey(ref)) && inScope(ref));
    },

    async files(refs): Promise<IdentityCheckFile[]> {
      const files = await options.reader.files(refs);
      const order = new Map(refs.map((ref, i) => [`${ref.system}#${ref.recordId}`, i]));
      return files
        .sort(
          (a, b) =>
            (order.get(`${a.ref.system}#${a.ref.recordId}`) ?? 0) -
            (order.get(`${b.ref.system}#${b.ref.recordId}`) ?? 0),
        )
        .map((file) => ({
          system: file.ref.system,
          recordId: file.ref.recordId,
          identity: file.identity as Identity,
          travelDocuments: file.travelDocuments,
        }));
    },
  };
}

function sameDocument(mine: readonly TravelDocument[], theirs: readonly TravelDocument[]): boolean {
  return mine.some((a) =>
    theirs.some(
      (b) => a.issuingCountry === b.issuingCountry && compareDocumentNumbers(a.number, b.number) === 'exact',
    ),
  );
}
