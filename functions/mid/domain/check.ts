import type { Identity, TravelDocument } from '../../shared/schemas/record';
import { automaticColour } from './colour';
import { type ChangeSummary, LinkChangeSet } from './link-change-set';
import type { LinkRepository } from './link-repository';
import {
  applyChange,
  canonicalPair,
  type HistoryActor,
  isGrouping,
  type Link,
  type LinkEvidence,
  newLink,
  otherRecord,
  recordKey,
  sameRecord,
} from './links';
import { responsibleAuthority } from './routing';
import { settleSins } from './sin';
import type { BiometricOutcome, DocumentOutcome, IdentityComparison, RecordRef } from './types';

/** An individual file of the CIR as the MID compares it. */
export interface IndividualFile {
  ref: RecordRef;
  /** Member State responsible for the record in its origin system (routing, Art 29). */
  memberState?: string;
  /** The person's language (ISO 639-1) where known: notifications are written in it. */
  language?: string;
  identity: Identity;
  travelDocuments: readonly TravelDocument[];
  hasBiometrics: boolean;
}

/** An sBMS 1:N hit. */
export interface BiometricCandidate {
  file: IndividualFile;
  outcome: BiometricOutcome;
}

/** A travel-document hit (exact or near number with the same issuing country). */
export interface DocumentCandidate {
  file: IndividualFile;
  outcome: DocumentOutcome;
}

/**
 * What a check needs from the platform. The three searches return files of any system (the check
 * keeps those of other systems); a file absent from the biometric search is taken as a biometric
 * non-match, a file absent from the document search as holding a different document (or none).
 */
export interface CheckPorts {
  links: LinkRepository;
  findBiometricCandidates(file: IndividualFile): Promise<BiometricCandidate[]>;
  findIdentityCandidates(file: IndividualFile): Promise<IndividualFile[]>;
  findDocumentCandidates(file: IndividualFile): Promise<DocumentCandidate[]>;
  /** The current state of an already linked file; undefined once it is deleted. */
  loadFile(ref: RecordRef): Promise<IndividualFile | undefined>;
  /** The identity-data matcher (2023/333 verdict and evidence). */
  compareIdentities(a: Identity, b: Identity): IdentityComparison;
  now(): Date;
}

interface Candidate {
  file: IndividualFile;
  biometric?: BiometricOutcome;
  document?: DocumentOutcome;
}

const MID: HistoryActor = { kind: 'mid' };

/**
 * The MID check of a created or updated file (Arts 27-28): compares it with the files of the other
 * systems and with the files it is already linked to, then creates, re-evaluates or removes its
 * links. Depends only on the current data, so a redelivered or stale message changes nothing.
 * The summary holds link ids only.
 */
export async function checkRecord(file: IndividualFile, ports: CheckPorts): Promise<ChangeSummary> {
  const at = ports.now().toISOString();
  const changes = new LinkChangeSet(ports.links);
  const candidates = await searchCandidates(file, ports);
  const touched: RecordRef[] = [];

  for (const link of await changes.listByRecord(file.ref)) {
    const other = otherRecord(link, file.ref);
    if (candidates.has(recordKey(other))) continue;
    const otherFile = await ports.loadFile(other);
    if (otherFile) {
      candidates.set(recordKey(other), { file: otherFile });
    } else {
      changes.remove(link.linkId);
      if (isGrouping(link.colour)) touched.push(file.ref);
    }
  }

  for (const candidate of candidates.values()) {
    const pair = [file.ref, candidate.file.ref] as const;
    const existing = await changes.between(...pair);
    const evidence = compareFiles(file, candidate, ports.compareIdentities, at);
    const linkId = ports.links.idFor(...pair);
    const authority = responsibleAuthority(file, candidate.file);
    const next = nextLinkState(existing, linkId, pair, evidence, authority, at);
    if (next === 'unchanged') continue;
    if (next === 'removed') changes.remove(linkId);
    else changes.put(next);
    const wasGrouping = existing !== undefined && isGrouping(existing.colour);
    const isNowGrouping = next !== 'removed' && isGrouping(next.colour);
    if (wasGrouping || isNowGrouping) touched.push(file.ref, candidate.file.ref);
  }

  if (touched.length > 0) await settleSins(changes, touched, at);
  return changes.commit();
}

