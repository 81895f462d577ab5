import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HMAC key of the data-quality document items (DATA_QUALITY_KEY): generated once under
 * `.local/keys/` and kept with the data it keys (a new key would orphan the stored items), or in
 * memory without a key directory.
 */
export function localDataQualityKey(keyDir?: string): string {
  const file = keyDir ? join(keyDir, 'data-quality-key') : undefined;
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  if (file && keyDir) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(file, key, { mode: 0o600 });
  }
  return key;
}
