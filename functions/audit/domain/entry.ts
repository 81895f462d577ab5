import type { RecordRef } from '../../mid/domain/types';

/** One access-log entry (Arts 10, 16, 24, 36). References only: never names, dates or templates. */
export interface AuditEntryInput {
  requestId: string;
  timestamp: string;
  userId: string;
  authority: string;
  memberState: string;
  roles: string[];
  profile?: string;
  purpose?: string;
  caseReference?: string;
  action: string;
  systems: string[];
  records: RecordRef[];
  resultType: 'success' | 'not_found' | 'invalid' | 'denied' | 'conflict' | 'error';
  httpStatus: number;
  resultCount?: number;
  details?: Record<string, string | number | boolean>;
}

export interface ChainedAuditEntry extends AuditEntryInput {
  chain: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export function resultTypeFor(status: number): AuditEntryInput['resultType'] {
  if (status < 400) return 'success';
  if (status === 404) return 'not_found';
  if (status === 401 || status === 403) return 'denied';
  if (status === 409 || status === 422) return 'conflict';
  if (status < 500) return 'invalid';
  return 'error';
}
