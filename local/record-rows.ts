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
  /** The travel document's issuer (ISO 3166-1 alpha-3); without it, the first nationality stands in. */
  issuing_country?: string;
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
    issuing_country: record.documentCountry,
  };
}

export type RowResult = { ok: true; recordId: string; body: RecordBody } | { ok: false; reason: string };

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Maps a CSV row to the ingestion API's body. The travel document's issuer is the `issuing_country`
 * column, or else the first nationality; a document with neither is refused with that reason (the
 * API accepts no unspecified issuer).
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
      ? [
          {
            type: 'P',
            number: documentNumber,
            issuingCountry: blankToUndefined(row.issuing_country) ?? nationalities[0],
          },
        ]
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
