import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { IdentityInput } from '../functions/mid/domain/identity-profile';
import { isOriginSystem, type OriginSystem } from '../functions/shared/systems';

/** One row of a linkage benchmark file, mapped to the matcher's input; `clusterId` is read only to score. */
export interface LinkageRecord {
  recordId: string;
  clusterId: string;
  system: OriginSystem;
  identity: IdentityInput;
}

export const CSV_HEADER = [
  'record_id',
  'cluster_id',
  'system',
  'surname',
  'given_names',
  'date_of_birth',
  'sex',
  'nationality',
  'place_of_birth',
  'document_number',
  'issuing_country',
] as const;

type Row = Record<string, string | undefined>;

function readRows(file: string): Row[] {
  return parse(readFileSync(file), {
    columns: (header: string[]) => header.map((name) => name.trim()),
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
  }) as Row[];
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function list(value: string | undefined): string[] {
  const present = text(value);
  return present ? [present] : [];
}

/** Rows of the benchmark CSV format (record_id, cluster_id, system, ...). An unknown system counts as EES. */
export function readBenchmarkCsv(file: string): LinkageRecord[] {
  return readRows(file).map((row, i) => ({
    recordId: text(row.record_id) ?? `row-${i}`,
    clusterId: text(row.cluster_id) ?? `row-${i}`,
    system: isOriginSystem(row.system?.trim() ?? '') ? (row.system!.trim() as OriginSystem) : 'EES',
    identity: {
      surnames: list(row.surname),
      firstNames: list(row.given_names),
      dateOfBirth: text(row.date_of_birth),
      sex: text(row.sex),
      nationalities: (row.nationality ?? '')
        .split(';')
        .map((code) => code.trim())
        .filter((code) => code.length > 0),
      placeOfBirth: text(row.place_of_birth),
      documentNumbers: list(row.document_number),
    },
  }));
}

function febrlDate(value: string | undefined): string | undefined {
  const digits = text(value);
  if (!digits) return undefined;
  return /^\d{8}$/.test(digits)
    ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
    : digits;
}

/** FEBRL files as the issue maps them; the cluster is the N of `rec-N-org` / `rec-N-dup-k`. */
export function readFebrl(file: string, system: OriginSystem): LinkageRecord[] {
  return readRows(file).map((row, i) => {
    const recordId = text(row.rec_id) ?? `row-${i}`;
    return {
      recordId: `${system}:${recordId}`,
      clusterId: /^rec-(\d+)-/.exec(recordId)?.[1] ?? recordId,
      system,
      identity: {
        surnames: list(row.surname),
        firstNames: list(row.given_name),
        dateOfBirth: febrlDate(row.date_of_birth),
        placeOfBirth: text(row.suburb),
        documentNumbers: list(row.soc_sec_id),
      },
    };
  });
}
