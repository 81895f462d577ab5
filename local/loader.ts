import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { RecordBody } from '../functions/shared/schemas/record';
import { isOriginSystem, ORIGIN_SYSTEMS, type OriginSystem } from '../functions/shared/systems';
import { type RecordRow, rowToRecord } from './record-rows';

export interface LoadOptions {
  api: string;
  file: string;
  /** Load only this system's rows; rows that name no system go to it. Without it, each row's `system`. */
  system?: OriginSystem;
  /** The bearer token of an origin system (each system writes only its own records). */
  tokenFor: (system: OriginSystem) => Promise<string> | string;
  /** Where the position of an interrupted load is kept (`.local/` locally, so a reset starts afresh). */
  stateDir: string;
  batchSize?: number;
  concurrency?: number;
  /** Version given to CSV rows (JSONL lines carry their own). */
  version?: number;
  /** Stop after this many batches (tests of resumption). */
  maxBatches?: number;
  /** Called for every record the API accepted (the local demo's central systems get it too). */
  onAccepted?: (system: OriginSystem, recordId: string, body: RecordBody) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadSummary {
  total: number;
  accepted: number;
  rejected: number;
  /** Rows of other systems than `--system`. */
  otherSystems: number;
  bySystem: Partial<Record<OriginSystem, number>>;
  skippedFromEarlierRun: number;
  complete: boolean;
  stateFile: string;
}

/** Why a load stopped; the command's advice depends on it (a rerun helps only some). */
export type LoadFailure =
  | 'file' // missing or unreadable file, or not CSV/JSONL
  | 'format' // the CSV cannot be parsed
  | 'token' // the API refused the token
  | 'unreachable' // nothing answers at the API's address
  | 'server'; // the API kept failing

export class LoadError extends Error {
  constructor(
    readonly failure: LoadFailure,
    message: string,
    /** Rows done before the failure (resumable failures). */
    readonly rowsDone = 0,
  ) {
    super(message);
  }
}

interface LoadState {
  file: string;
  api: string;
  system?: string;
  rowsDone: number;
  accepted: number;
  rejected: number;
  bySystem: Partial<Record<OriginSystem, number>>;
}

type Prepared = {
  line: number;
  recordId: string;
  system?: OriginSystem;
  body?: RecordBody;
  reason?: string;
};

const MAX_ATTEMPTS = 4;

export const rejectedFileOf = (file: string) => `${file}.rejected.jsonl`;

/**
 * The state file of one load: one per target API, file (path and content) and system filter, under
 * the state directory, so that another platform, an edited file or a reset of `.local/` starts afresh.
 */
export function stateFileOf(
  options: { api: string; file: string; system?: string; stateDir: string },
  content: string,
) {
  const key = createHash('sha256')
    .update(JSON.stringify([options.api, resolve(options.file), options.system ?? '*']))
    .update(content)
    .digest('hex')
    .slice(0, 16);
  return join(options.stateDir, 'load-state', `${key}.json`);
}

/**
 * Pushes the rows of a file through the ingestion API, batch by batch, each row into its system's
 * records. After every batch the position is saved, so a rerun after an interruption resumes there (a
 * batch cut short is sent again: the API answers an identical version as unchanged). Rows refused by
 * the schema or the API go to `<file>.rejected.jsonl` with their reasons; server errors are retried,
 * then stop the run.
 */
export async function loadRecords(options: LoadOptions): Promise<LoadSummary> {
  const content = readFile(options.file);
  const all = readRows(options.file, content, options.version ?? 1, options.system);
  const rows = all.filter((row) => !options.system || row.system === options.system || row.reason);
  const statePath = stateFileOf(options, content);
  const previous = readState(statePath);
  const state: LoadState = previous ?? {
    file: resolve(options.file),
    api: options.api,
    system: options.system,
    rowsDone: 0,
    accepted: 0,
    rejected: 0,
    bySystem: {},
  };
  if (!previous && existsSync(rejectedFileOf(options.file))) writeFileSync(rejectedFileOf(options.file), '');
  const skipped = state.rowsDone;
  const batchSize = options.batchSize ?? 50;
  let batches = 0;
  while (state.rowsDone < rows.length) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
    const batch = rows.slice(state.rowsDone, state.rowsDone + batchSize);
    const outcomes = await inParallel(batch, options.concurrency ?? 8, (row) => send(options, row)).catch(
      (error: unknown) => {
        if (error instanceof LoadError) throw new LoadError(error.failure, error.message, state.rowsDone);
        throw error;
      },
    );
    const rejected = outcomes.filter((outcome) => outcome.reason !== undefined);
    if (rejected.length) {
      appendFileSync(
        rejectedFileOf(options.file),
        rejected
          .map((row) => `${JSON.stringify({ line: row.line, recordId: row.recordId, reason: row.reason })}\n`)
          .join(''),
      );
    }
    for (const row of outcomes)
      if (row.reason === undefined && row.system)
        state.bySystem[row.system] = (state.bySystem[row.system] ?? 0) + 1;
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
    otherSystems: all.length - rows.length,
    bySystem: state.bySystem,
    skippedFromEarlierRun: skipped,
    complete: state.rowsDone >= rows.length,
    stateFile: statePath,
  };
}

