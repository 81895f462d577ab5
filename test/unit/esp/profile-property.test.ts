import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUERY_FIELDS } from '../../../functions/esp/domain/query';
import { createSearchPortal } from '../../../functions/esp/domain/search-portal';
import type { SearchSource, SourceHit } from '../../../functions/esp/domain/search-source';
import { RETURNABLE_FIELDS } from '../../../functions/esp/domain/source-records';
import { loadProfiles } from '../../../functions/esp/profiles/load-profiles';
import { ESP_SOURCES, type EspSource, ORIGIN_SYSTEMS } from '../../../functions/shared/systems';
import { ANA_FACE, profileViolations } from './fixtures';

// Lower-case values only, so that an upper-case system name in the serialised reply can only come
// from the portal itself (origin systems, links, source tags), which is what the property checks.
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-'), maxLength: 8 });
const scalar = fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(word, scalar, { maxKeys: 3 }),
);

const topLevelFields = (system: EspSource) => RETURNABLE_FIELDS[system].filter((f) => !f.includes('.'));
const identityFields = RETURNABLE_FIELDS.CIR.filter((f) => f.startsWith('identity.')).map((f) => f.slice(9));

const link = fc.record({
  colour: fc.constantFrom('white', 'yellow', 'green', 'red', 'purple'),
  linkedRecord: fc.record({ system: fc.constantFrom(...ORIGIN_SYSTEMS), recordId: word, extra: value }),
});

/** A record as an untrusted source might send it: known fields, unknown ones, templates, CIR links. */
function sourceRecord(system: EspSource) {
  const known = Object.fromEntries(topLevelFields(system).map((field) => [field, value]));
  return fc.record(
    {
      ...known,
      identity: fc.record(
        { ...Object.fromEntries(identityFields.map((field) => [field, value])), secret: value },
        { requiredKeys: [] },
      ),
      biometrics: fc.constant({ face: ANA_FACE }),
      undeclared: value,
      originSystem: fc.constantFrom(...ORIGIN_SYSTEMS),
      links: fc.array(link, { maxLength: 4 }),
    },
    { requiredKeys: [] },
  );
}

type Behaviour = { kind: 'answer'; hits: unknown[] } | { kind: 'fail' } | { kind: 'garbage' };

const behaviour = (system: EspSource): fc.Arbitrary<Behaviour> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(
          fc.record({
            record: sourceRecord(system),
            matchedOn: fc.subarray(['identity', 'travelDocument', 'biometrics', 'other']),
            score: fc.oneof(fc.double(), fc.constant(Number.NaN)),
          }),
          { maxLength: 3 },
        )
        .map((hits): Behaviour => ({ kind: 'answer', hits })),
    },
    { weight: 1, arbitrary: fc.constant<Behaviour>({ kind: 'fail' }) },
    { weight: 1, arbitrary: fc.constant<Behaviour>({ kind: 'garbage' }) },
  );

const behaviours = fc.record(
  Object.fromEntries(ESP_SOURCES.map((system) => [system, behaviour(system)])) as Record<
    EspSource,
    fc.Arbitrary<Behaviour>
  >,
);

const profile = fc
  .record({
    reply: fc.constantFrom('records', 'flags'),
    systems: fc.shuffledSubarray([...ESP_SOURCES], { minLength: 1 }),
  })
  .chain(({ reply, systems }) =>
    fc
      .tuple(
        ...systems.map((system) =>
          reply === 'flags'
            ? fc.constant<string[]>([])
            : fc.subarray([...RETURNABLE_FIELDS[system]], { minLength: 1 }),
        ),
      )
      .map((fieldLists) => ({
        id: 'random',
        userCategory: 'random',
        description: 'generated',
        legalBasis: 'test',
        purposes: ['testing'],
        reply,
        queryFields: [...QUERY_FIELDS],
        systems: Object.fromEntries(systems.map((system, i) => [system, { fields: fieldLists[i] }])),
      })),
  );

const query = fc
  .record(
    {
      identity: fc.record(
        {
          surnames: fc.array(
            word.filter((w) => /[a-z]/.test(w)),
            { minLength: 1, maxLength: 2 },
          ),
        },
        { requiredKeys: ['surnames'] },
      ),
      travelDocument: fc.record({ number: fc.stringMatching(/^[A-Z0-9]{6,9}$/) }),
      biometrics: fc.constant({ face: ANA_FACE }),
    },
    { requiredKeys: [] },
  )
  .filter((q) => Object.keys(q).length > 0);

function roguesFor(plan: Record<EspSource, Behaviour>): SearchSource[] {
  return ESP_SOURCES.map((name) => ({
    name,
    revealsQueryToRecordOwner: false,
    async search() {
      const planned = plan[name];
      if (planned.kind === 'fail') throw new Error('down');
      if (planned.kind === 'garbage') return { not: 'a list' } as never;
      return planned.hits as SourceHit[];
    },
  }));
}

describe('property: a reply never shows a system or field outside the profile', () => {
  it('holds for random profiles, source data and queries', async () => {
    await fc.assert(
      fc.asyncProperty(profile, behaviours, query, async (rawProfile, plan, rawQuery) => {
        const profiles = loadProfiles({ version: 'prop', profiles: [rawProfile] });
        const portal = createSearchPortal({
          profiles,
          sources: roguesFor(plan),
          budgets: { defaultMs: 1_000 },
        });
        const { reply } = await portal.search({
          requester: { userId: 'u' },
          profileId: 'random',
          purpose: 'testing',
          query: rawQuery,
        });
        expect(profileViolations(reply, profiles.get('random'))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
