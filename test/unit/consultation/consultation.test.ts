import { describe, expect, it } from 'vitest';
import {
  accessRefusal,
  assertMayDecide,
  decide,
  newAccessRequest,
  transitions,
} from '../../../functions/consultation/domain/access-request';
import {
  flagReply,
  flagsOf,
  openConsultation,
  outstandingFollowUps,
  recordNoAccessReason,
} from '../../../functions/consultation/domain/consultation';
import { OFFENCE_CATEGORIES, offenceLabel } from '../../../functions/consultation/domain/offences';
import { at, consultation, paolo, pending, sofia, submitted, T0, timeouts, urgentQueued } from './fixtures';

const status = (error: unknown) => error as { httpStatus: number; code: string };
function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return status(error);
  }
  throw new Error('expected an error');
}

describe('step 1: flags', () => {
  it('flags each consulted system hit or no-hit from the hits, ignoring systems outside Art 22', () => {
    expect(
      flagsOf([
        { system: 'VIS', recordId: 'a' },
        { system: 'SIS', recordId: 'b' },
      ]),
    ).toEqual({
      EES: 'no-hit',
      VIS: 'hit',
      ETIAS: 'no-hit',
      EURODAC: 'no-hit',
    });
  });

  it('replies with flags only: no record ids, no identity data, no scores', () => {
    const reply = flagReply(consultation());
    expect(Object.keys(reply).sort()).toEqual(['caseReference', 'flags', 'followUpRequired', 'id']);
    const text = JSON.stringify(reply);
    for (const leak of ['vis-1', 'ees-7', 'sis-3', 'SIS', 'score', 'recordId'])
      expect(text).not.toContain(leak);
    expect(reply.flags).toEqual({ EES: 'hit', VIS: 'hit', ETIAS: 'no-hit', EURODAC: 'no-hit' });
  });

  it('refuses a consultation without a case reference or justification', () => {
    const base = {
      offence: 'serious:rape' as const,
      caseReference: 'X-1',
      justification: 'reason enough for it',
    };
    const open = (input: typeof base) =>
      openConsultation({ id: 'c', input, requester: sofia, searchedBy: [], hits: [], now: T0 });
    expect(thrown(() => open({ ...base, caseReference: '  ' })).code).toBe('CASE_REFERENCE_REQUIRED');
    expect(thrown(() => open({ ...base, justification: '' })).code).toBe('JUSTIFICATION_REQUIRED');
  });

  it('lists the offence categories of Directive 2017/541 and the EAW list, each with a label', () => {
    expect(OFFENCE_CATEGORIES.filter((c) => c.startsWith('terrorism:'))).toHaveLength(10);
    // The EAW list names 32 offences; its 'terrorism' entry is the terrorism group above.
    expect(OFFENCE_CATEGORIES.filter((c) => c.startsWith('serious:'))).toHaveLength(31);
    for (const category of OFFENCE_CATEGORIES) expect(offenceLabel(category).length).toBeGreaterThan(3);
  });
});

describe('Art 22(4): after a hit, access is requested or the reason not to is recorded', () => {
  it('keeps each flagged system outstanding until one or the other', () => {
    let c = consultation();
    expect(outstandingFollowUps(c)).toEqual(['EES', 'VIS']);
    c = recordNoAccessReason(c, sofia, 'EES', 'entry record irrelevant to the case', T0);
    expect(outstandingFollowUps(c)).toEqual(['VIS']);
    c = newAccessRequest({
      id: 'r',
      consultation: c,
      input: { system: 'VIS', justification: 'j'.repeat(20), urgent: false },
      caller: sofia,
      now: T0,
    }).consultation;
    expect(outstandingFollowUps(c)).toEqual([]);
  });

  it('refuses a reason for a system without a hit, a second reason, and a reason by someone else', () => {
    const c = consultation();
    expect(
      thrown(() => recordNoAccessReason(c, sofia, 'ETIAS', 'not needed for the case', T0)).httpStatus,
    ).toBe(422);
    const once = recordNoAccessReason(c, sofia, 'EES', 'not needed for the case', T0);
    expect(thrown(() => recordNoAccessReason(once, sofia, 'EES', 'again', T0)).httpStatus).toBe(409);
    expect(
      thrown(() => recordNoAccessReason(c, { ...sofia, userId: 'ct-other' }, 'EES', 'x', T0)).httpStatus,
    ).toBe(403);
  });
});

