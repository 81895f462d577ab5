import type { Identity, TravelDocument } from '../../shared/schemas/record';
import { harmoniseDocumentNumber, type PartialDate, parsePartialDate } from './comparators';
import {
  compactName,
  harmoniseName,
  nameTokens,
  phoneticOfCompact,
  unpunctuatedName,
  variantOfCompact,
} from './normalise';
import { currentPlaceName } from './renamings';

/**
 * Identity data as the matcher reads it: every field optional and unvalidated, so that a CIR
 * record, a benchmark row or a garbage row all go through the same code.
 */
export interface IdentityInput {
  surnames?: readonly string[];
  firstNames?: readonly string[];
  surnameAtBirth?: string;
  formerSurnames?: readonly string[];
  formerFirstNames?: readonly string[];
  aliases?: ReadonlyArray<{ surname?: string; firstNames?: string }>;
  dateOfBirth?: string;
  sex?: string;
  nationalities?: readonly string[];
  placeOfBirth?: string;
  documentNumbers?: readonly string[];
}

export type NameKind = 'surname' | 'firstName';

/** One name field, normalised once at every level the rules and the score need. */
export interface PreparedName {
  /** Field label for the evidence, e.g. `surnames[0]`, `aliases[1].firstNames`. */
  field: string;
  kind: NameKind;
  harmonised: string;
  unpunctuated: string;
  words: string[];
  tokens: string[];
  compact: string;
  variant: string;
  phonetic: string;
  /** Per token: variant key and phonetic key (word-by-word comparison). */
  tokenVariants: string[];
  tokenPhonetics: string[];
}

export interface PreparedPlace {
  harmonised: string;
  current: string;
  variant: string;
}

export interface PreparedIdentity {
  surnames: PreparedName[];
  firstNames: PreparedName[];
  dateOfBirth?: PartialDate;
  sex?: 'M' | 'F' | 'X';
  /** Nationality codes as given, upper case (renamings are a `similar` case, applied when comparing). */
  nationalities: string[];
  placeOfBirth?: PreparedPlace;
  documentNumbers: string[];
}

export function prepareName(field: string, kind: NameKind, value: string): PreparedName | undefined {
  const compact = compactName(value);
  if (compact.length === 0) return undefined;
  const tokens = nameTokens(value);
  return {
    field,
    kind,
    harmonised: harmoniseName(value),
    unpunctuated: unpunctuatedName(value),
    words: unpunctuatedName(value).split(' '),
    tokens,
    compact,
    variant: variantOfCompact(compact),
    phonetic: phoneticOfCompact(compact),
    tokenVariants: tokens.map(variantOfCompact),
    tokenPhonetics: tokens.map(phoneticOfCompact),
  };
}

function namesOf(
  entries: ReadonlyArray<readonly [string, string | undefined]>,
  kind: NameKind,
): PreparedName[] {
  const out: PreparedName[] = [];
  for (const [field, value] of entries) {
    if (typeof value !== 'string') continue;
    const prepared = prepareName(field, kind, value);
    if (prepared) out.push(prepared);
  }
  return out;
}

function indexed(label: string, values: readonly string[] | undefined): Array<[string, string]> {
  return (values ?? []).map((value, i) => [`${label}[${i}]`, value]);
}

function prepareSex(value: string | undefined): PreparedIdentity['sex'] {
  const upper = value?.trim().toUpperCase();
  return upper === 'M' || upper === 'F' || upper === 'X' ? upper : undefined;
}

function preparePlace(value: string | undefined): PreparedPlace | undefined {
  if (typeof value !== 'string') return undefined;
  const harmonised = unpunctuatedName(value);
  if (harmonised.length === 0) return undefined;
  const current = currentPlaceName(harmonised);
  return { harmonised, current, variant: variantOfCompact(current.replace(/ /g, '')) };
}

function prepareNationalities(values: readonly string[] | undefined): string[] {
  const codes = (values ?? [])
    .map((value) => (typeof value === 'string' ? value.trim().toUpperCase() : ''))
    .filter((code) => /^[A-Z]{1,3}$/.test(code));
  return [...new Set(codes)];
}

const prepared = new WeakMap<IdentityInput, PreparedIdentity>();

/** Normalises identity data once; memoised per input object (inputs are treated as immutable). */
export function prepareIdentity(input: IdentityInput): PreparedIdentity {
  const cached = prepared.get(input);
  if (cached) return cached;
  const aliases = input.aliases ?? [];
  const result: PreparedIdentity = {
    surnames: namesOf(
      [
        ...indexed('surnames', input.surnames),
        ['surnameAtBirth', input.surnameAtBirth],
        ...indexed('formerSurnames', input.formerSurnames),
        ...aliases.map((alias, i): [string, string | undefined] => [`aliases[${i}].surname`, alias.surname]),
      ],
      'surname',
    ),
    firstNames: namesOf(
      [
        ...indexed('firstNames', input.firstNames),
        ...indexed('formerFirstNames', input.formerFirstNames),
        ...aliases.map((alias, i): [string, string | undefined] => [
          `aliases[${i}].firstNames`,
          alias.firstNames,
        ]),
      ],
      'firstName',
    ),
    dateOfBirth: parsePartialDate(input.dateOfBirth),
    sex: prepareSex(input.sex),
    nationalities: prepareNationalities(input.nationalities),
    placeOfBirth: preparePlace(input.placeOfBirth),
    documentNumbers: [
      ...new Set(
        (input.documentNumbers ?? [])
          .map((n) => (typeof n === 'string' ? harmoniseDocumentNumber(n) : ''))
          .filter((n) => n.length > 0),
      ),
    ],
  };
  prepared.set(input, result);
  return result;
}

/** Adapter from a CIR individual file (record schema) to the matcher's input. */
export function identityInputFromRecord(
  identity: Identity,
  travelDocuments: readonly TravelDocument[] = [],
): IdentityInput {
  return {
    surnames: identity.surnames,
    firstNames: identity.firstNames,
    surnameAtBirth: identity.surnameAtBirth,
    formerSurnames: identity.formerSurnames,
    formerFirstNames: identity.formerFirstNames,
    aliases: identity.aliases,
    dateOfBirth: identity.dateOfBirth,
    sex: identity.sex,
    nationalities: identity.nationalities,
    placeOfBirth: identity.placeOfBirth,
    documentNumbers: travelDocuments.map((document) => document.number),
  };
}
