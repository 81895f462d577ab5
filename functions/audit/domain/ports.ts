import type { AuditQuery, DayRange } from '../../shared/schemas/audit';
import type { AnchoredFacts } from './anchor';
import type { ChainProblem } from './chain';
import type { AuditEntryInput, ChainedAuditEntry } from './entry';

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<void>;
}

export interface AuditReader {
  /** Entries matching `query`, newest first; with `remit.memberState`, only that Member State's authorities'. */
  list(
    query: AuditQuery,
    remit?: { memberState?: string },
  ): Promise<{ entries: ChainedAuditEntry[]; cursor?: string }>;
  /** Every chain of the days in `days` (all days when absent) against its head and the anchored heads. */
  verifyAll(
    onProgress?: (chainsDone: number) => void,
    days?: DayRange,
    anchored?: AnchoredFacts,
  ): Promise<{ chains: number; entries: number; problems: ChainProblem[] }>;
}
