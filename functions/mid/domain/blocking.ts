import type { Identity, TravelDocument } from '../../shared/schemas/record';
import { dateDigits, ocrCanonical, type PartialDate } from './comparators';
import {
  type IdentityInput,
  identityInputFromRecord,
  type PreparedName,
  prepareIdentity,
} from './identity-profile';

/**
 * Blocking keys: short strings such that two files of one person very likely share at least one,
 * while two random files rarely do. Stored as attributes of the CIR item (one GSI lookup per key,
 * never a Scan). Each key survives a different kind of variation:
 *
 * | key | survives |
 * |---|---|
 * | `sy` phonetic surname + birth year | typos and transliteration in names, day/month errors |
 * | `gd` phonetic first name + date of birth | surname changes, missing or garbled surname |
 * | `nn` both phonetic names, sorted | swapped name groups, any date error, missing date |
 * | `di` date of birth (day/month sorted) + surname initial | heavy name noise, day-month swaps |
 * | `dg` date of birth (day/month sorted) + first-name initial | heavy surname noise |
 * | `dc` document number, OCR-canonical (at most two documents) | every identity-data change |
 *
 * At most 7 keys per file. Partial dates use only their known parts; placeholder-prone parts do
 * not matter because every key also holds a name or the document.
 */
export const MAX_KEYS_PER_RECORD = 7;
const MAX_DOCUMENT_KEYS = 2;
const MIN_DOCUMENT_KEY_LENGTH = 5;

function firstTokenPhonetic(names: readonly PreparedName[]): string | undefined {
  const name = names[0];
  if (!name) return undefined;
  return name.phonetic || undefined;
}

function initialOf(names: readonly PreparedName[]): string | undefined {
  return names[0]?.variant[0] ?? names[0]?.compact[0];
}

function sortedDayMonth(date: PartialDate): string {
  const [first, second] = [date.month, date.day].sort((x, y) => x - y);
  return `${date.year}${String(first).padStart(2, '0')}${String(second).padStart(2, '0')}`;
}

export function blockingKeys(input: IdentityInput): string[] {
  const identity = prepareIdentity(input);
  const surname = firstTokenPhonetic(identity.surnames);
  const firstName = firstTokenPhonetic(identity.firstNames);
  const date = identity.dateOfBirth;
  const keys: string[] = [];
  if (surname && date) keys.push(`sy|${surname}|${date.year}`);
  if (firstName && date) keys.push(`gd|${firstName}|${dateDigits(date)}`);
  if (surname || firstName) keys.push(`nn|${[surname ?? '', firstName ?? ''].sort().join('|')}`);
  if (date) {
    const surnameInitial = initialOf(identity.surnames);
    const firstInitial = initialOf(identity.firstNames);
    if (surnameInitial) keys.push(`di|${sortedDayMonth(date)}|${surnameInitial}`);
    if (firstInitial) keys.push(`dg|${sortedDayMonth(date)}|${firstInitial}`);
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
