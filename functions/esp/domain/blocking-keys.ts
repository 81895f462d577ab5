import { blockingKeys, blockingKeysOfRecord } from '../../mid/domain/blocking';
import { ocrCanonical } from '../../mid/domain/comparators';
import { nameTokens, phoneticOfCompact } from '../../mid/domain/normalise';
import type { EspQuery } from './query';
import type { SearchableRecord } from './source-records';

/**
 * Keys a source store indexes records under, so that a search is a set of key lookups (no scan).
 * They are the MID's blocking keys (functions/mid/domain/blocking.ts: phonetic name words with
 * parts of the date of birth, and `dc|<OCR-canonical document number>`), the keys the CIR stores
 * too: a query finds in a reference system what the MID would find in the CIR, transliteration
 * variants included. The identity matcher then decides. Two additions for the reference systems:
 * every document number is indexed (SLTD and TDAWN are searched by document; the MID keeps two),
 * and `sn|<phonetic surname word>` per surname-type name, for a query that gives a surname with
 * neither first names nor a full date of birth (the MID's keys need one of them).
 */
export const documentKey = (number: string) => `dc|${ocrCanonical(number)}`;

function surnameKey(name: string): string | undefined {
  const word = nameTokens(name)[0];
  const phonetic = word ? phoneticOfCompact(word) : '';
  return phonetic ? `sn|${phonetic}` : undefined;
}

const defined = (keys: readonly (string | undefined)[]) => keys.filter((key) => key !== undefined);

export function recordKeys(record: SearchableRecord): string[] {
  const { identity } = record;
  const documents = record.travelDocuments ?? [];
  const surnames = identity
    ? [
        ...identity.surnames,
        ...identity.formerSurnames,
        ...(identity.surnameAtBirth ? [identity.surnameAtBirth] : []),
        ...identity.aliases.flatMap((alias) => (alias.surname ? [alias.surname] : [])),
      ]
    : [];
  return [
    ...new Set([
      ...(identity ? blockingKeysOfRecord(identity, documents) : []),
      ...defined(surnames.map(surnameKey)),
      ...documents.map((document) => documentKey(document.number)),
    ]),
  ];
}

/** A date of birth with every part known (`00` marks an unknown day or month). */
const fullDate = (date: string | undefined) => date !== undefined && !/-00/.test(date);

export function identityQueryKeys(query: EspQuery): string[] {
  const { identity } = query;
  if (!identity) return [];
  const unspecific = !identity.firstNames?.length && !fullDate(identity.dateOfBirth);
  return [
    ...new Set([
      ...blockingKeys(identity),
      ...(unspecific ? defined(identity.surnames.map(surnameKey)) : []),
    ]),
  ];
}

export function documentQueryKeys(query: EspQuery): string[] {
  return query.travelDocument ? [documentKey(query.travelDocument.number)] : [];
}
