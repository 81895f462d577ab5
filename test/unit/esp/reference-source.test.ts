import { describe, expect, it } from 'vitest';
import {
  documentQueryKeys,
  identityQueryKeys,
  recordKeys,
} from '../../../functions/esp/domain/blocking-keys';
import { InjectedSourceFailure } from '../../../functions/esp/domain/fault-injection';
import { normalisingExactMatcher } from '../../../functions/esp/domain/identity-matcher';
import { parseEspQuery } from '../../../functions/esp/domain/query';
import { ReferenceSource } from '../../../functions/esp/domain/reference-source';
import { parseSourceRecord, type SearchableRecord } from '../../../functions/esp/domain/source-records';
import { ANA, ANA_PASSPORT, SEED, seededStore } from './fixtures';

const store = seededStore();
const source = (faults = {}, random = Math.random) =>
  new ReferenceSource({
    system: 'SIS',
    store,
    identityMatcher: normalisingExactMatcher,
    biometricSearch: store.biometricSearch,
    faults,
    random,
  });
const byDocument = parseEspQuery({ travelDocument: ANA_PASSPORT });
const live = () => new AbortController().signal;

describe('reference source', () => {
  it('returns the record without its biometric templates', async () => {
    const [hit] = await source().search(byDocument, live());
    expect(hit?.record.recordId).toBe('sis-1');
    expect(hit?.record).not.toHaveProperty('biometrics');
  });

  it('waits the injected latency plus jitter', async () => {
    const started = performance.now();
    await source({ latencyMs: 20, jitterMs: 20 }, () => 0.5).search(byDocument, live());
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('fails at the injected error rate', async () => {
    await expect(source({ errorRate: 1 }).search(byDocument, live())).rejects.toThrow(InjectedSourceFailure);
    await expect(source({ errorRate: 0 }).search(byDocument, live())).resolves.toHaveLength(1);
  });

  it('stops waiting when aborted during its latency', async () => {
    const controller = new AbortController();
    const answer = source({ latencyMs: 1_000 }).search(byDocument, controller.signal);
    controller.abort(new Error('budget spent'));
    await expect(answer).rejects.toThrow('budget spent');
  });

  it('a hanging source ignores the abort signal and never settles', async () => {
    const controller = new AbortController();
    const answer = source({ hang: true }).search(byDocument, controller.signal);
    controller.abort();
    const outcome = await Promise.race([
      answer.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 30)),
    ]);
    expect(outcome).toBe('pending');
  });

  it('seeds validate against the system record shapes', () => {
    expect(() => parseSourceRecord('SIS', { ...(SEED.SIS[0] as object), category: 'gossip' })).toThrow();
    expect(() =>
      parseSourceRecord('ECRIS_TCN', { ...(SEED.ECRIS_TCN[0] as object), convictions: [] }),
    ).toThrow();
  });
});

describe('blocking keys', () => {
  it("index a record under the MID's blocking keys, its surname word and every document", () => {
    const record = parseSourceRecord('SIS', SEED.SIS[0]) as SearchableRecord;
    const keys = recordKeys(record);
    expect(keys).toEqual(expect.arrayContaining(['sy|PPSK|1985', 'nn|AN|PPSK', 'sn|PPSK', 'dc|M01234567']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a transliteration variant of the name meets the record under a shared key', () => {
    const record = parseSourceRecord('SIS', SEED.SIS[0]) as SearchableRecord;
    const keys = identityQueryKeys({ identity: { surnames: ['POPESKU'], dateOfBirth: '1985-03-14' } });
    expect(keys.some((key) => recordKeys(record).includes(key))).toBe(true);
  });

  it('a surname alone is looked up by its surname word; with a first name or full date it is not', () => {
    expect(identityQueryKeys({ identity: { surnames: ['POPESCU'] } })).toContain('sn|PPSK');
    expect(identityQueryKeys({ identity: { surnames: ['POPESCU'], firstNames: ['ANA'] } })).not.toContain(
      'sn|PPSK',
    );
    expect(documentQueryKeys({ travelDocument: { number: 'md-1234567' } })).toEqual(['dc|M01234567']);
  });
});

describe('default identity matcher', () => {
  const record = parseSourceRecord('VIS', SEED.VIS[0]).identity;

  it('matches harmonised names, compatible partial dates', () => {
    expect(normalisingExactMatcher({ surnames: ['popescu'], dateOfBirth: '1985-00-00' }, record)).toEqual({
      match: true,
      score: 1,
    });
  });

  it('finds a surname among aliases and former names', () => {
    const aliased = { ...record, surnames: ['Other'], aliases: [{ surname: 'Popescu' }] };
    expect(normalisingExactMatcher({ surnames: ['Popescu'] }, aliased).match).toBe(true);
  });

  it('refuses when any given category differs', () => {
    const result = normalisingExactMatcher(
      { ...ANA, firstNames: [...ANA.firstNames], surnames: [...ANA.surnames], nationalities: ['UKR'] },
      record,
    );
    expect(result.match).toBe(false);
    expect(result.score).toBeCloseTo(5 / 6);
  });
});
