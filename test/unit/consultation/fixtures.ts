import {
  type AccessRequest,
  type ConsultationTimeouts,
  newAccessRequest,
  transitions,
} from '../../../functions/consultation/domain/access-request';
import {
  type Consultation,
  type Official,
  openConsultation,
} from '../../../functions/consultation/domain/consultation';
import type { RecordRef } from '../../../functions/mid/domain/types';

export const T0 = new Date('2026-03-02T10:00:00Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export const sofia: Official = { userId: 'ct-sofia', authority: 'IT-DCSA', memberState: 'IT' };
export const paolo = {
  userId: 'cap-paolo',
  authority: 'IT-CAP',
  memberState: 'IT',
  roles: ['verifying-authority'],
};
export const timeouts: ConsultationTimeouts = {
  decisionSeconds: 60,
  grantValiditySeconds: 300,
  urgentVerificationSeconds: 120,
};

export const HITS: RecordRef[] = [
  { system: 'VIS', recordId: 'vis-1' },
  { system: 'EES', recordId: 'ees-7' },
  { system: 'SIS', recordId: 'sis-3' },
];

export function consultation(hits: RecordRef[] = HITS): Consultation {
  return openConsultation({
    id: 'c-1',
    input: {
      caseReference: 'IT/DCSA/2026/001',
      offence: 'terrorism:financing',
      justification: 'Financing of a terrorist group, case file 001',
    },
    requester: sofia,
    searchedBy: ['identity-data'],
    hits,
    now: T0,
  });
}

export function submitted(urgent = false, system: 'VIS' | 'EES' = 'VIS'): AccessRequest {
  return newAccessRequest({
    id: `r-${system}-${urgent}`,
    consultation: consultation(),
    input: { system, justification: 'The VIS file is needed to trace the travel route', urgent },
    caller: sofia,
    now: T0,
  }).request;
}

/** A normal request as the workflow leaves it in the queue. */
export function pending(): AccessRequest {
  return transitions.enqueue(submitted(), timeouts, T0)!;
}

/** An urgent request granted at once and queued for verification. */
export function urgentQueued(): AccessRequest {
  const granted = transitions.grantUrgently(submitted(true), timeouts, T0)!;
  return transitions.enqueue(granted, timeouts, T0)!;
}
