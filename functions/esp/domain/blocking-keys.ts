import { normaliseDocumentNumber, normaliseText } from './normalise';
import type { EspQuery } from './query';
import type { SearchableRecord } from './source-records';

/**
 * Candidate keys a source store indexes records under, so a search is a set of key lookups
 * (no scan): the document number, the first letters of every surname-type name, and the date of
 * birth. Name prefixes tolerate variation after the prefix; the date-of-birth key recovers
 * candidates whose surname differs early. The matcher then decides.
 */
const NAME_PREFIX = 3;

const nameKey = (name: string) => `sn:${normaliseText(name).slice(0, NAME_PREFIX)}`;
const documentKey = (number: string) => `doc:${normaliseDocumentNumber(number)}`;

export function recordKeys(record: SearchableRecord): string[] {
  const identity = record.identity;
  const names = identity
    ? [
        ...identity.surnames,
        ...identity.formerSurnames,
        ...(identity.surnameAtBirth ? [identity.surnameAtBirth] : []),
        ...identity.aliases.flatMap((alias) => (alias.surname ? [alias.surname] : [])),
      ]
    : [];
  const keys = [
    ...names.map(nameKey),
    ...(identity?.dateOfBirth ? [`dob:${identity.dateOfBirth}`] : []),
    ...(record.travelDocuments ?? []).map((document) => documentKey(document.number)),
  ];
  return [...new Set(keys)];
}

export function identityQueryKeys(query: EspQuery): string[] {
  if (!query.identity) return [];
  const { surnames, dateOfBirth } = query.identity;
  const fullDate = dateOfBirth && !dateOfBirth.includes('-00') ? [`dob:${dateOfBirth}`] : [];
  return [...new Set([...surnames.map(nameKey), ...fullDate])];
}

export function documentQueryKeys(query: EspQuery): string[] {
  return query.travelDocument ? [documentKey(query.travelDocument.number)] : [];
}
