import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CentralSystem, DynamoSourceDataStore } from '../functions/esp/source-store';
import { type RecordBody, recordBodySchema } from '../functions/shared/schemas/record';
import { CENTRAL_SYSTEMS_TABLE } from '../lib/resources';
import { TOUR_RECORDS } from './demo-tour';
import { rowToRecord, syntheticRow } from './record-rows';
import { createRng, generatePeople, type Rng, type SyntheticRecord } from './synthetic/people';

/**
 * Demo records of the reference central systems (SIS, EES, VIS, ETIAS, EURODAC, ECRIS-TCN, Europol,
 * Interpol SLTD and TDAWN), for the same synthetic persons `seedDemoData` ingests into the CIR
 * (same generator, people and seed). A CIR file's origin record gets its system's record under the
 * same record id (so an sBMS hit of that system names it); Europol, SLTD and TDAWN get records for
 * a share of the persons, and a few fixed records make good demo hits (docs/esp.md).
 */
const MEMBER_STATES = ['DE', 'FR', 'IT', 'NL', 'PL', 'ES', 'AT', 'BE', 'GR', 'HU'] as const;
const BORDER_POINTS = [
  'Frankfurt Airport',
  'Schiphol',
  'Okecie Airport',
  'Port of Piraeus',
  'Röszke',
] as const;

const SIS_ALERTS = [
  { category: 'refusal-of-entry', actionToTake: 'Refuse entry (Art 24 SIS border checks regulation).' },
  { category: 'return', actionToTake: 'Return decision to be enforced: contact the issuing SIRENE bureau.' },
  {
    category: 'arrest',
    actionToTake: 'Arrest for surrender on a European Arrest Warrant; contact SIRENE immediately.',
  },
  {
    category: 'discreet-check',
    actionToTake: 'Discreet check: record the circumstances, do not inform the person.',
  },
  {
    category: 'missing-person',
    actionToTake: 'Missing person: place under protection if a minor or at risk.',
  },
] as const;

/** Fixed demo hits: a person with an SIS alert, a Europol record under a transliteration and a stolen passport. */
export const DEMO_HITS = {
  sis: {
    recordId: 'SIS-DEMO-0001',
    category: 'refusal-of-entry',
    actionToTake: 'Refuse entry (Art 24 SIS border checks regulation).',
    issuingMemberState: 'DE',
    warnings: [],
    identity: {
      surnames: ['KOVALENKO'],
      firstNames: ['OLENA'],
      dateOfBirth: '1990-04-12',
      sex: 'F',
      nationalities: ['UKR'],
      placeOfBirth: 'KHARKIV',
    },
    travelDocuments: [{ type: 'P', number: 'FX1234567', issuingCountry: 'UKR' }],
  },
  europol: {
    recordId: 'EUROPOL-DEMO-0001',
    identity: {
      surnames: ['KOWALENKO'],
      firstNames: ['OLENA'],
      dateOfBirth: '1990-04-12',
      sex: 'F',
      nationalities: ['UKR'],
    },
    travelDocuments: [],
    personCategory: 'suspect',
    crimeAreas: ['document fraud', 'migrant smuggling'],
  },
  sltd: {
    recordId: 'SLTD-DEMO-0001',
    travelDocuments: [{ type: 'P', number: 'XS0000001', issuingCountry: 'SYR' }],
    documentStatus: 'stolen',
    reportingCountry: 'SYR',
    reportedOn: '2024-02-00',
  },
  tdawn: {
    recordId: 'TDAWN-DEMO-0001',
    travelDocuments: [{ type: 'P', number: 'FX1234567', issuingCountry: 'UKR' }],
    noticeType: 'diffusion',
  },
} as const;

