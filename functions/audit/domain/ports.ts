import type { AuditQuery, DayRange } from '../../shared/schemas/audit';
import type { ChainProblem } from './chain';
import type { AuditEntryInput, ChainedAuditEntry } from './entry';

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<void>;
}

export interface AuditReader {
  list(query: AuditQuery): Promise<{ entries: ChainedAuditEntry[]; cursor?: string }>;
  /** Every chain of the days in `days` (all days when absent) against its head. */
  verifyAll(
    onProgress?: (chainsDone: number) => void,
    days?: DayRange,
  ): Promise<{ chains: number; entries: number; problems: ChainProblem[] }>;
}
