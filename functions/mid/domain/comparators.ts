/** String, date and document comparators of the identity-data matcher. Pure and total. */

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = true;
      matchedB[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count as one edit). */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

export type SingleEdit = 'transposition' | 'one-edit';

/** Whether two strings differ by exactly one edit, and which kind (adjacent transposition or insert/delete/substitute). */
export function singleEdit(a: string, b: string): SingleEdit | undefined {
  if (a === b || Math.abs(a.length - b.length) > 1) return undefined;
  if (damerauLevenshtein(a, b) !== 1) return undefined;
  if (a.length !== b.length) return 'one-edit';
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  return diffs.length === 2 ? 'transposition' : 'one-edit';
}

/** A date of birth split into parts; 0 marks an unknown month or day. */
export interface PartialDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses `YYYY-MM-DD` (00 = unknown), also `YYYYMMDD` and `YYYY` alone. Anything else is no
 * date (undefined): a garbage date counts as missing rather than as a disagreement.
 */
export function parsePartialDate(value: string | undefined): PartialDate | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?\s*$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2] ?? '0');
  const day = Number(match[3] ?? '0');
  if (year < 1000 || month > 12 || day > 31) return undefined;
  return { year, month, day: month === 0 ? 0 : day };
}

export function dateDigits(date: PartialDate): string {
  return `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
}

/** Day-month pairs that registrations use when the real date is unknown. */
const PLACEHOLDER_DAY_MONTHS = new Set(['0000', '0101', '0107', '0701', '1231', '0100', '0700']);

export function isPlaceholderDate(date: PartialDate): boolean {
  return date.month === 0 || date.day === 0 || PLACEHOLDER_DAY_MONTHS.has(dateDigits(date).slice(4));
}

export type DateLevel =
  | 'exact'
  | 'exact-placeholder'
  | 'day-month-swapped'
  | 'one-edit'
  | 'year-off-by-one'
  | 'partial-compatible'
  | 'placeholder-year'
  | 'different';

/** Graded agreement of two dates of birth, strongest level first. */
export function compareDates(a: PartialDate, b: PartialDate): DateLevel {
  const digitsA = dateDigits(a);
  const digitsB = dateDigits(b);
  const placeholder = isPlaceholderDate(a) || isPlaceholderDate(b);
  if (digitsA === digitsB) return placeholder ? 'exact-placeholder' : 'exact';
  if (isDayMonthSwap(a, b)) return 'day-month-swapped';
  if (!placeholder && singleEdit(digitsA, digitsB)) return 'one-edit';
  if (a.month === b.month && a.day === b.day && Math.abs(a.year - b.year) === 1 && !placeholder) {
    return 'year-off-by-one';
  }
  if (a.year === b.year && knownPartsAgree(a, b)) return 'partial-compatible';
  if (a.year === b.year && placeholder) return 'placeholder-year';
  return 'different';
}

export function isDayMonthSwap(a: PartialDate, b: PartialDate): boolean {
  return (
    a.year === b.year &&
    a.day !== a.month &&
    a.day > 0 &&
    a.month > 0 &&
    a.day === b.month &&
    a.month === b.day
  );
}

function knownPartsAgree(a: PartialDate, b: PartialDate): boolean {
  const monthsAgree = a.month === 0 || b.month === 0 || a.month === b.month;
  const daysAgree = a.day === 0 || b.day === 0 || a.day === b.day;
  return monthsAgree && daysAgree;
}

/** Characters that OCR of a machine-readable zone confuses, mapped to one canonical digit. */
const OCR_CANONICAL: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/** Upper case, letters and digits only (filler `<`, spaces, hyphens removed). */
export function harmoniseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The document number with OCR-confusable characters mapped together (O/0, I/1, S/5, B/8, Z/2...). */
export function ocrCanonical(value: string): string {
  let out = '';
  for (const char of harmoniseDocumentNumber(value)) out += OCR_CANONICAL[char] ?? char;
  return out;
}

export type DocumentLevel = 'exact' | 'ocr-confusion' | 'one-edit' | 'sequential' | 'different';

/**
 * Two numbers of one series issued one after the other (same prefix, numeric parts one apart):
 * documents issued together, to twins or to members of one family. A typo rarely produces this
 * (the last digit, off by exactly one), so it is a level of its own and not an agreement.
 */
export function isSequentialDocument(a: string, b: string): boolean {
  const x = /^(.*?)(\d+)$/.exec(harmoniseDocumentNumber(a));
  const y = /^(.*?)(\d+)$/.exec(harmoniseDocumentNumber(b));
  if (!x || !y || x[1] !== y[1] || x[2]!.length !== y[2]!.length) return false;
  return Math.abs(Number(x[2]) - Number(y[2])) === 1;
}

const MIN_DOCUMENT_LENGTH_FOR_FUZZY = 6;

export function compareDocumentNumbers(a: string, b: string): DocumentLevel {
  const harmonisedA = harmoniseDocumentNumber(a);
  const harmonisedB = harmoniseDocumentNumber(b);
  if (harmonisedA.length === 0 || harmonisedB.length === 0) return 'different';
  if (harmonisedA === harmonisedB) return 'exact';
  const canonicalA = ocrCanonical(a);
  const canonicalB = ocrCanonical(b);
  if (canonicalA === canonicalB) return 'ocr-confusion';
  const longEnough = Math.min(canonicalA.length, canonicalB.length) >= MIN_DOCUMENT_LENGTH_FOR_FUZZY;
  if (longEnough && isSequentialDocument(a, b)) return 'sequential';
  if (longEnough && singleEdit(canonicalA, canonicalB)) return 'one-edit';
  return 'different';
}

/**
 * Whether two files hold the same travel document: the same issuing country and the same number,
 * exactly (`same`) or up to OCR confusions or one edit (`near`); undefined when none agrees.
 */
export function documentAgreement(
  mine: readonly { issuingCountry: string; number: string }[],
  theirs: readonly { issuingCountry: string; number: string }[],
): 'same' | 'near' | undefined {
  let outcome: 'same' | 'near' | undefined;
  for (const a of mine) {
    for (const b of theirs) {
      if (a.issuingCountry !== b.issuingCountry) continue;
      const level = compareDocumentNumbers(a.number, b.number);
      if (level === 'exact') return 'same';
      if (level !== 'different') outcome = 'near';
    }
  }
  return outcome;
}
