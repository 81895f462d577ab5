import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { RecordBody } from '../functions/shared/schemas/record';
import { type RecordRow, rowToRecord } from './record-rows';

export interface LoadOptions {
  api: string;
  system: string;
  file: string;
  token: string;
  batchSize?: number;
  concurrency?: number;
  /** Version given to CSV rows (JSONL lines carry their own). */
  version?: number;
  /** Stop after this many batches (tests of resumption). */
  maxBatches?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadSummary {
  total: number;
  accepted: number;
  rejected: number;
  skippedFromEarlierRun: number;
  complete: boolean;
}

interface LoadState {
  file: string;
  system: string;
  api: string;
  rowsDone: number;
  accepted: number;
  rejected: number;
}

type Prepared = { line: number; recordId: string; body?: RecordBody; reason?: string };

const MAX_ATTEMPTS = 4;

export const stateFileOf = (file: string) => `${file}.load-state.json`;
export const rejectedFileOf = (file: string) => `${file}.rejected.jsonl`;

/**
 * Pushes the rows of a file through the ingestion API, batch by batch. After every batch the
 * position is saved, so a rerun after an interruption resumes there (a batch cut short is sent
 * again: the API answers an identical version as unchanged). Rows refused by the schema or the API
 * go to `<file>.rejected.jsonl` with their reasons; server errors are retried, then stop the run.
 */
export async function loadRecords(options: LoadOptions): Promise<LoadSummary> {
  const rows = readRows(options.file, options.version ?? 1);
  const statePath = stateFileOf(options.file);
  const previous = readState(statePath, options);
  const state: LoadState = previous ?? {
    file: options.file,
    system: options.system,
    api: options.api,
    rowsDone: 0,
    accepted: 0,
    rejected: 0,
  };
  if (!previous && existsSync(rejectedFileOf(options.file))) writeFileSync(rejectedFileOf(options.file), '');
  const skipped = state.rowsDone;
  const batchSize = options.batchSize ?? 50;
  let batches = 0;
  while (state.rowsDone < rows.length) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
    const batch = rows.slice(state.rowsDone, state.rowsDone + batchSize);
    const outcomes = await inParallel(batch, options.concurrency ?? 8, (row) => send(options, row));
    const rejected = outcomes.filter((outcome) => outcome.reason !== undefined);
    if (rejected.length) {
      appendFileSync(
        rejectedFileOf(options.file),
        rejected
          .map((row) => `${JSON.stringify({ line: row.line, recordId: row.recordId, reason: row.reason })}\n`)
          .join(''),
      );
    }
    state.rowsDone += batch.length;
    state.accepted += batch.length - rejected.length;
    state.rejected += rejected.length;
    writeState(statePath, state);
    batches++;
    options.onProgress?.(state.rowsDone, rows.length);
  }
  return {
    total: rows.length,
    accepted: state.accepted,
    rejected: state.rejected,
    skippedFromEarlierRun: skipped,
    complete: state.rowsDone >= rows.length,
  };
}

async function send(options: LoadOptions, row: Prepared): Promise<Prepared> {
  if (!row.body) return row;
  const url = `${options.api}/v1/systems/${options.system}/records/${encodeURIComponent(row.recordId)}`;
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let text = '';
    try {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(row.body),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = (error as Error).message;
    }
    if (status >= 200 && status < 300) return { line: row.line, recordId: row.recordId };
    if (status === 401 || status === 403) throw new Error(`the API refused the token (${status}): ${text}`);
    if (status >= 400 && status < 500)
      return { line: row.line, recordId: row.recordId, reason: apiReason(status, text) };
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(`giving up on row ${row.line} after ${attempt} attempts: ${status || text}`);
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
}

function apiReason(status: number, text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    return `${status}: ${parsed.error?.message ?? text}`;
  } catch {
    return `${status}: ${text.slice(0, 300)}`;
  }
}

function readRows(file: string, version: number): Prepared[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.csv')) {
    const rows = parse(text, {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as RecordRow[];
    return rows.map((row, i) => {
      const mapped = rowToRecord(row, version);
      const recordId = row.record_id ?? '';
      if (!recordId) return { line: i + 2, recordId, reason: 'record_id: missing' };
      return mapped.ok
        ? { line: i + 2, recordId, body: mapped.body }
        : { line: i + 2, recordId, reason: mapped.reason };
    });
  }
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      try {
        const { recordId, ...body } = JSON.parse(line) as { recordId?: string } & RecordBody;
        if (!recordId) return { line: number, recordId: '', reason: 'recordId: missing' };
        return { line: number, recordId, body };
      } catch {
        return { line: number, recordId: '', reason: 'not valid JSON' };
      }
    });
}

function readState(path: string, options: LoadOptions): LoadState | undefined {
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, 'utf8')) as LoadState;
  if (state.system !== options.system || state.api !== options.api) {
    throw new Error(
      `${path} belongs to a load of ${state.system} into ${state.api}: remove it to start afresh`,
    );
  }
  return state;
}

function writeState(path: string, state: LoadState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
    }),
  );
  return results;
}
