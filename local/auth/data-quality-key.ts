import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An HMAC key of the local platform: generated once under `.local/keys/<name>` and kept with the data
 * it keys (a new key would orphan the stored items), or in memory without a key directory.
 */
function localHmacKey(name: string, keyDir?: string): string {
  const file = keyDir ? join(keyDir, name) : undefined;
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  if (file && keyDir) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(file, key, { mode: 0o600 });
  }
  return key;
}

/** The HMAC key of the data-quality document items (DATA_QUALITY_KEY). */
export const localDataQualityKey = (keyDir?: string) => localHmacKey('data-quality-key', keyDir);

/** The HMAC key of link ids (LINK_ID_KEY): the ids of stored links derive from it. */
export const localLinkIdKey = (keyDir?: string) => localHmacKey('link-id-key', keyDir);
