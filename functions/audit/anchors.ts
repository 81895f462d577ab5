import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type AnchorStore, anchorPayload, type HeadAnchor, type HeadSigner } from './domain/anchor';

/** Signs with an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY): the function may only call kms:Sign. */
export class KmsHeadSigner implements HeadSigner {
  constructor(
    private readonly client: KMSClient,
    readonly keyId: string,
  ) {}

  async sign(payload: Buffer): Promise<Buffer> {
    // The digest, not the payload, goes to KMS: a payload of many chains can exceed its 4 KB message limit.
    const result = await this.client.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: createHash('sha256').update(payload).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (!result.Signature) throw new Error('KMS returned no signature');
    return Buffer.from(result.Signature);
  }
}

/** Signs with a P-256 private key in a PEM file (the local platform's, under `.local/keys/`). */
export class PemHeadSigner implements HeadSigner {
  private readonly key: KeyObject;
  readonly keyId: string;

  constructor(pem: string) {
    this.key = createPrivateKey(pem);
    this.keyId = `local:${publicKeyFingerprint(createPublicKey(this.key))}`;
  }

  async sign(payload: Buffer): Promise<Buffer> {
    return sign('sha256', payload, { key: this.key, dsaEncoding: 'der' });
  }
}

export async function signAnchor(
  signer: HeadSigner,
  anchor: Omit<HeadAnchor, 'signature' | 'keyId'>,
): Promise<HeadAnchor> {
  const unsigned = { ...anchor, keyId: signer.keyId };
  return { ...unsigned, signature: (await signer.sign(anchorPayload(unsigned))).toString('base64') };
}

/** Whether `anchor` was signed by the holder of `publicKey` (ECDSA P-256 over SHA-256 of its payload). */
export function anchorSignatureValid(anchor: HeadAnchor, publicKey: KeyObject): boolean {
  try {
    return verify('sha256', anchorPayload(anchor), publicKey, Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public key of a KMS signing key (for the verifier: kms:GetPublicKey, not kms:Sign). */
export async function kmsPublicKey(client: KMSClient, keyId: string): Promise<KeyObject> {
  const result = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!result.PublicKey) throw new Error(`no public key for ${keyId}`);
  return createPublicKey({ key: Buffer.from(result.PublicKey), format: 'der', type: 'spki' });
}

export function publicKeyFingerprint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

const anchorName = (anchor: HeadAnchor) =>
  `${anchor.days.at(-1)}/${anchor.signedAt.replaceAll(':', '-')}.json`;

/**
 * Anchors in an S3 bucket with Object Lock in compliance mode (the bucket's default retention): once
 * written, no one, the account's root included, can overwrite or delete an anchor before it expires.
 */
export class S3AnchorStore implements AnchorStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = 'audit-anchors/',
  ) {}

  async put(anchor: HeadAnchor): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: `${this.prefix}${anchorName(anchor)}`,
        Body: JSON.stringify(anchor),
        ContentType: 'application/json',
        // Object Lock refuses a put without an integrity checksum.
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }

  async list() {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        names.push(object.Key!.slice(this.prefix.length));
      }
      token = page.NextContinuationToken;
    } while (token);
    return Promise.all(
      names.map(async (name) => {
        const object = await this.client.send(
          new GetObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}${name}` }),
        );
        return { name, anchor: JSON.parse(await object.Body!.transformToString()) as HeadAnchor };
      }),
    );
  }
}

/** Anchors as files under a directory (the local platform's `.local/audit-anchors/`), written once. */
export class DirectoryAnchorStore implements AnchorStore {
  constructor(private readonly dir: string) {}

  async put(anchor: HeadAnchor): Promise<void> {
    const name = anchorName(anchor);
    mkdirSync(join(this.dir, name.slice(0, 10)), { recursive: true });
    // `wx`: an existing anchor is never replaced.
    writeFileSync(join(this.dir, name), JSON.stringify(anchor), { flag: 'wx', mode: 0o444 });
  }

  async list() {
    let dayDirs: string[];
    try {
      dayDirs = readdirSync(this.dir);
    } catch {
      return [];
    }
    return dayDirs
      .flatMap((day) => readdirSync(join(this.dir, day)).map((file) => `${day}/${file}`))
      .map((name) => ({
        name,
        anchor: JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as HeadAnchor,
      }));
  }
}
