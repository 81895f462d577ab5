import { doubleMetaphone } from 'double-metaphone';

/**
 * Name normalisation for the identity-data matcher and the ESP's fuzzy search. Every function is
 * pure and total: any string (including garbage) yields a value, never an exception.
 *
 * Three levels, from strict to lossy:
 * - `harmoniseName`: format harmonisation only (case, spacing, diacritics, script) — equal
 *   harmonised values are the *same* name in the sense of Delegated Regulation 2023/333.
 * - `compactName` / `nameTokens`: punctuation (hyphens, commas, apostrophes) and particles removed.
 * - `variantKey` / `phoneticKey`: collapse known transliteration variants (ICAO 9303 umlauts,
 *   Cyrillic and Arabic romanisation habits); used for the `transliteration` rule and blocking.
 */

/** Letters that Unicode decomposition does not reduce to A-Z (ICAO 9303 Part 3 transliteration). */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'SS',
  ẞ: 'SS',
  Ø: 'OE',
  Æ: 'AE',
  Œ: 'OE',
  Ł: 'L',
  Đ: 'D',
  Ð: 'D',
  Þ: 'TH',
  Ħ: 'H',
  Ŧ: 'T',
  Ŋ: 'N',
  ſ: 'S',
};

/** ICAO 9303 (7th ed.) Cyrillic transliteration, Russian, Ukrainian, Belarusian, Serbian and Macedonian letters. */
const CYRILLIC: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Ґ: 'G',
  Д: 'D',
  Ђ: 'D',
  Ѓ: 'G',
  Е: 'E',
  Ё: 'E',
  Є: 'IE',
  Ж: 'ZH',
  З: 'Z',
  Ѕ: 'DZ',
  И: 'I',
  І: 'I',
  Ї: 'I',
  Й: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  Љ: 'LJ',
  М: 'M',
  Н: 'N',
  Њ: 'NJ',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'C',
  Ќ: 'K',
  У: 'U',
  Ў: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Џ: 'DZ',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: 'IE',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
};

/** Greek (ICAO 9303 / ELOT 743 simplified). */
const GREEK: Record<string, string> = {
  Α: 'A',
  Β: 'V',
  Γ: 'G',
  Δ: 'D',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'I',
  Θ: 'TH',
  Ι: 'I',
  Κ: 'K',
  Λ: 'L',
  Μ: 'M',
  Ν: 'N',
  Ξ: 'X',
  Ο: 'O',
  Π: 'P',
  Ρ: 'R',
  Σ: 'S',
  Τ: 'T',
  Υ: 'Y',
  Φ: 'F',
  Χ: 'CH',
  Ψ: 'PS',
  Ω: 'O',
};

/**
 * Arabic consonants (ICAO 9303 Part 3 table, ayn and hamza dropped). Short vowels are not written
 * in Arabic script, so a name in Arabic script meets its Latin form only through the consonant key.
 */
const ARABIC: Record<string, string> = {
  ا: 'A',
  أ: 'A',
  إ: 'I',
  آ: 'A',
  ب: 'B',
  ت: 'T',
  ث: 'TH',
  ج: 'J',
  ح: 'H',
  خ: 'KH',
  د: 'D',
  ذ: 'DH',
  ر: 'R',
  ز: 'Z',
  س: 'S',
  ش: 'SH',
  ص: 'S',
  ض: 'D',
  ط: 'T',
  ظ: 'Z',
  ع: '',
  غ: 'GH',
  ف: 'F',
  ق: 'Q',
  ك: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ه: 'H',
  ة: 'A',
  و: 'W',
  ي: 'Y',
  ى: 'A',
  ء: '',
  ئ: 'I',
  ؤ: 'U',
  پ: 'P',
  چ: 'CH',
  ژ: 'ZH',
  گ: 'G',
  ک: 'K',
  ی: 'Y',
};

const SCRIPT_TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...ARABIC };

/** Name particles and prefixes that transliteration and registration habits add or drop. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'AL',
  'EL',
  'UL',
  'AD',
  'AR',
  'AS',
  'AZ',
  'AN',
  'AT',
  'ABU',
  'ABOU',
  'BEN',
  'BIN',
  'BINT',
  'IBN',
  'OULD',
  'DA',
  'DAS',
  'DE',
  'DEL',
  'DELA',
  'DELLA',
  'DEN',
  'DER',
  'DI',
  'DO',
  'DOS',
  'DU',
  'LA',
  'LE',
  'VAN',
  'VON',
  'TER',
  'Y',
]);

/** Prefixes sometimes glued to the name (`ALHASSAN`, `ELSAYED`); stripped only before a long remainder. */
const GLUED_PREFIXES = ['ABU', 'AL', 'EL'] as const;
const MIN_REMAINDER_AFTER_GLUED_PREFIX = 4;

