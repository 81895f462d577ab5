import type { AuditQuery } from '../../shared/schemas/audit';
import type { ChainProblem } from './chain';
import type { AuditEntryInput, ChainedAuditEntry } from './entry';

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<void>;
}

export interface AuditReader {
  list(query: AuditQuery): Promise<{ entries: ChainedAuditEntry[]; cursor?: string }>;
  verifyAll(
    onProgress?: (chainsDone: number) => void,
  ): Promise<{ chains: number; entries: number; problems: ChainProblem[] }>;
}