const date = (rng: Rng, fromYear: number, years: number) => {
  const day = new Date(Date.UTC(fromYear, 0, 1) + rng.int(years * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
};

/** The system-specific part of a reference record, drawn from the seeded generator. */
function systemFields(system: CentralSystem, rng: Rng): Record<string, unknown> {
  const memberState = rng.pick(MEMBER_STATES);
  switch (system) {
    case 'SIS': {
      const alert = rng.pick(SIS_ALERTS);
      return {
        ...alert,
        issuingMemberState: memberState,
        warnings: alert.category === 'arrest' && rng.chance(0.3) ? ['violent'] : [],
      };
    }
    case 'EES': {
      const entry = `${date(rng, 2025, 1)}T${String(6 + rng.int(14)).padStart(2, '0')}:15:00Z`;
      const exited = rng.chance(0.6);
      const movements = [
        { kind: 'entry', at: entry, borderCrossingPoint: rng.pick(BORDER_POINTS), memberState },
      ];
      if (exited)
        movements.push({
          kind: 'exit',
          at: new Date(Date.parse(entry) + (1 + rng.int(80)) * 86_400_000).toISOString(),
          borderCrossingPoint: rng.pick(BORDER_POINTS),
          memberState: rng.pick(MEMBER_STATES),
        });
      const stayUntil = new Date(Date.parse(entry) + 90 * 86_400_000).toISOString().slice(0, 10);
      return { movements, authorisedStayUntil: stayUntil, overstay: !exited && rng.chance(0.2) };
    }
    case 'VIS': {
      const submittedAt = date(rng, 2024, 2);
      const decision = rng.pick(['issued', 'issued', 'issued', 'refused', 'pending'] as const);
      return {
        applications: [
          {
            applicationNumber: `${memberState}${submittedAt.replace(/-/g, '')}${String(rng.int(1e6)).padStart(6, '0')}`,
            submittedAt,
            visaType: rng.chance(0.9) ? 'C' : 'D',
            decision,
            ...(decision !== 'pending' && { decidedAt: submittedAt }),
            ...(decision === 'issued' && {
              validUntil: `${Number(submittedAt.slice(0, 4)) + 1}${submittedAt.slice(4)}`,
            }),
            memberState,
          },
        ],
      };
    }
    case 'ETIAS': {
      const status = rng.pick(['valid', 'valid', 'valid', 'refused', 'expired'] as const);
      return { authorisation: { status, ...(status === 'valid' && { validUntil: date(rng, 2027, 2) }) } };
    }
    case 'EURODAC':
      return {
        category: rng.pick([
          'applicant-international-protection',
          'irregular-crossing',
          'illegal-stay',
        ] as const),
        memberStateOfOrigin: memberState,
        takenAt: date(rng, 2022, 3),
      };
    case 'ECRIS_TCN':
      return { hasConvictions: true, convictingMemberStates: [memberState] };
    default:
      return {};
  }
}

/** An origin system's record as its central system holds it: the file's data and the system's own part. */
export function centralRecordOf(
  system: CentralSystem,
  file: { recordId: string } & Pick<RecordBody, 'identity' | 'travelDocuments'>,
  rng: Rng,
): unknown {
  const base = { recordId: file.recordId, identity: file.identity };
  return system === 'EURODAC' || system === 'ECRIS_TCN'
    ? { ...base, ...systemFields(system, rng) }
    : { ...base, travelDocuments: file.travelDocuments, ...systemFields(system, rng) };
}

function identityOf(row: SyntheticRecord): Pick<RecordBody, 'identity' | 'travelDocuments'> | undefined {
  const mapped = rowToRecord(syntheticRow(row));
  return mapped.ok
    ? { identity: mapped.body.identity, travelDocuments: mapped.body.travelDocuments }
    : undefined;
}

/** Every record to seed, as `[system, record]`: deterministic for (people, seed). */
export function centralSystemRecords(options: { people: number; seed: number }): [CentralSystem, unknown][] {
  const rows = generatePeople({ people: options.people, seed: options.seed });
  const rng = createRng(options.seed ^ 0x0e5b);
  const records: [CentralSystem, unknown][] = [];
  const seenClusters = new Set<string>();
  for (const row of rows) {
    const data = identityOf(row);
    if (!data) continue;
    const system = row.system as CentralSystem;
    const { identity, travelDocuments } = data;
    records.push([system, centralRecordOf(system, { recordId: row.recordId, ...data }, rng)]);
    if (seenClusters.has(row.clusterId)) continue;
    seenClusters.add(row.clusterId);
    const person = row.clusterId.replace(/\D/g, '');
    if (rng.chance(0.08))
      records.push([
        'EUROPOL',
        {
          recordId: `EUROPOL-${person}`,
          identity,
          travelDocuments,
          personCategory: rng.pick(['suspect', 'convicted', 'contact', 'witness'] as const),
          crimeAreas: [rng.pick(['drug trafficking', 'migrant smuggling', 'document fraud', 'terrorism'])],
        },
      ]);
    const passport = travelDocuments[0];
    if (passport && rng.chance(0.06))
      records.push([
        'INTERPOL_SLTD',
        {
          recordId: `SLTD-${person}`,
          travelDocuments: [passport],
          documentStatus: rng.pick(['stolen', 'lost', 'revoked'] as const),
          reportingCountry: passport.issuingCountry,
          reportedOn: date(rng, 2020, 5),
        },
      ]);
    if (passport && rng.chance(0.03))
      records.push([
        'INTERPOL_TDAWN',
        {
          recordId: `TDAWN-${person}`,
          identity,
          travelDocuments: [passport],
          noticeType: rng.pick(['red', 'blue', 'diffusion'] as const),
        },
      ]);
  }
  const visa = TOUR_RECORDS.find((record) => record.system === 'VIS')!;
  const visaFile = recordBodySchema.parse({ ...visa.body, version: 1 });
  records.push(
    ['VIS', centralRecordOf('VIS', { recordId: visa.recordId, ...visaFile }, rng)],
    ['SIS', DEMO_HITS.sis],
    ['EUROPOL', DEMO_HITS.europol],
    ['INTERPOL_SLTD', DEMO_HITS.sltd],
    ['INTERPOL_TDAWN', DEMO_HITS.tdawn],
  );
  return records;
}

/**
 * Writes the demo records through the reference systems' store, into the platform's CentralSystems
 * table (the endpoint and table name of a running local platform).
 */
export async function seedCentralSystems(options: {
  platform: { env: Record<string, string>; dynamo: { endpoint: string } };
  people: number;
  seed: number;
}): Promise<{ records: number; bySystem: Partial<Record<CentralSystem, number>> }> {
  const tableName = options.platform.env[CENTRAL_SYSTEMS_TABLE.envVar];
  if (!tableName) throw new Error(`${CENTRAL_SYSTEMS_TABLE.envVar} is not provisioned`);
  const { store, client } = centralSystemsStore(options.platform.dynamo.endpoint, tableName);
  const queue = centralSystemRecords(options);
  const bySystem: Partial<Record<CentralSystem, number>> = {};
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [system, record] = next;
      await store.put(system, record);
      bySystem[system] = (bySystem[system] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: 4 }, worker));
  } finally {
    client.destroy();
  }
  return { records: Object.values(bySystem).reduce((sum, n) => sum + n, 0), bySystem };
}

/** The reference central systems' store in a local platform's DynamoDB (the caller destroys the client). */
export function centralSystemsStore(endpoint: string, tableName: string) {
  const client = new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'eu-central-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = new DynamoSourceDataStore(
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName,
  );
  return { store, client };
}