async function send(options: LoadOptions, row: Prepared): Promise<Prepared> {
  if (!row.body || !row.system) return row;
  const url = `${options.api}/v1/systems/${row.system}/records/${encodeURIComponent(row.recordId)}`;
  const token = await options.tokenFor(row.system);
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let text = '';
    let unreachable = false;
    try {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(row.body),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = (error as Error).message;
      unreachable = true;
    }
    if (status >= 200 && status < 300) {
      await options.onAccepted?.(row.system, row.recordId, row.body);
      return { line: row.line, recordId: row.recordId, system: row.system };
    }
    if (status === 401 || status === 403)
      throw new LoadError(
        'token',
        `the API refused the ${row.system} token (${status}): ${apiReason(status, text)}`,
      );
    if (status >= 400 && status < 500)
      return { line: row.line, recordId: row.recordId, reason: apiReason(status, text) };
    if (attempt >= MAX_ATTEMPTS) {
      throw unreachable
        ? new LoadError('unreachable', `no answer from ${options.api} after ${attempt} attempts (${text})`)
        : new LoadError(
            'server',
            `the API answered ${status} to row ${row.line} ${attempt} times: ${text.slice(0, 300)}`,
          );
    }
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

function readFile(file: string): string {
  if (!/\.(csv|jsonl)$/.test(file))
    throw new LoadError(
      'file',
      `${file}: the file must be .csv (benchmark format) or .jsonl (one record per line)`,
    );
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LoadError(
      'file',
      code === 'ENOENT' ? `${file}: no such file` : `${file}: ${(error as Error).message}`,
    );
  }
}

/** The row's system: its own column, else the `--system` given; a mismatch or an unknown name is the row's error. */
function systemOf(value: string | undefined, fallback: OriginSystem | undefined): OriginSystem | string {
  const named = value?.trim();
  if (!named) return fallback ?? 'system: missing (a `system` column, or --system for a file of one system)';
  return isOriginSystem(named) ? named : `system: unknown "${named}" (systems: ${ORIGIN_SYSTEMS.join(', ')})`;
}

function readRows(file: string, text: string, version: number, only?: OriginSystem): Prepared[] {
  const prepared = (line: number, recordId: string, named: string | undefined, mapped: () => Prepared) => {
    const system = systemOf(named, only);
    if (!isOriginSystem(system)) return { line, recordId, reason: system };
    if (!recordId)
      return {
        line,
        recordId,
        system,
        reason: file.endsWith('.csv') ? 'record_id: missing' : 'recordId: missing',
      };
    return { ...mapped(), system };
  };
  if (file.endsWith('.csv')) {
    let rows: RecordRow[];
    try {
      rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true });
    } catch (error) {
      if (error instanceof CsvError)
        throw new LoadError('format', `${file}: not valid CSV: ${error.message}`);
      throw error;
    }
    return rows.map((row, i) =>
      prepared(i + 2, row.record_id ?? '', row.system, () => {
        const mapped = rowToRecord(row, version);
        return mapped.ok
          ? { line: i + 2, recordId: row.record_id, body: mapped.body }
          : { line: i + 2, recordId: row.record_id, reason: mapped.reason };
      }),
    );
  }
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      let parsed: { recordId?: string; system?: string } & RecordBody;
      try {
        parsed = JSON.parse(line);
      } catch {
        return { line: number, recordId: '', reason: 'not valid JSON' };
      }
      const { recordId = '', system, ...body } = parsed;
      return prepared(number, recordId, system, () => ({ line: number, recordId, body }));
    });
}

function readState(path: string): LoadState | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LoadState) : undefined;
}

function writeState(path: string, state: LoadState): void {
  mkdirSync(dirname(path), { recursive: true });
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
