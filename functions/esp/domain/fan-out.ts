import type { EspQuery } from './query';
import type { SearchSource, SourceHit } from './search-source';

export type SourceStatus = 'hit' | 'no_hit' | 'unavailable' | 'timed_out';

export interface SourceOutcome {
  status: SourceStatus;
  hits: readonly SourceHit[];
  elapsedMs: number;
}

export class SourceTimeout extends Error {
  constructor(budgetMs: number) {
    super(`no answer within ${budgetMs} ms`);
  }
}

/**
 * Queries one source within its budget. Never rejects: an error, a malformed answer or a missing
 * adapter is `unavailable`; no answer by the budget is `timed_out` (the signal is aborted so a
 * cooperative source can stop, but the outcome does not wait for it).
 */
export function querySource(
  source: SearchSource | undefined,
  query: EspQuery,
  budgetMs: number,
  now: () => number,
): Promise<SourceOutcome> {
  const started = now();
  if (!source) return Promise.resolve({ status: 'unavailable', hits: [], elapsedMs: 0 });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: SourceStatus, hits: readonly SourceHit[] = []) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, hits, elapsedMs: now() - started });
    };
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new SourceTimeout(budgetMs));
      finish('timed_out');
    }, budgetMs);
    let answer: Promise<unknown>;
    try {
      answer = Promise.resolve(source.search(query, controller.signal));
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (hits) =>
        Array.isArray(hits) ? finish(hits.length > 0 ? 'hit' : 'no_hit', hits) : finish('unavailable'),
      () => finish('unavailable'),
    );
  });
}