/** Art 23 and Art 35: a deleted file takes its links with it; the groups it held together are re-derived. */
export async function removeRecord(
  ref: RecordRef,
  ports: { links: LinkRepository; now(): Date },
): Promise<ChangeSummary> {
  const at = ports.now().toISOString();
  const changes = new LinkChangeSet(ports.links);
  const touched: RecordRef[] = [];
  for (const link of await changes.listByRecord(ref)) {
    changes.remove(link.linkId);
    if (isGrouping(link.colour)) touched.push(otherRecord(link, ref));
  }
  if (touched.length > 0) await settleSins(changes, touched, at);
  return changes.commit();
}

async function searchCandidates(file: IndividualFile, ports: CheckPorts): Promise<Map<string, Candidate>> {
  const [biometric, identity, document] = await Promise.all([
    ports.findBiometricCandidates(file),
    ports.findIdentityCandidates(file),
    ports.findDocumentCandidates(file),
  ]);
  const candidates = new Map<string, Candidate>();
  const entry = (other: IndividualFile): Candidate | undefined => {
    if (other.ref.system === file.ref.system) return undefined;
    const key = recordKey(other.ref);
    const candidate = candidates.get(key) ?? { file: other };
    candidates.set(key, candidate);
    return candidate;
  };
  for (const hit of biometric) {
    const candidate = entry(hit.file);
    if (candidate) candidate.biometric = hit.outcome;
  }
  for (const hit of document) {
    const candidate = entry(hit.file);
    if (candidate) candidate.document = hit.outcome;
  }
  for (const other of identity) entry(other);
  return candidates;
}

function compareFiles(
  file: IndividualFile,
  candidate: Candidate,
  compareIdentities: CheckPorts['compareIdentities'],
  at: string,
): LinkEvidence {
  const [first] = canonicalPair(file.ref, candidate.file.ref);
  const hasBiometrics: [boolean, boolean] = sameRecord(first, file.ref)
    ? [file.hasBiometrics, candidate.file.hasBiometrics]
    : [candidate.file.hasBiometrics, file.hasBiometrics];
  const biometric = candidate.biometric ?? { kind: 'absent' };
  const bothHoldDocuments = file.travelDocuments.length > 0 && candidate.file.travelDocuments.length > 0;
  const document = candidate.document ?? (bothHoldDocuments ? 'different' : 'absent');
  const identity = compareIdentities(file.identity, candidate.file.identity);
  return {
    comparedAt: at,
    comparedFrom: file.ref,
    identity,
    biometric,
    document,
    hasBiometrics,
    automatic: automaticColour({ biometric, identity: identity.verdict, document, hasBiometrics }),
  };
}

/**
 * The re-check rule (docs/mid-links.md): unchanged outcomes change nothing; a link the MID
 * classified follows the new automatic colour, or goes when nothing matches any more; a manually
 * classified link whose outcomes changed is re-opened as yellow for a new verification.
 */
function nextLinkState(
  existing: Link | undefined,
  linkId: string,
  pair: readonly [RecordRef, RecordRef],
  evidence: LinkEvidence,
  authority: string,
  at: string,
): Link | 'removed' | 'unchanged' {
  const automatic = evidence.automatic;
  const change = { classifiedBy: 'mid', at, by: MID, responsibleAuthority: authority, evidence } as const;
  if (!existing) {
    if (automatic.outcome === 'no-link') return 'unchanged';
    return newLink(linkId, pair, {
      ...change,
      colour: automatic.colour,
      event: 'created',
      reason: automatic.reason,
    });
  }
  if (outcomeSignature(existing.evidence) === outcomeSignature(evidence)) return 'unchanged';
  if (existing.classifiedBy === 'manual') {
    return applyChange(existing, {
      ...change,
      colour: 'yellow',
      event: 'reopened',
      reason: automatic.reason,
    });
  }
  if (automatic.outcome === 'no-link') return 'removed';
  const event = automatic.colour === existing.colour ? 'evidence-updated' : 'reclassified-automatically';
  return applyChange(existing, { ...change, colour: automatic.colour, event, reason: automatic.reason });
}

/** The parts of the evidence that decide a colour; scores may drift with recalibration without re-opening links. */
function outcomeSignature(evidence: LinkEvidence): string {
  const categories = Object.entries(evidence.identity.categories).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([
    evidence.biometric.kind,
    evidence.identity.verdict,
    categories,
    evidence.document,
    evidence.hasBiometrics,
  ]);
}