describe('step 2: access requests', () => {
  const input = { system: 'VIS' as const, justification: 'needed for the travel route', urgent: false };

  it('is made by the consultation requester, for a flagged system only', () => {
    expect(
      thrown(() =>
        newAccessRequest({
          id: 'r',
          consultation: consultation(),
          input,
          caller: { ...sofia, userId: 'ct-mario' },
          now: T0,
        }),
      ).httpStatus,
    ).toBe(403);
    expect(
      thrown(() =>
        newAccessRequest({
          id: 'r',
          consultation: consultation(),
          input: { ...input, system: 'ETIAS' },
          caller: sofia,
          now: T0,
        }),
      ).code,
    ).toBe('NO_HIT');
  });

  it('refuses a second request while the first is open, allows one after a refusal', () => {
    const first = newAccessRequest({ id: 'r1', consultation: consultation(), input, caller: sofia, now: T0 });
    const again = (previous: typeof first.request) =>
      newAccessRequest({
        id: 'r2',
        consultation: first.consultation,
        input,
        caller: sofia,
        previous,
        now: T0,
      });
    expect(thrown(() => again(first.request)).code).toBe('REQUEST_OPEN');
    expect(again({ ...first.request, status: 'refused' }).request.id).toBe('r2');
  });

  describe('four eyes', () => {
    it('lets a verifying authority of the same Member State decide', () => {
      expect(() => assertMayDecide(pending(), paolo)).not.toThrow();
    });
    it('never the requester, even holding the verifying role', () => {
      expect(
        thrown(() =>
          assertMayDecide(pending(), { ...sofia, roles: ['verifying-authority', 'designated-authority'] }),
        ).code,
      ).toBe('FOUR_EYES');
    });
    it('never a verifying authority of another Member State', () => {
      expect(
        thrown(() =>
          assertMayDecide(pending(), {
            ...paolo,
            userId: 'cap-hans',
            authority: 'DE-CAP',
            memberState: 'DE',
          }),
        ).code,
      ).toBe('OTHER_MEMBER_STATE');
    });
    it('never another official of the requesting unit', () => {
      expect(thrown(() => assertMayDecide(pending(), { ...paolo, authority: 'IT-DCSA' })).code).toBe(
        'FOUR_EYES',
      );
    });
    it('never an official without the verifying role', () => {
      expect(
        thrown(() => assertMayDecide(pending(), { ...paolo, roles: ['designated-authority'] })).code,
      ).toBe('NOT_A_VERIFYING_AUTHORITY');
    });
  });

  it('takes one decision: a second one, or one before the request is queued, is a conflict', () => {
    const decided = decide(pending(), paolo, 'approve', 'justified', at(5));
    expect(decided.decision?.by.userId).toBe('cap-paolo');
    expect(thrown(() => decide(decided, paolo, 'refuse', 'changed my mind', at(6))).httpStatus).toBe(409);
    expect(thrown(() => decide(submitted(), paolo, 'approve', 'ok', at(1))).httpStatus).toBe(409);
    expect(
      thrown(() => decide(transitions.expire(pending())!, paolo, 'approve', 'late', at(61))).httpStatus,
    ).toBe(409);
  });

  it('grants the approved request for the configured time, to the requester only', () => {
    const granted = transitions.grant(decide(pending(), paolo, 'approve', 'ok', at(5)), timeouts, at(6))!;
    expect(granted.status).toBe('granted');
    expect(granted.grant).toEqual({ validFrom: at(6).toISOString(), validUntil: '2026-03-02T10:05:06Z' });
    expect(accessRefusal(granted, sofia, at(5))).toBe('the grant is not valid yet');
    expect(accessRefusal(granted, sofia, at(6))).toBeUndefined();
    expect(accessRefusal(granted, sofia, at(305))).toBeUndefined();
    expect(accessRefusal(granted, sofia, at(306))).toBe('the grant has expired');
    expect(accessRefusal(granted, { ...sofia, userId: 'ct-mario' }, at(10))).toBe(
      'only the requester may use a grant',
    );
    expect(transitions.grantExpired(granted)?.status).toBe('grant-expired');
  });

  it('records a refusal and an expiry without a grant', () => {
    const refused = transitions.refuse(decide(pending(), paolo, 'refuse', 'not proportionate', at(5)))!;
    expect(refused.status).toBe('refused');
    expect(accessRefusal(refused, sofia, at(6))).toMatch(/no grant/);
    const expired = transitions.expire(pending())!;
    expect(expired.status).toBe('expired');
    expect(accessRefusal(expired, sofia, at(6))).toMatch(/no grant/);
    // A grant step never applies to a refused or undecided request.
    expect(transitions.grant(pending(), timeouts, at(6))).toBeUndefined();
    expect(transitions.grant(refused, timeouts, at(6))).toBeUndefined();
  });

  describe('urgent requests', () => {
    it('are granted at once and queued for verification within the deadline', () => {
      const queued = urgentQueued();
      expect(queued.status).toBe('urgent-granted');
      expect(queued.decideBy).toBe('2026-03-02T10:02:00Z');
      expect(accessRefusal(queued, sofia, at(1))).toBeUndefined();
    });
    it('stay granted after a later approval', () => {
      const confirmed = transitions.confirmUrgent(
        decide(urgentQueued(), paolo, 'approve', 'was urgent', at(30)),
      )!;
      expect(confirmed.status).toBe('granted');
      expect(accessRefusal(confirmed, sofia, at(31))).toBeUndefined();
    });
    it('lose access on a later refusal at once, and are flagged for the supervisory authority', () => {
      const refusedDecision = decide(urgentQueued(), paolo, 'refuse', 'not urgent', at(30));
      expect(accessRefusal(refusedDecision, sofia, at(31))).toBe('the request was refused');
      const revoked = transitions.revokeUrgent(refusedDecision, at(31), false)!;
      expect(revoked.status).toBe('revoked');
      expect(revoked.grant?.revokedAt).toBe(at(31).toISOString());
      expect(revoked.supervisoryFlag?.reason).toBe('urgent-access-refused');
      expect(accessRefusal(revoked, sofia, at(32))).toBe('the grant was revoked');
    });
    it('are revoked and flagged when not verified in time', () => {
      const overdue = transitions.revokeUrgent(urgentQueued(), at(121), true)!;
      expect(overdue.supervisoryFlag?.reason).toBe('urgent-verification-overdue');
      expect(accessRefusal(overdue, sofia, at(122))).toBe('the grant was revoked');
    });
  });
});
