/**
 * Format harmonisation for the default matcher and the blocking keys: upper case, no diacritics,
 * letters and digits only. The MID's normaliser (transliteration etc.) is richer; see
 * mid-identity-matcher.ts.
 */
export function normaliseText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Document numbers: MRZ filler `<`, spaces and hyphens are not part of the number. */
export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
