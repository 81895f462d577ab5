import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../../functions/audit/domain/entry';
import type { Link } from '../../../functions/mid/domain/links';
import { isAnonymousCounter, yellowBucket } from '../../../functions/statistics/domain/counters';
import { countersFromAuditEntry, countersFromLinkWrites } from '../../../functions/statistics/domain/events';
import { reportRows, toCsv } from '../../../functions/statistics/domain/report';

const entry = (overrides: Partial<AuditEntryInput>): AuditEntryInput => ({
  requestId: 'req-1',
  timestamp: '2026-03-02T10:00:00.000Z',
  userId: 'user-7',
  authority: 'DE-BPOL',
  memberState: 'DE',
  roles: ['border-guard'],
  action: 'espSearch',
  systems: [],
  records: [],
  resultType: 'success',
  httpStatus: 200,
  ...overrides,
});

const dims = (counters: ReturnType<typeof countersFromAuditEntry>) =>
  counters.map((c) => `${c.metric}:${Object.values(c.dimensions).join('/')}`);

describe('counters derived from audit entries', () => {
  it('an ESP search counts per profile and a hit per system that returned something', () => {
    const unknownProfile = countersFromAuditEntry(entry({ profile: 'user-7', details: {} }));
    expect(dims(unknownProfile)).toEqual(['espSearches:other/success']);
    const counters = countersFromAuditEntry(
      entry({
        profile: 'border-guard',
        details: { 'CIR.resultCount': 2, 'SIS.resultCount': 0, 'VIS.resultCount': 1, queryType: 'identity' },
      }),
    );
    expect(dims(counters)).toEqual(['espSearches:border-guard/success', 'hits:CIR/esp', 'hits:VIS/esp']);
    expect(counters.every((c) => c.day === '2026-03-02' && c.memberState === 'DE')).toBe(true);
  });

  it('identity checks are split by biometrics and outcome', () => {
    const withBio = entry({
      action: 'identityCheck',
      systems: ['EES'],
      details: { biometricsGiven: true, hit: true },
    });
    const without = entry({ action: 'identityCheck', details: { biometricsGiven: false, hit: false } });
    expect(dims(countersFromAuditEntry(withBio))).toEqual([
      'identityChecks:with/hit',
      'hits:EES/identityCheck',
    ]);
    expect(dims(countersFromAuditEntry(without))).toEqual(['identityChecks:without/noHit']);
  });

  it('consultations and access requests count by outcome; refused requests count nothing', () => {
    expect(
      dims(countersFromAuditEntry(entry({ action: 'createConsultation', details: { flagged: 'EES,VIS' } }))),
    ).toEqual(['consultations:flagged', 'hits:EES/consultation', 'hits:VIS/consultation']);
    expect(
      dims(countersFromAuditEntry(entry({ action: 'createConsultation', details: { flagged: 'none' } }))),
    ).toEqual(['consultations:noFlag']);
    expect(
      dims(countersFromAuditEntry(entry({ action: 'createAccessRequest', details: { urgent: true } }))),
    ).toEqual(['accessRequests:submittedUrgent']);
    expect(
      dims(countersFromAuditEntry(entry({ action: 'decideAccessRequest', details: { decision: 'refuse' } }))),
    ).toEqual(['accessRequests:refused']);
    expect(
      countersFromAuditEntry(entry({ action: 'decideAccessRequest', resultType: 'denied', httpStatus: 403 })),
    ).toEqual([]);
  });

  it('whatever the audit entry holds, only anonymous counters come out (property)', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom('MÜLLER', '1990-04-12', 'rec-0001234', 'P1234567', 'user-7', 'x'.repeat(100)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('espSearch', 'identityCheck', 'createConsultation', 'createAccessRequest'),
        hostile,
        hostile,
        fc.dictionary(hostile, fc.oneof(hostile, fc.integer(), fc.boolean()), { maxKeys: 5 }),
        (action, profile, system, details) => {
          const counters = countersFromAuditEntry(
            entry({ action, profile, systems: [system], details: { ...details, flagged: system } }),
          );
          for (const counter of counters) {
            expect(isAnonymousCounter(counter)).toBe(true);
            for (const value of Object.values(counter.dimensions)) {
              expect(value).not.toMatch(/\d{4}|MÜLLER|user-7|rec-/);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

const ees = { system: 'EES' as const, recordId: 'rec-ees-1' };
const vis = { system: 'VIS' as const, recordId: 'rec-vis-1' };
function link(history: Link['history'], updatedAt: string): Link {
  const last = history[history.length - 1]!;
  return {
    linkId: 'lnk-1',
    records: [ees, vis],
    colour: last.toColour,
    classifiedBy: 'mid',
    responsibleAuthority: 'EES:DE',
    createdAt: history[0]!.at,
    updatedAt,
    version: history.length,
    evidence: {} as Link['evidence'],
    history,
  };
}
const h = (at: string, fromColour: Link['colour'] | null, toColour: Link['colour']) => ({
  at,
  by: { kind: 'mid' as const },
  event: 'created' as const,
  fromColour,
  toColour,
  responsibleAuthority: 'EES:DE',
});

describe('counters derived from link writes', () => {
  it('a new yellow link counts as created by colour and system pair', () => {
    const created = link([h('2026-03-01T08:00:00Z', null, 'yellow')], '2026-03-01T08:00:00Z');
    expect(countersFromLinkWrites([{ kind: 'put', link: created, expectedVersion: 0 }])).toEqual([
      {
        metric: 'linksCreated',
        day: '2026-03-01',
        memberState: 'DE',
        dimensions: { colour: 'yellow', systems: 'EES-VIS' },
        increment: 1,
      },
    ]);
  });

  it('resolving a yellow link counts the change and how long it stayed yellow; older changes are not recounted', () => {
    const resolved = link(
      [h('2026-03-01T08:00:00Z', null, 'yellow'), h('2026-03-03T09:00:00Z', 'yellow', 'red')],
      '2026-03-03T09:00:00Z',
    );
    const counters = countersFromLinkWrites([{ kind: 'put', link: resolved, expectedVersion: 1 }]);
    expect(counters.map((c) => [c.metric, c.dimensions])).toEqual([
      ['linksChanged', { from: 'yellow', to: 'red', systems: 'EES-VIS' }],
      ['yellowDuration', { bucket: '1d-7d', resolvedAs: 'red' }],
    ]);
  });

  it('deletions and unchanged colours count nothing', () => {
    const same = link(
      [h('2026-03-01T08:00:00Z', null, 'white'), h('2026-03-02T08:00:00Z', 'white', 'white')],
      '2026-03-02T08:00:00Z',
    );
    expect(
      countersFromLinkWrites([
        { kind: 'put', link: same, expectedVersion: 1 },
        { kind: 'delete', linkId: 'lnk-2', expectedVersion: 3 },
      ]),
    ).toEqual([]);
  });

  it('buckets of the yellow-duration histogram', () => {
    expect(
      [0, 59 * 60e3, 3_600_000, 86_400_000 * 2, 86_400_000 * 8, 86_400_000 * 31].map(yellowBucket),
    ).toEqual(['lt1h', 'lt1h', '1h-1d', '1d-7d', '7d-30d', 'ge30d']);
  });
});

describe('report', () => {
  const stored = [
    {
      metric: 'espSearches' as const,
      day: '2026-03-01',
      memberState: 'DE',
      dimensions: { profile: 'p', result: 'success' },
      count: 4,
    },
    {
      metric: 'espSearches' as const,
      day: '2026-03-01',
      memberState: 'FR',
      dimensions: { profile: 'p', result: 'success' },
      count: 5,
    },
  ];

  it('suppresses counts below 5 in JSON rows and CSV', () => {
    const rows = reportRows(stored);
    expect(rows.map((row) => [row.memberState, row.count, row.suppressed])).toEqual([
      ['DE', null, true],
      ['FR', 5, false],
    ]);
    const csv = toCsv(rows).trim().split('\n');
    expect(csv[0]).toMatch(/^metric,day,memberState,profile,result,/);
    expect(csv[1]).toMatch(/^espSearches,2026-03-01,DE,p,success,.*,<5$/);
    expect(csv[2]).toMatch(/,5$/);
  });
});
