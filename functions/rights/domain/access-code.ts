import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford base32 (no I, L, O, U): easy to read out and type from a letter. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  return [...bytes].map((byte) => ALPHABET[byte % 32]).join('');
}

/** The public reference of a request: 80 random bits, so references cannot be enumerated. */
export const newReference = () => `DSR-${randomBase32(16)}`;

/** The secret that goes with a reference: 100 random bits, grouped for reading. */
export const newAccessCode = () => randomBase32(20).match(/.{5}/g)!.join('-');

/** Only the digest is stored; the code has enough entropy that a fast hash suffices. */
export const accessCodeDigest = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase().replace(/\s+/g, '')).digest('hex');

export function accessCodeMatches(code: string, digest: string): boolean {
  const given = Buffer.from(accessCodeDigest(code), 'hex');
  const stored = Buffer.from(digest, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
