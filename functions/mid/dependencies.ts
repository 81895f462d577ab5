import { DynamoCirStore } from '../cir/store';
import { notificationOutboxItems, notifyingLinkWrites } from '../rights/notifier';
import { sbmsService, shardOfFile, thresholds } from '../sbms/service';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { namingRegion } from '../statistics/domain/naming-regions';
import { countingLinkWrites, type RegionLookup } from '../statistics/recorder';
import { CheckScopedCirReader, CirReader } from './cir-reader';
import { blockingKeysOfRecord } from './domain/blocking';
import type { CheckPorts, DocumentCandidate, IndividualFile } from './domain/check';
import { documentAgreement, ocrCanonical } from './domain/comparators';
import { compareIdentities } from './domain/compare-identities';
import { identityInputFromRecord } from './domain/identity-profile';
import type { LinkRepository } from './domain/link-repository';
import { sameRecord } from './domain/links';
import { DynamoLinkRepository } from './link-store';

/** Candidates the sBMS returns per check: enough for the few files one person has across systems. */
const BIOMETRIC_TOP_K = 20;

let cached:
  | { cir: DynamoCirStore; reader: CirReader; store: LinkRepository; links: LinkRepository }
  | undefined;

/** The MID's stores over DynamoDB, created once per execution environment. */
export function midDependencies() {
  if (cached) return cached;
  const config = loadConfig();
  const reader = new CirReader(dynamo, config.CIR_TABLE);
  // Red and white links are notified to the persons concerned (Arts 32(4), 33(3); functions/rights/notifier.ts).
  const store = notifyingLinkWrites(
    new DynamoLinkRepository(dynamo, config.LINKS_TABLE, {
      outbox: notificationOutboxItems,
      linkIdKey: config.LINK_ID_KEY,
    }),
  );
  cached = {
    reader,
    cir: new DynamoCirStore(dynamo, config.CIR_TABLE, shardOfFile()),
    store,
    // Link writes are counted for the CRRS (created, colour changes, yellow durations, accuracy).
    links: countingLinkWrites(store, regionFrom(reader)),
  };
  return cached;
}

/** The naming region of a file as the CIR holds it now (`unknown` once it is deleted). */
const regionFrom =
  (reader: Pick<CheckScopedCirReader, 'file'>): RegionLookup =>
  async (ref) =>
    namingRegion((await reader.file(ref))?.identity.nationalities);

/**
 * The ports of one MID check over DynamoDB and the sBMS (Arts 27-28): three searches and the link
 * store. The searches read the CIR through one check-scoped reader, so they share their reads; the
 * naming region of the checked file comes from the file itself (no read).
 */
export function checkPorts(checked: IndividualFile): CheckPorts {
  const { cir, store } = midDependencies();
  const reader = new CheckScopedCirReader(midDependencies().reader);
  const others = regionFrom(reader);
  const links = countingLinkWrites(store, async (ref) =>
    sameRecord(ref, checked.ref) ? namingRegion(checked.identity.nationalities) : others(ref),
  );
  return {
    links,
    async findBiometricCandidates(file) {
      if (!file.hasBiometrics) return [];
      const templates = await cir.templatesOf(file.ref);
      if (!templates.length) return [];
      const probe = Object.fromEntries(templates.map((t) => [t.modality, t.vector]));
      const sbms = await sbmsService();
      const hits = (
        await sbms.identify(probe, { topK: BIOMETRIC_TOP_K, threshold: thresholds.identify })
      ).filter((hit) => hit.system !== file.ref.system);
      const files = await reader.files(hits);
      return files.map((candidate) => {
        const hit = hits.find(
          (h) => h.system === candidate.ref.system && h.recordId === candidate.ref.recordId,
        )!;
        return { file: candidate, outcome: { kind: 'same' as const, score: hit.score } };
      });
    },
    async findIdentityCandidates(file) {
      const refs = await reader.candidates(blockingKeysOfRecord(file.identity, file.travelDocuments));
      return reader.files(refs.filter((ref) => ref.system !== file.ref.system));
    },
    findDocumentCandidates: (file) => documentCandidates(file, reader),
    loadFile: (ref) => reader.file(ref),
    compareIdentities: (a, b) => compareIdentities(identityInputFromRecord(a), identityInputFromRecord(b)),
    now: () => new Date(),
  };
}

/**
 * Same travel document: the same issuing country and the same number, exactly or up to OCR
 * confusions (found through the OCR-canonical `dc|` key every file carries for its documents).
 */
async function documentCandidates(
  file: IndividualFile,
  reader: CheckScopedCirReader,
): Promise<DocumentCandidate[]> {
  if (!file.travelDocuments.length) return [];
  const refs = await reader.candidates(file.travelDocuments.map((doc) => `dc|${ocrCanonical(doc.number)}`));
  const others = await reader.files(refs.filter((ref) => ref.system !== file.ref.system));
  const found: DocumentCandidate[] = [];
  for (const other of others) {
    const outcome = documentAgreement(file.travelDocuments, other.travelDocuments);
    if (outcome) found.push({ file: other, outcome });
  }
  return found;
}
