import type { EspReply } from '../api/types';

type SourceResult = EspReply['results'][number];

/**
 * How soon the officer must act on a system's answer. An SIS alert whose action is to arrest or to
 * refuse entry is acted on while the person stands at the desk, so it comes first and apart; other
 * hits follow; then the systems that did not answer (the search is incomplete there); "no hit" last.
 */
export type Urgency = 'act-now' | 'hit' | 'not-answered' | 'no-hit';

const ACT_NOW_CATEGORIES = ['arrest', 'refusal-of-entry'];
const ORDER: Urgency[] = ['act-now', 'hit', 'not-answered', 'no-hit'];

/** The alert categories of a result's hits, as the profile shows them. */
function categories(result: SourceResult): string[] {
  return (result.hits ?? [])
    .map((hit) => hit.record.category)
    .filter((c): c is string => typeof c === 'string');
}

export function urgencyOf(result: SourceResult): Urgency {
  if (result.status === 'hit') {
    const found = categories(result);
    return result.source === 'SIS' && found.some((c) => ACT_NOW_CATEGORIES.includes(c)) ? 'act-now' : 'hit';
  }
  return result.status === 'no_hit' ? 'no-hit' : 'not-answered';
}

/** The results most urgent first; an arrest before a refusal of entry; otherwise in the order given. */
export function byUrgency(results: SourceResult[]): SourceResult[] {
  const rank = (result: SourceResult) => {
    const urgency = ORDER.indexOf(urgencyOf(result));
    return urgency === 0 && !categories(result).includes('arrest') ? 0.5 : urgency;
  };
  return results
    .map((result, index) => ({ result, index, rank: rank(result) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ result }) => result);
}
