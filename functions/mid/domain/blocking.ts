import type { Identity, TravelDocument } from '../../shared/schemas/record';
import { ocrCanonical, type PartialDate } from './comparators';
import {
  type IdentityInput,
  identityInputFromRecord,
  type PreparedIdentity,
  prepareIdentity,
} from './identity-profile';
import { phoneticOfCompact } from './normalise';

/**
 * Blocking keys: short strings such that two files of one person very likely share at least one,
 * while two random files rarely do. Stored as attributes of the CIR item (one GSI lookup per key,
 * never a Scan). Names enter as the phonetic key of one word (so dropped middle names, second
 * surnames and particles do not matter): the first word of the surname and the first word of the
 * first names, or, for a file with the whole name in one field, its first and last words.
 *
 * | key | survives |
 * |---|---|
 * | `sy` surname word + birth year | first-name changes, day/month errors, partial dates |
 * | `gy` first-name word + birth year | surname changes, missing or garbled surname, partial dates |
 * | `gm` first-name word + day and month | year errors, surname errors |
 * | `nn` both name words, sorted | swapped name groups, any date error, missing date |
 * | `dn` date of birth (day/month sorted) + initial of either name word (two keys) | heavy name noise |
 * | `dc` document number, OCR-canonical (at most two documents) | every identity-data change |
 *
 * At most 8 keys per file. Partial dates use only their known parts.
 */
export const MAX_KEYS_PER_RECORD = 8;
const MAX_DOCUMENT_KEYS = 2;
const MIN_DOCUMENT_KEY_LENGTH = 5;

/** The two name words a file is blocked on; undefined where the file has no such word. */
function nameWords(identity: PreparedIdentity): { surname?: string; firstName?: string } {
  const surnameTokens = identity.surnames[0]?.tokens ?? [];
  const firstNameTokens = identity.firstNames[0]?.tokens ?? [];
  if (firstNameTokens.length > 0) return { surname: surnameTokens[0], firstName: firstNameTokens[0] };
  if (surnameTokens.length > 1)
    return { surname: surnameTokens[surnameTokens.length - 1], firstName: surnameTokens[0] };
  return { surname: surnameTokens[0] };
}

function sortedDayMonth(date: PartialDate): string {
  const [first, second] = [date.month, date.day].sort((x, y) => x - y);
  return `${String(first).padStart(2, '0')}${String(second).padStart(2, '0')}`;
}

export function blockingKeys(input: IdentityInput): string[] {
  const identity = prepareIdentity(input);
  const words = nameWords(identity);
  const surname = words.surname ? phoneticOfCompact(words.surname) || undefined : undefined;
  const firstName = words.firstName ? phoneticOfCompact(words.firstName) || undefined : undefined;
  const date = identity.dateOfBirth;
  const keys: string[] = [];
  if (surname && date) keys.push(`sy|${surname}|${date.year}`);
  if (firstName && date) keys.push(`gy|${firstName}|${date.year}`);
  if (firstName && date && date.month > 0 && date.day > 0)
    keys.push(`gm|${firstName}|${sortedDayMonth(date)}`);
  if (surname || firstName) keys.push(`nn|${[surname ?? '', firstName ?? ''].sort().join('|')}`);
  if (date) {
    const initials = new Set([words.surname, words.firstName].map((word) => word?.[0]).filter(Boolean));
    for (const initial of initials) keys.push(`dn|${date.year}${sortedDayMonth(date)}|${initial}`);
  }
  const documents = identity.documentNumbers
    .map(ocrCanonical)
    .filter((number) => number.length >= MIN_DOCUMENT_KEY_LENGTH)
    .slice(0, MAX_DOCUMENT_KEYS);
  for (const number of documents) keys.push(`dc|${number}`);
  return [...new Set(keys)];
}

export function blockingKeysOfRecord(
  identity: Identity,
  travelDocuments: readonly TravelDocument[] = [],
): string[] {
  return blockingKeys(identityInputFromRecord(identity, travelDocuments));
}
