import { canonicalJson } from './chain';

/** A chain's head as the signer read it: the entry with this sequence number had this hash. */
export interface AnchoredHead {
  chain: string;
  seq: number;
  hash: string;
}

/**
 * The signed heads of every chain of `days` at `signedAt`, stored outside the audit table (S3 with
 * Object Lock in AWS, a directory locally). `heads` lists every chain the registry held for those
 * days, so a registry item deleted later is missed against it.
 */
export interface HeadAnchor {
  version: 1;
  signedAt: string;
  days: string[];
  heads: AnchoredHead[];
  /** The signing key (KMS key ARN, or `local:<fingerprint>`). */
  keyId: string;
  /** ECDSA P-256 over SHA-256 of `anchorPayload`, DER, base64. */
  signature: string;
}

export type UnsignedAnchor = Omit<HeadAnchor, 'signature'>;

/** The bytes that are signed: the anchor without its signature, as canonical JSON. */
export function anchorPayload(anchor: UnsignedAnchor): Buffer {
  const { version, signedAt, days, heads, keyId } = anchor;
  return Buffer.from(canonicalJson({ version, signedAt, days, heads, keyId }));
}

/** ECDSA P-256 over SHA-256 of the payload (DER signature): KMS in AWS, a local key file locally. */
export interface HeadSigner {
  readonly keyId: string;
  sign(payload: Buffer): Promise<Buffer>;
}

/** Where anchors are kept: written once, never replaced or removed. */
export interface AnchorStore {
  put(anchor: HeadAnchor): Promise<void>;
  /** Every anchor, by name (`{day}/{signedAt}.json`). */
  list(): Promise<{ name: string; anchor: HeadAnchor }[]>;
}

/** Anchors whose signature verified, as the facts verification compares the table against. */
export interface AnchoredFacts {
  /** Every anchored head per chain (one per anchor that listed the chain). */
  heads: Map<string, AnchoredHead[]>;
}

export function anchoredFacts(anchors: HeadAnchor[]): AnchoredFacts {
  const heads = new Map<string, AnchoredHead[]>();
  for (const anchor of anchors) {
    for (const head of anchor.heads) {
      const list = heads.get(head.chain) ?? [];
      list.push(head);
      heads.set(head.chain, list);
    }
  }
  return { heads };
}

/**
 * The lowest anchored head the chain's entries contradict: an entry removed (the chain ends before
 * it, the head moved back) or altered with every later hash recomputed (its hash differs).
 */
export function contradictedAnchor(
  anchored: readonly AnchoredHead[],
  entryHashes: ReadonlyMap<number, string>,
): AnchoredHead | undefined {
  return [...anchored]
    .sort((a, b) => a.seq - b.seq)
    .find((head) => head.seq > 0 && entryHashes.get(head.seq) !== head.hash);
}