function transliterateChar(char: string): string {
  const upper = char.toUpperCase();
  return (
    SPECIAL_LETTERS[upper] ?? SPECIAL_LETTERS[char] ?? SCRIPT_TABLE[upper] ?? SCRIPT_TABLE[char] ?? upper
  );
}

/**
 * Format harmonisation: upper case, Latin script (ICAO 9303 tables for Cyrillic, Greek, Arabic),
 * diacritics removed (NFD), whitespace collapsed. Keeps hyphens, commas and apostrophes (their
 * differences are a *similar* case of their own). Anything else that is not a letter or digit
 * becomes a space.
 */
export function harmoniseName(value: string): string {
  let out = '';
  const unmarked = value.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/ΟΥ/g, 'OU');
  for (const char of unmarked) out += transliterateChar(char);
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐-―]/g, '-')
    .replace(/[^A-Z0-9',-]+/g, ' ')
    .replace(/\s*([',-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a name, split at spaces, hyphens and commas; apostrophes join (`O'BRIEN` -> `OBRIEN`). */
export function nameWords(value: string): string[] {
  return harmoniseName(value)
    .replace(/'/g, '')
    .split(/[\s,-]+/)
    .filter((word) => word.length > 0);
}

/** Words without particles (`AL`, `VAN`, `DE`...), unless the name is nothing but particles. */
export function nameTokens(value: string): string[] {
  const words = nameWords(value);
  const kept = words.filter((word) => !NAME_PARTICLES.has(word));
  const tokens = kept.length > 0 ? kept : words;
  return tokens.map(stripGluedPrefix);
}

function stripGluedPrefix(word: string): string {
  for (const prefix of GLUED_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_REMAINDER_AFTER_GLUED_PREFIX) {
      const rest = word.slice(prefix.length);
      // Only before a consonant: keeps ALEXANDER and ELENA whole, strips ALHASSAN and ELSAYED.
      if (!/^[AEIOUY]/.test(rest) && isArabicArticleContext(prefix, rest)) return rest;
    }
  }
  return word;
}

function isArabicArticleContext(prefix: string, rest: string): boolean {
  // Latin names beginning with AL/EL + consonant (ALBERT, ELVIRA, ALFRED) are kept.
  if (prefix === 'ABU') return true;
  return /^(SH|KH|GH|TH|DH|H|S|Z|M|N|Q|J|B|T|D|R|F)/.test(rest) && !/^(BERT|FRED|VIRA)/.test(rest);
}

/** Letters and digits only, particles removed: the name written as one word. */
export function compactName(value: string): string {
  return nameTokens(value).join('');
}

/** Harmonised name with hyphens, commas and apostrophes removed: tells punctuation-only differences apart. */
export function unpunctuatedName(value: string): string {
  return nameWords(value).join(' ');
}

const VARIANT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/TSCH|SHCH|SCH|TCH|CH|SH|ZH|DZH|DJ/g, 'S'],
  [/KH|GH/g, 'H'],
  [/PH/g, 'F'],
  [/TH|DH/g, 'T'],
  [/TZ|TS|C(?=[EIY])/g, 'S'],
  [/CK|C|Q/g, 'K'],
  [/X/g, 'KS'],
  [/W/g, 'V'],
  [/[YJ]/g, 'I'],
  [/OU|OO|UE|OE|O/g, 'U'],
  [/AE|AA|EE|EA|E/g, 'A'],
  [/IE|II/g, 'I'],
  [/([AIU])H$/g, '$1'],
  [/(.)\1+/g, '$1'],
];

/**
 * A key shared by the usual romanisations of one name: ICAO umlauts (UE/U, OE/O, AE/A), Cyrillic
 * habits (Y/J/I, KH/H, SH/CH/SCH/ZH, TS/C, OU/U, W/V), Arabic vowel habits (O/U, E/A, so
 * MOHAMMED, MUHAMMAD and MOHAMAD meet), doubled letters. Lossy on purpose: never a `same` name.
 */
export function variantKey(value: string): string {
  return variantOfCompact(compactName(value));
}

export function variantOfCompact(compact: string): string {
  let key = compact.replace(/[^A-Z]/g, '');
  for (const [pattern, replacement] of VARIANT_RULES) key = key.replace(pattern, replacement);
  return key;
}

/** Double Metaphone of the variant key (primary code, at most 6 letters); '' for a name without letters. */
export function phoneticKey(value: string): string {
  return phoneticOfCompact(compactName(value));
}

export function phoneticOfCompact(compact: string): string {
  const letters = compact.replace(/[^A-Z]/g, '');
  if (letters.length === 0) return '';
  const [primary] = doubleMetaphone(variantOfCompact(letters));
  return primary.slice(0, 6);
}

/** Place names: harmonised, compact, with the known renamings applied by the caller. */
export function harmonisePlace(value: string): string {
  return unpunctuatedName(value);
}
