import type { FaultInjection } from '../../../functions/esp/domain/fault-injection';
import { normalisingExactMatcher } from '../../../functions/esp/domain/identity-matcher';
import { InMemorySourceStore } from '../../../functions/esp/domain/in-memory-source-store';
import { ReferenceSource } from '../../../functions/esp/domain/reference-source';
import type { EspReply } from '../../../functions/esp/domain/search-portal';
import type { SearchSource } from '../../../functions/esp/domain/search-source';
import type { ResolvedProfile } from '../../../functions/esp/profiles/load-profiles';
import { ESP_SOURCES, type EspSource } from '../../../functions/shared/systems';

/** Ana POPESCU holds records in most systems; Ivan PETROV's passport is reported stolen. */
export const ANA = {
  surnames: ['Popescu'],
  firstNames: ['Ana-Maria'],
  dateOfBirth: '1985-03-14',
  sex: 'F',
  nationalities: ['MDA'],
  placeOfBirth: 'Chisinau',
} as const;
export const ANA_PASSPORT = { type: 'P', number: 'MD1234567', issuingCountry: 'MDA' } as const;
export const ANA_FACE = { vector: [0.9, 0.1, 0.3, 0.2], quality: 80 };
export const ANA_THUMB = { vector: [0.1, 0.8, 0.5, 0.1], quality: 70, position: 1 };
export const IVAN = {
  surnames: ['Petrov'],
  firstNames: ['Ivan'],
  dateOfBirth: '1979-11-02',
  sex: 'M',
} as const;
export const IVAN_PASSPORT = { type: 'P', number: 'UA7654321', issuingCountry: 'UKR' } as const;

const ana = {
  ...ANA,
  nationalities: [...ANA.nationalities],
  surnames: [...ANA.surnames],
  firstNames: [...ANA.firstNames],
};
const ivan = { ...IVAN, surnames: [...IVAN.surnames], firstNames: [...IVAN.firstNames] };

export const SEED: Record<EspSource, unknown[]> = {
  CIR: [
    {
      recordId: 'cir-ees-1',
      originSystem: 'EES',
      identity: ana,
      travelDocuments: [ANA_PASSPORT],
      biometrics: { face: ANA_FACE },
      links: [
        { colour: 'white', linkedRecord: { system: 'VIS', recordId: 'vis-1' } },
        { colour: 'green', linkedRecord: { system: 'EURODAC', recordId: 'eurodac-1' } },
        { colour: 'yellow', linkedRecord: { system: 'ETIAS', recordId: 'etias-1' } },
        { colour: 'red', linkedRecord: { system: 'SIS', recordId: 'sis-1' } },
      ],
    },
  ],
  SIS: [
    {
      recordId: 'sis-1',
      category: 'refusal-of-entry',
      actionToTake: 'Refuse entry and inform the SIRENE bureau of the issuing state',
      issuingMemberState: 'DE',
      warnings: ['violent'],
      identity: ana,
      travelDocuments: [ANA_PASSPORT],
      biometrics: { face: ANA_FACE },
    },
    {
      recordId: 'sis-2',
      category: 'object-seizure',
      actionToTake: 'Seize the document',
      issuingMemberState: 'PL',
      travelDocuments: [IVAN_PASSPORT],
    },
  ],
  EES: [
    {
      recordId: 'ees-1',
      identity: ana,
      travelDocuments: [ANA_PASSPORT],
      biometrics: { face: ANA_FACE, fingerprints: [ANA_THUMB] },
      movements: [
        { kind: 'entry', at: '2026-05-02T08:30:00Z', borderCrossingPoint: 'RO-Albita', memberState: 'RO' },
      ],
      authorisedStayUntil: '2026-07-30',
      overstay: true,
    },
  ],
  VIS: [
    {
      recordId: 'vis-1',
      identity: ana,
      travelDocuments: [ANA_PASSPORT],
      biometrics: { face: ANA_FACE, fingerprints: [ANA_THUMB] },
      applications: [
        {
          applicationNumber: 'RO-2026-0042',
          submittedAt: '2026-03-01',
          visaType: 'C',
          decision: 'issued',
          decidedAt: '2026-03-10',
          validUntil: '2026-09-10',
          memberState: 'RO',
        },
      ],
    },
  ],
  ETIAS: [
    {
      recordId: 'etias-1',
      identity: ana,
      travelDocuments: [ANA_PASSPORT],
      authorisation: { status: 'valid', validUntil: '2028-01-01' },
    },
  ],
  EURODAC: [
    {
      recordId: 'eurodac-1',
      identity: ana,
      biometrics: { fingerprints: [ANA_THUMB] },
      category: 'applicant-international-protection',
      memberStateOfOrigin: 'BG',
      takenAt: '2025-12-01',
    },
  ],
  ECRIS_TCN: [{ recordId: 'ecris-1', identity: ana, hasConvictions: true, convictingMemberStates: ['FR'] }],
  EUROPOL: [
    {
      recordId: 'europol-1',
      identity: ivan,
      travelDocuments: [IVAN_PASSPORT],
      personCategory: 'suspect',
      crimeAreas: ['document fraud'],
    },
  ],
  INTERPOL_SLTD: [
    {
      recordId: 'sltd-1',
      travelDocuments: [IVAN_PASSPORT],
      documentStatus: 'stolen',
      reportingCountry: 'UKR',
      reportedOn: '2025-06-00',
    },
  ],
  INTERPOL_TDAWN: [
    { recordId: 'tdawn-1', identity: ivan, travelDocuments: [IVAN_PASSPORT], noticeType: 'red' },
  ],
};

