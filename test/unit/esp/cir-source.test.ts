import { describe, expect, it } from 'vitest';
import { CirSource } from '../../../functions/esp/cir-source';
import { documentKey } from '../../../functions/esp/domain/blocking-keys';
import { normalisingExactMatcher } from '../../../functions/esp/domain/identity-matcher';
import { espSettings } from '../../../functions/esp/settings';
import type { IndividualFile } from '../../../functions/mid/domain/check';
import type { Link } from '../../../functions/mid/domain/links';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { loadConfig } from '../../../functions/shared/config';

const file = (
  system: RecordRef['system'],
  recordId: string,
  surname: string,
  number: string,
): IndividualFile => ({
  ref: { system, recordId },
  identity: {
    surnames: [surname],
    firstNames: ['ANA'],
    formerSurnames: [],
    formerFirstNames: [],
    aliases: [],
    nationalities: ['MDA'],
    dateOfBirth: '1985-03-14',
  },
  travelDocuments: [{ type: 'P', number, issuingCountry: 'MDA' }],
  hasBiometrics: false,
});

const FILES = [
  file('EES', 'e1', 'POPESCU', 'MD1234567'),
  file('VIS', 'v1', 'IONESCU', 'MD7654321'),
  file('ETIAS', 'a1', 'KRAUS', 'XA0000001'),
  file('EURODAC', 'u1', 'LANGE', 'XB0000002'),
];
const ref = (system: RecordRef['system'], recordId: string): RecordRef => ({ system, recordId });
const link = (colour: Link['colour'], a: RecordRef, b: RecordRef): Link =>
  ({ linkId: `l-${colour}-${a.recordId}-${b.recordId}`, colour, records: [a, b] }) as unknown as Link;
/** e1 -yellow- s1, e1 -red- v1, e1 -white- a1 -white- u1 */
const LINKS = [
  link('yellow', ref('EES', 'e1'), ref('SIS', 's1')),
  link('red', ref('EES', 'e1'), ref('VIS', 'v1')),
  link('white', ref('ETIAS', 'a1'), ref('EES', 'e1')),
  link('white', ref('ETIAS', 'a1'), ref('EURODAC', 'u1')),
];

function source(keysSeen: string[][] = []) {
  return new CirSource({
    files: {
      async candidates(keys) {
        keysSeen.push([...keys]);
        return FILES.filter((f) =>
          keys.some((key) => key === documentKey(f.travelDocuments[0]!.number) || key.includes('PPSK')),
        ).map((f) => f.ref);
      },
      async files(refs) {
        return FILES.filter((f) =>
          refs.some((r) => r.system === f.ref.system && r.recordId === f.ref.recordId),
        );
      },
    },
    links: {
      async listByRecord(of) {
        return LINKS.filter((l) =>
          l.records.some((r) => r.system === of.system && r.recordId === of.recordId),
        );
      },
    },
    identityMatcher: normalisingExactMatcher,
  });
}

describe('CIR source', () => {
  it('finds a file by identity through the blocking keys and by document, merged into one hit', async () => {
    const keys: string[][] = [];
    const hits = await source(keys).search(
      {
        identity: { surnames: ['Popescu'], firstNames: ['Ana'], dateOfBirth: '1985-03-14' },
        travelDocument: { number: 'md 1234567' },
      },
      new AbortController().signal,
    );
    expect(hits).toHaveLength(1);
    expect([...hits[0]!.matchedOn].sort()).toEqual(['identity', 'travelDocument']);
    expect(hits[0]!.record).toMatchObject({ recordId: 'e1', originSystem: 'EES' });
    expect(keys.flat()).toContain('dc|M01234567');
  });

  it('drops yellow links at the source and names the other file of each link', async () => {
    const [hit] = await source().search(
      { travelDocument: { number: 'MD1234567' } },
      new AbortController().signal,
    );
    expect(hit!.record.links).toEqual([
      { linkId: 'l-red-e1-v1', colour: 'red', linkedRecord: ref('VIS', 'v1') },
      { linkId: 'l-white-a1-e1', colour: 'white', linkedRecord: ref('ETIAS', 'a1') },
    ]);
  });

  it('brings the files white links join the hit to, transitively, with the joining links', async () => {
    const [hit] = await source().search(
      { travelDocument: { number: 'MD1234567', issuingCountry: 'MDA' } },
      new AbortController().signal,
    );
    const e1 = hit!.record.recordId === 'e1' ? hit! : undefined;
    expect(e1?.record.whiteGroup).toEqual({
      files: [
        expect.objectContaining({ recordId: 'a1', originSystem: 'ETIAS' }),
        expect.objectContaining({ recordId: 'u1', originSystem: 'EURODAC' }),
      ],
      links: [
        { records: [ref('ETIAS', 'a1'), ref('EES', 'e1')] },
        { records: [ref('ETIAS', 'a1'), ref('EURODAC', 'u1')] },
      ],
    });
  });

  it('a document of another issuing country is not a hit', async () => {
    const hits = await source().search(
      { travelDocument: { number: 'MD1234567', issuingCountry: 'ROU' } },
      new AbortController().signal,
    );
    expect(hits).toEqual([]);
  });
});

describe('ESP settings', () => {
  const env = { CIR_TABLE: 'c', LINKS_TABLE: 'l', AUDIT_TABLE: 'a', MID_CHECK_QUEUE_URL: 'q' };
  it('reads budgets and faults from the configuration', () => {
    const settings = espSettings(
      loadConfig({
        ...env,
        ESP_BUDGET_MS: '1500',
        ESP_SYSTEM_BUDGETS_MS: '{"EUROPOL":3000}',
        ESP_FAULTS: '{"SIS":{"errorRate":1}}',
      }),
    );
    expect(settings.budgets).toEqual({ defaultMs: 1500, perSystemMs: { EUROPOL: 3000 } });
    expect(settings.faults).toEqual({ SIS: { errorRate: 1 } });
    expect(espSettings(loadConfig(env)).budgets.defaultMs).toBe(2000);
  });

  it('fails fast on malformed or unknown entries, naming them', () => {
    expect(() => espSettings(loadConfig({ ...env, ESP_FAULTS: '{oops' }))).toThrow(
      /ESP_FAULTS: not valid JSON/,
    );
    expect(() => espSettings(loadConfig({ ...env, ESP_FAULTS: '{"NSA":{"hang":true}}' }))).toThrow(
      /ESP_FAULTS/,
    );
    expect(() => espSettings(loadConfig({ ...env, ESP_SYSTEM_BUDGETS_MS: '{"SIS":-1}' }))).toThrow(
      /ESP_SYSTEM_BUDGETS_MS\.SIS: /,
    );
  });
});
