import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File names of the local audit signing key pair under a key directory (`.local/keys/`). */
export const AUDIT_SIGNING_KEY_FILES = {
  privateKey: 'audit-signing-key.pem',
  publicKey: 'audit-signing-key.pub.pem',
} as const;

/**
 * The local stand-in for the KMS signing key of the audit anchors: a P-256 key pair generated once
 * under `keyDir`, like the token key. The private key is the signer's; `npm run audit:verify` reads
 * only the public one.
 */
export function localAuditSigningKey(keyDir: string): { privateKeyFile: string; publicKeyFile: string } {
  const privateKeyFile = join(keyDir, AUDIT_SIGNING_KEY_FILES.privateKey);
  const publicKeyFile = join(keyDir, AUDIT_SIGNING_KEY_FILES.publicKey);
  if (!existsSync(privateKeyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(privateKeyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }), { mode: 0o644 });
  }
  return { privateKeyFile, publicKeyFile };
}
