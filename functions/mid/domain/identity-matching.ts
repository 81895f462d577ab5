import { blockingKeys } from './blocking';
import type { CandidateIndex } from './candidate-index';
import { type CompareOptions, compareIdentities, createsLink } from './compare-identities';
import type { IdentityInput } from './identity-profile';
import type { IdentityComparison, RecordRef } from './types';

/** Port: reads the identity data of individual files (a BatchGetItem on the CIR table in production). */
export interface IdentityReader {
  identities(refs: readonly RecordRef[]): Promise<Array<{ ref: RecordRef; identity: IdentityInput }>>;
}

export interface IdentitySubject {
  ref: RecordRef;
  identity: IdentityInput;
}

export interface IdentityMatch {
  ref: RecordRef;
  comparison: IdentityComparison;
}

export interface IdentityMatchingOptions extends CompareOptions {
  /** Which files the subject is compared with; the MID compares with files of other systems only. */
  isComparable?: (subject: RecordRef, candidate: RecordRef) => boolean;
}

export const otherSystemOnly = (subject: RecordRef, candidate: RecordRef): boolean =>
  subject.system !== candidate.system;

/**
 * The identity-data search of a MID check: candidates from the blocking index, compared one by
 * one; returns the files with which the MID creates a link on identity data.
 */
export async function findIdentityMatches(
  subject: IdentitySubject,
  ports: { index: CandidateIndex; reader: IdentityReader },
  { isComparable = otherSystemOnly, ...compareOptions }: IdentityMatchingOptions = {},
): Promise<{ keys: string[]; compared: RecordRef[]; matches: IdentityMatch[] }> {
  const keys = blockingKeys(subject.identity);
  const refs = (await ports.index.candidates(keys)).filter((ref) => isComparable(subject.ref, ref));
  const candidates = refs.length > 0 ? await ports.reader.identities(refs) : [];
  const matches: IdentityMatch[] = [];
  for (const candidate of candidates) {
    const comparison = compareIdentities(subject.identity, candidate.identity, compareOptions);
    if (createsLink(comparison)) matches.push({ ref: candidate.ref, comparison });
  }
  return { keys, compared: candidates.map((candidate) => candidate.ref), matches };
}
