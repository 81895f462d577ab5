import { DynamoCirStore } from '../cir/store';
import { notificationOutboxItems, notifyingLinkWrites } from '../rights/notifier';
import { sbmsService, shardOfFile, thresholds } from '../sbms/service';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { countingLinkWrites } from '../statistics/recorder';
import { CheckScopedCirReader, CirReader } from './cir-reader';
import { blockingKeysOfRecord } from './domain/blocking';
import type { CheckPorts, DocumentCandidate, IndividualFile } from './domain/check';
import { compareDocumentNumbers, ocrCanonical } from './domain/comparators';
import { compareIdentities } from './domain/compare-identities';
import { identityInputFromRecord } from './domain/identity-profile';
import type { LinkRepository } from './domain/link-repository';
import { DynamoLinkRepository } from './link-store';

/** Candidates the sBMS returns per check: enough for the few files one person has across systems. */
const BIOMETRIC_TOP_K = 20;

let cached: { cir: DynamoCirStore; reader: CirReader; links: LinkRepository } | undefined;

/** The MID's stores over DynamoDB, created once per execution environment. */
export function midDependencies() {
  if (cached) return cached;
  const config = loadConfig();
  cached = {
    reader: new CirReader(dynamo, config.CIR_TABLE),
    cir: new DynamoCirStore(dynamo, config.CIR_TABLE, shardOfFile()),
    // Link writes are counted for the CRRS (created, colour changes, yellow durations), and red and
    // white links notified to the persons concerned (Arts 32(4), 33(3); functions/rights/notifier.ts).
    links: notifyingLinkWrites(
      countingLinkWrites(new DynamoLinkRepository(dynamo, config.LINKS_TABLE, notificationOutboxItems)),
    ),
  };
  return cached;
}

/**
 * The ports of one MID check over DynamoDB and the sBMS (Arts 27-28): three searches and the link
 * store. The searches read the CIR through one check-scoped reader, so they share their reads.
 */
export function checkPorts(): CheckPorts {
  const { cir, links } = midDependencies();
  const reader = new CheckScopedCirReader(midDependencies().reader);
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
    let outcome: DocumentCandidate['outcome'] | undefined;
    for (const mine of file.travelDocuments) {
      for (const theirs of other.travelDocuments) {
        if (mine.issuingCountry !== theirs.issuingCountry) continue;
        const level = compareDocumentNumbers(mine.number, theirs.number);
        if (level === 'exact') outcome = 'same';
        else if (level !== 'different' && outcome !== 'same') outcome = 'near';
      }
    }
    if (outcome) found.push({ file: other, outcome });
  }
  return found;
}
