import { blockingKeys } from '../../mid/domain/blocking';
import type { IndividualFile } from '../../mid/domain/check';
import { compareIdentities } from '../../mid/domain/compare-identities';
import { type IdentityInput, identityInputFromRecord } from '../../mid/domain/identity-profile';
import { isGrouping, type Link, recordKey } from '../../mid/domain/links';
import type { RecordRef } from '../../mid/domain/types';
import type { RequestSubject } from '../../shared/schemas/rights';
import { memberStateOfAuthority } from '../../statistics/domain/counters';
import type { PersonFound } from './request';

/** The request's identity data as the MID's matcher reads them. */
export function subjectInput(subject: RequestSubject): IdentityInput {
  return {
    surnames: subject.surname ? [subject.surname] : [],
    firstNames: subject.givenNames ? [subject.givenNames] : [],
    dateOfBirth: subject.dateOfBirth,
    nationalities: subject.nationality ? [subject.nationality] : [],
    documentNumbers: subject.documentNumber ? [subject.documentNumber] : [],
  };
}

/** The CIR lookup keys of the request's identity data (the MID's blocking keys). */
export const subjectLookupKeys = (subject: RequestSubject) => blockingKeys(subjectInput(subject));

/**
 * Whether a file is about the person who proved their identity: the same date of birth, the same
 * or similar names (2023/333 rules), and nothing given on the form that contradicts the file. A
 * request answers with a person's own data only, so this is stricter than the MID's candidate rule.
 */
export function subjectMatches(subject: RequestSubject, file: IndividualFile): boolean {
  const comparison = compareIdentities(
    subjectInput(subject),
    identityInputFromRecord(file.identity, file.travelDocuments),
  );
  const { names, dateOfBirth, nationalityAndPlaceOfBirth } = comparison.categories;
  return (
    dateOfBirth === 'same' &&
    (names === 'same' || names === 'similar') &&
    nationalityAndPlaceOfBirth !== 'different'
  );
}

/**
 * The person behind the matched files: those files, the files joined to them by white or red links
 * (the same person, Arts 33-32), their SINs, and the Member States responsible for their links
 * (Art 29) or, where a file has no link, for the file itself.
 */
export function personOf(
  matched: readonly IndividualFile[],
  linksOf: ReadonlyMap<string, readonly Link[]>,
  linkedFiles: readonly IndividualFile[],
): PersonFound {
  const records = new Map<string, RecordRef>();
  const sins = new Set<string>();
  const states: string[] = [];
  for (const file of [...matched, ...linkedFiles]) {
    records.set(recordKey(file.ref), file.ref);
    const links = linksOf.get(recordKey(file.ref)) ?? [];
    for (const link of links) {
      if (link.sin) sins.add(link.sin);
      states.push(memberStateOfAuthority(link.responsibleAuthority));
    }
    if (links.length === 0) states.push(file.memberState ?? 'EU');
  }
  return {
    records: [...records.values()].sort((a, b) => (recordKey(a) < recordKey(b) ? -1 : 1)),
    sins: [...sins].sort(),
    responsibleMemberStates: states,
  };
}

/** Files reached from `ref` through its white and red links (the SIN group's other files). */
export function groupedRecords(links: readonly Link[]): RecordRef[] {
  return links.filter((link) => isGrouping(link.colour)).flatMap((link) => [...link.records]);
}

/**
 * Art 48 access: what the MID and the CIR hold on the person: the identity data of each individual
 * file, and each identity confirmation file (colour, SIN, authority, dates, colour history), without
 * the officials' user ids or their justifications (not the person's data; Art 34 lists what the file holds).
 */
export function accessData(files: readonly IndividualFile[], links: readonly Link[]) {
  return {
    files: files.map((file) => ({
      system: file.ref.system,
      recordId: file.ref.recordId,
      memberState: file.memberState,
      identity: file.identity,
      travelDocuments: file.travelDocuments,
      biometricsHeld: file.hasBiometrics,
    })),
    links: links.map((link) => ({
      linkId: link.linkId,
      colour: link.colour,
      records: link.records,
      sin: link.sin,
      responsibleAuthority: link.responsibleAuthority,
      createdAt: link.createdAt,
      updatedAt: link.updatedAt,
      history: link.history.map((entry) => ({
        at: entry.at,
        event: entry.event,
        fromColour: entry.fromColour,
        toColour: entry.toColour,
        responsibleAuthority: entry.responsibleAuthority,
      })),
    })),
  };
}
