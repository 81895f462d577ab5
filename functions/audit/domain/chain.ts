import { createHash } from 'node:crypto';
import type { AuditEntryInput, ChainedAuditEntry } from './entry';

/**
 * Hash chain per partition: each entry's hash covers its content, its sequence number and the
 * previous entry's hash, so an altered entry breaks its own hash, a removed entry leaves a gap in
 * the sequence, and a removed tail no longer matches the chain head.
 */
export function genesisHash(chain: string): string {
  return sha256(`genesis:${chain}`);
}

export function chainEntry(
  input: AuditEntryInput,
  chain: string,
  seq: number,
  prevHash: string,
): ChainedAuditEntry {
  const entry = { ...input, chain, seq, prevHash };
  return { ...entry, hash: sha256(canonicalJson(entry)) };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainProblem {
  chain: string;
  seq: number;
  problem:
    | 'altered'
    | 'missing'
    | 'broken-link'
    | 'head-mismatch'
    /** The chain contradicts a signed head anchored outside the table (entries removed, or rewritten). */
    | 'anchor-mismatch'
    /** An anchored chain, within its retention, has no item in the chain registry. */
    | 'registry-missing'
    /** The registry item's expiry is before the chain's retention end (it would hide the chain early). */
    | 'registry-expiry-altered'
    /** An anchor whose signature does not verify with the signing key's public key (`chain`: its name). */
    | 'anchor-signature-invalid';
}

/** Checks entries of one chain, in sequence order, against its head. */
export function verifyChain(chain: string, entries: ChainedAuditEntry[], head: ChainHead): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = genesisHash(chain);
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) problems.push({ chain, seq: expectedSeq, problem: 'missing' });
    if (entry.prevHash !== prevHash) problems.push({ chain, seq: entry.seq, problem: 'broken-link' });
    const { hash, ...content } = entry;
    if (sha256(canonicalJson(content)) !== hash) problems.push({ chain, seq: entry.seq, problem: 'altered' });
    expectedSeq = entry.seq + 1;
    prevHash = hash;
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({ chain, seq: head.seq, problem: 'head-mismatch' });
  }
  return problems;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted at every level, so the hash does not depend on attribute order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
