import { createHmac } from 'node:crypto';
import type { AutomaticColour } from './colour';
import type { BiometricOutcome, DocumentOutcome, IdentityComparison, LinkColour, RecordRef } from './types';

/** What the automated comparison found for the pair; carries no identity data, only outcomes and rules. */
export interface LinkEvidence {
  comparedAt: string;
  /** The file whose check produced this evidence: the left side of the identity evidence's field names. */
  comparedFrom: RecordRef;
  identity: IdentityComparison;
  biometric: BiometricOutcome;
  document: DocumentOutcome;
  /** In the order of `Link.records`. */
  hasBiometrics: readonly [boolean, boolean];
  automatic: AutomaticColour;
}

export type HistoryActor = { kind: 'mid' } | { kind: 'user'; userId: string; authority: string };

export type HistoryEvent =
  | 'created'
  | 'evidence-updated'
  | 'reclassified-automatically'
  | 'reopened'
  | 'verified'
  | 'sin-changed';

/** One change of a link (Art 36; Art 4 of 2023/333): who, when, from which colour to which, and why. */
export interface HistoryEntry {
  at: string;
  by: HistoryActor;
  event: HistoryEvent;
  fromColour: LinkColour | null;
  toColour: LinkColour;
  /** Automatic outcome code (colour.ts) for changes the MID made. */
  reason?: string;
  /** The verifier's justification for manual classifications. */
  justification?: string;
  responsibleAuthority: string;
  /** The link's SIN after the change, when it is white or red. */
  sin?: string;
}

/** A link joins exactly two individual files of different origin systems (Art 25). */
export interface Link {
  linkId: string;
  /** Canonical order (see `canonicalPair`), so that a pair has one representation. */
  records: readonly [RecordRef, RecordRef];
  colour: LinkColour;
  /** Who set the current colour: the MID's automated comparison or a verifier (Art 29). */
  classifiedBy: 'mid' | 'manual';
  /** Single identification number of the group the link belongs to; white and red links only. */
  sin?: string;
  responsibleAuthority: string;
  createdAt: string;
  updatedAt: string;
  /** Since when the link has been waiting for manual verification (yellow links only). */
  yellowSince?: string;
  /** Optimistic-locking counter: 1 on creation, +1 on every stored change. */
  version: number;
  evidence: LinkEvidence;
  history: readonly HistoryEntry[];
}

/** `/` cannot occur in a record id, so the key is unambiguous. */
export function recordKey(ref: RecordRef): string {
  return `${ref.system}/${ref.recordId}`;
}

export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.system === b.system && a.recordId === b.recordId;
}

export function canonicalPair(a: RecordRef, b: RecordRef): [RecordRef, RecordRef] {
  return recordKey(a) <= recordKey(b) ? [a, b] : [b, a];
}

/**
 * Deterministic for a key: the same pair always yields the same id, so a redelivered check creates
 * nothing twice. Keyed (HMAC-SHA-256 with the platform's LINK_ID_KEY), so that no one without the key
 * can compute the id of a pair from record ids and read a link by it.
 */
export function linkIdFor(a: RecordRef, b: RecordRef, key: string): string {
  const [first, second] = canonicalPair(a, b);
  const digest = createHmac('sha256', key)
    .update(`${recordKey(first)}|${recordKey(second)}`)
    .digest('hex');
  return `lnk-${digest.slice(0, 32)}`;
}

export function otherRecord(link: Link, ref: RecordRef): RecordRef {
  return sameRecord(link.records[0], ref) ? link.records[1] : link.records[0];
}

/** White and red links join files into one group with one SIN. */
export function isGrouping(colour: LinkColour): boolean {
  return colour === 'white' || colour === 'red';
}

export interface ColourChange {
  colour: LinkColour;
  classifiedBy: Link['classifiedBy'];
  event: HistoryEvent;
  at: string;
  by: HistoryActor;
  responsibleAuthority: string;
  reason?: string;
  justification?: string;
  evidence?: LinkEvidence;
}

/**
 * The link after a change, with the change appended to its history. The version is left to the
 * change set, which stores each link once per use case; the SIN is settled afterwards by sin.ts.
 */
export function applyChange(link: Link, change: ColourChange): Link {
  const stillYellow = link.colour === 'yellow' && change.colour === 'yellow';
  return {
    ...link,
    colour: change.colour,
    classifiedBy: change.classifiedBy,
    responsibleAuthority: change.responsibleAuthority,
    evidence: change.evidence ?? link.evidence,
    updatedAt: change.at,
    yellowSince: change.colour !== 'yellow' ? undefined : stillYellow ? link.yellowSince : change.at,
    sin: isGrouping(change.colour) ? link.sin : undefined,
    history: [...link.history, historyEntry(link.colour, change)],
  };
}

export function newLink(
  linkId: string,
  records: readonly [RecordRef, RecordRef],
  change: ColourChange & { evidence: LinkEvidence },
): Link {
  return {
    linkId,
    records: canonicalPair(records[0], records[1]),
    colour: change.colour,
    classifiedBy: change.classifiedBy,
    responsibleAuthority: change.responsibleAuthority,
    createdAt: change.at,
    updatedAt: change.at,
    yellowSince: change.colour === 'yellow' ? change.at : undefined,
    version: 1,
    evidence: change.evidence,
    history: [historyEntry(null, change)],
  };
}

function historyEntry(fromColour: LinkColour | null, change: ColourChange): HistoryEntry {
  return {
    at: change.at,
    by: change.by,
    event: change.event,
    fromColour,
    toColour: change.colour,
    reason: change.reason,
    justification: change.justification,
    responsibleAuthority: change.responsibleAuthority,
  };
}
