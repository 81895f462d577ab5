import { type RecordBody, recordBodySchema } from '../functions/shared/schemas/record';
import type { SyntheticRecord } from './synthetic/people';

/** A row of the benchmark CSV format (docs/mid-matching.md), as the generator and `npm run load` use it. */
export interface RecordRow {
  record_id: string;
  system: string;
  surname?: string;
  given_names?: string;
  date_of_birth?: string;
  sex?: string;
  nationality?: string;
  place_of_birth?: string;
  document_number?: string;
}

/** A synthetic person's record (local/synthetic/people.ts) as a row of the benchmark CSV format. */
export function syntheticRow(record: SyntheticRecord): RecordRow & { cluster_id: string } {
  return {
    record_id: record.recordId,
    cluster_id: record.clusterId,
    system: record.system,
    surname: record.surname,
    given_names: record.givenNames,
    date_of_birth: record.dateOfBirth,
    sex: record.sex,
    nationality: record.nationality,
    place_of_birth: record.placeOfBirth,
    document_number: record.documentNumber,
  };
}

export type RowResult = { ok: true; recordId: string; body: RecordBody } | { ok: false; reason: string };

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Maps a CSV row to the ingestion API's body. The travel document's issuing country is not in the
 * format: the first nationality stands in, or `XXX` (ICAO: unspecified) when there is none.
 */
export function rowToRecord(row: RecordRow, version = 1, extra: Partial<RecordBody> = {}): RowResult {
  const nationalities = (row.nationality ?? '')
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
  const documentNumber = blankToUndefined(row.document_number);
  const candidate = {
    identity: {
      surnames: blankToUndefined(row.surname) ? [row.surname!.trim()] : [],
      firstNames: blankToUndefined(row.given_names) ? [row.given_names!.trim()] : [],
      dateOfBirth: blankToUndefined(row.date_of_birth),
      placeOfBirth: blankToUndefined(row.place_of_birth),
      nationalities,
      sex: blankToUndefined(row.sex),
    },
    travelDocuments: documentNumber
      ? [{ type: 'P', number: documentNumber, issuingCountry: nationalities[0] ?? 'XXX' }]
      : [],
    version,
    ...extra,
  };
  const parsed = recordBodySchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    };
  }
  return { ok: true, recordId: row.record_id, body: parsed.data };
}