export function seededStore(): InMemorySourceStore {
  const store = new InMemorySourceStore();
  for (const system of ESP_SOURCES) for (const record of SEED[system]) store.add(system, record);
  return store;
}

export function referenceSources(
  faults: Partial<Record<EspSource, FaultInjection>> = {},
  store = seededStore(),
): SearchSource[] {
  return ESP_SOURCES.map(
    (system) =>
      new ReferenceSource({
        system,
        store,
        identityMatcher: normalisingExactMatcher,
        ...(system !== 'ETIAS' && system !== 'INTERPOL_SLTD' && { biometricSearch: store.biometricSearch }),
        faults: faults[system] ?? {},
      }),
  );
}

/** Leaf paths of a value: object keys joined by dots; arrays and scalars end a path. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  const entries = Object.entries(value);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Everything in a reply that the profile does not allow; empty when the reply respects it. */
export function profileViolations(reply: EspReply, profile: ResolvedProfile): string[] {
  const problems: string[] = [];
  const sources = reply.results.map((result) => result.source);
  if (JSON.stringify(sources) !== JSON.stringify(profile.systems))
    problems.push(`sources ${sources} differ from profile systems ${profile.systems}`);
  for (const result of reply.results) {
    if (profile.reply === 'flags' && 'hits' in result)
      problems.push(`${result.source}: hits in a flags reply`);
    const allowed = profile.returnFields.get(result.source) ?? [];
    for (const hit of result.hits ?? []) {
      for (const path of leafPaths(hit.record).filter((p) => p !== '')) {
        if (!allowed.some((field) => path === field || path.startsWith(`${field}.`)))
          problems.push(`${result.source}: field ${path} not allowed`);
      }
    }
  }
  // Art 26(2): a red link names the system holding the linked data, in or outside the profile.
  const json = JSON.stringify(reply, (key, value) => (key === 'linkedSystem' ? undefined : value));
  for (const outside of ESP_SOURCES.filter((system) => !profile.systems.includes(system))) {
    if (json.includes(`"${outside}"`)) problems.push(`reply names ${outside}, outside the profile`);
  }
  return problems;
}
