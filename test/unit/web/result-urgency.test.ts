import { describe, expect, it } from 'vitest';
import type { EspReply } from '../../../web/app/api/types';
import { byUrgency, urgencyOf } from '../../../web/app/screens/result-urgency';

type Result = EspReply['results'][number];

const noHit = (source: string): Result => ({ source, status: 'no_hit', elapsedMs: 5 });
const hit = (source: string, record: Record<string, unknown> = {}): Result => ({
  source,
  status: 'hit',
  elapsedMs: 5,
  hits: [{ matchedOn: ['surname'], score: 1, record }],
});
const sisAlert = (category: string) => hit('SIS', { category, actionToTake: `do ${category}` });

describe('search results by urgency', () => {
  it('puts an SIS arrest or refuse-entry hit first, ahead of hits that came earlier', () => {
    const ordered = byUrgency([
      noHit('EES'),
      hit('VIS'),
      { source: 'EUROPOL', status: 'unavailable', elapsedMs: 300 },
      sisAlert('refusal-of-entry'),
      noHit('ETIAS'),
    ]);
    expect(ordered.map((r) => r.source)).toEqual(['SIS', 'VIS', 'EUROPOL', 'EES', 'ETIAS']);
    expect(urgencyOf(ordered[0]!)).toBe('act-now');
  });

  it('ranks an arrest before a refusal of entry', () => {
    const arrest = { ...sisAlert('arrest'), source: 'SIS' };
    const refusal = sisAlert('refusal-of-entry');
    expect(byUrgency([refusal, arrest])[0]).toBe(arrest);
  });

  it('keeps other SIS alerts with the ordinary hits', () => {
    expect(urgencyOf(sisAlert('discreet-check'))).toBe('hit');
    expect(urgencyOf(hit('VIS', { category: 'arrest' }))).toBe('hit');
  });

  it('puts systems that did not answer before the ones that answered with no hit', () => {
    const ordered = byUrgency([noHit('EES'), { source: 'VIS', status: 'timed_out', elapsedMs: 300 }]);
    expect(ordered.map((r) => urgencyOf(r))).toEqual(['not-answered', 'no-hit']);
  });
});
