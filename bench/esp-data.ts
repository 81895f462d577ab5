import { ESP_SOURCES, type EspSource } from '../functions/shared/systems';

/** Synthetic people and one record per person per system, valid against the ESP record shapes. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'to', 'vu', 'zel', 'dan', 'po', 'ri', 'ne'];

export interface BenchPerson {
  identity: {
    surnames: string[];
    firstNames: string[];
    dateOfBirth: string;
    sex: 'M' | 'F';
    nationalities: string[];
  };
  document: { type: 'P'; number: string; issuingCountry: string };
}

function syllables(n: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + i * 7;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export function benchPerson(i: number): BenchPerson {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    identity: {
      surnames: [syllables(i, 3)],
      firstNames: [syllables(i * 31 + 5, 2)],
      dateOfBirth: `${1950 + (i % 50)}-${month}-${day}`,
      sex: i % 2 === 0 ? 'F' : 'M',
      nationalities: ['UKR'],
    },
    document: { type: 'P', number: `BX${String(i).padStart(7, '0')}`, issuingCountry: 'UKR' },
  };
}

const SYSTEM_FIELDS: Record<EspSource, (p: BenchPerson) => object> = {
  CIR: (p) => ({ originSystem: 'EES', identity: p.identity, travelDocuments: [p.document] }),
  SIS: (p) => ({
    category: 'discreet-check',
    actionToTake: 'Report the place and time of the check',
    issuingMemberState: 'DE',
    identity: p.identity,
    travelDocuments: [p.document],
  }),
  EES: (p) => ({ identity: p.identity, travelDocuments: [p.document] }),
  VIS: (p) => ({ identity: p.identity, travelDocuments: [p.document] }),
  ETIAS: (p) => ({ identity: p.identity, travelDocuments: [p.document], authorisation: { status: 'valid' } }),
  EURODAC: (p) => ({
    identity: p.identity,
    category: 'irregular-crossing',
    memberStateOfOrigin: 'IT',
    takenAt: '2025-01-01',
  }),
  ECRIS_TCN: (p) => ({ identity: p.identity, hasConvictions: true, convictingMemberStates: ['FR'] }),
  EUROPOL: (p) => ({ identity: p.identity, travelDocuments: [p.document], personCategory: 'suspect' }),
  INTERPOL_SLTD: (p) => ({
    travelDocuments: [p.document],
    documentStatus: 'stolen',
    reportingCountry: 'UKR',
    reportedOn: '2025-01-00',
  }),
  INTERPOL_TDAWN: (p) => ({ identity: p.identity, travelDocuments: [p.document], noticeType: 'blue' }),
};

export function benchRecord(system: EspSource, i: number): object {
  return { recordId: `${system.toLowerCase()}-${i}`, ...SYSTEM_FIELDS[system](benchPerson(i)) };
}

export function benchSystems(count: number): EspSource[] {
  if (!Number.isInteger(count) || count < 1 || count > ESP_SOURCES.length)
    throw new Error(`--systems must be 1..${ESP_SOURCES.length}`);
  return ESP_SOURCES.slice(0, count);
}
