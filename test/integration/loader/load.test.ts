import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OriginSystem } from '../../../functions/shared/systems';
import { SYSTEM_AUTHORITY } from '../../../local/demo-users';
import { LoadError, loadRecords, rejectedFileOf } from '../../../local/loader';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();

const header =
  'record_id,cluster_id,system,surname,given_names,date_of_birth,sex,nationality,place_of_birth,document_number';
const goodRow = (i: number) =>
  `it-load-${i},c${i},EURODAC,NAZARI${i},FARID,1990-0${(i % 9) + 1}-12,M,AFG,HERAT,P${100000 + i}`;

describe('npm run load', () => {
  it('loads in batches, writes rejected rows with reasons, and resumes after an interruption', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-'));
    const file = join(dir, 'records.csv');
    const rows = [header];
    for (let i = 0; i < 30; i++) rows.push(goodRow(i));
    rows.splice(6, 0, 'it-load-bad-date,c99,EURODAC,X,Y,1990-13-45,M,AFG,,');
    rows.splice(12, 0, ',c98,EURODAC,X,Y,1990-01-01,M,AFG,,');
    rows.splice(20, 0, 'it-load-bad-country,c97,EURODAC,X,Y,1990-01-01,M,Afghanistan,,');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const eurodac = await caller(context, ['origin-system'], { system: 'EURODAC', authority: 'EURODAC:NL' });
    const options = {
      api: context.url,
      file,
      tokenFor: () => eurodac.token,
      stateDir: join(dir, 'state'),
      batchSize: 10,
    };

    const interrupted = await loadRecords({ ...options, maxBatches: 2 });
    expect(interrupted.complete).toBe(false);
    const resumed = await loadRecords(options);
    expect(resumed).toMatchObject({
      total: 33,
      accepted: 30,
      rejected: 3,
      skippedFromEarlierRun: 20,
      complete: true,
      bySystem: { EURODAC: 30 },
    });
    expect(resumed.stateFile.startsWith(join(dir, 'state', 'load-state'))).toBe(true);

    const rejected = readFileSync(rejectedFileOf(file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rejected.map((row) => row.line)).toEqual([7, 13, 21]);
    expect(rejected[0].reason).toContain('identity.dateOfBirth');
    expect(rejected[1].reason).toContain('record_id');
    expect(rejected[2].reason).toContain('identity.nationalities');

    for (const i of [0, 17, 29]) {
      const read = await eurodac.request('GET', `/v1/systems/EURODAC/records/it-load-${i}`);
      expect(read.status).toBe(200);
      expect(read.body.identity.surnames).toEqual([`NAZARI${i}`]);
      expect(read.body.version).toBe(1);
    }
  });

  it("puts each row into its own system from the file's system column; --system loads only that system's rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-'));
    const file = join(dir, 'mixed.csv');
    const systems: OriginSystem[] = ['EES', 'VIS', 'SIS', 'EES', 'ETIAS', 'VIS'];
    const lines = systems.map(
      (system, i) =>
        `it-mixed-${i},m${i},${system},HOSSEINI${i},ALI,1985-02-1${i},M,IRN,TEHRAN,K${500000 + i}`,
    );
    writeFileSync(file, `${[header, ...lines, 'it-mixed-x,mx,NOPE,A,B,1985-02-10,M,IRN,,'].join('\n')}\n`);
    const callers = new Map<OriginSystem, Awaited<ReturnType<typeof caller>>>();
    for (const system of new Set(systems))
      callers.set(system, await caller(context, ['origin-system'], { system, ...SYSTEM_AUTHORITY[system] }));
    const tokenFor = (system: OriginSystem) => callers.get(system)!.token;

    const onlyVis = await loadRecords({ api: context.url, file, tokenFor, stateDir: dir, system: 'VIS' });
    expect(onlyVis).toMatchObject({
      total: 3,
      accepted: 2,
      rejected: 1,
      otherSystems: 4,
      bySystem: { VIS: 2 },
    });
    expect((await callers.get('EES')!.request('GET', '/v1/systems/EES/records/it-mixed-0')).status).toBe(404);

    // Another selection of the same file is another load (its own state), not a resumption of the first.
    const all = await loadRecords({ api: context.url, file, tokenFor, stateDir: dir });
    expect(all).toMatchObject({ total: 7, accepted: 6, rejected: 1, skippedFromEarlierRun: 0 });
    expect(all.bySystem).toEqual({ EES: 2, VIS: 2, SIS: 1, ETIAS: 1 });
    for (const [i, system] of systems.entries()) {
      const read = await callers.get(system)!.request('GET', `/v1/systems/${system}/records/it-mixed-${i}`);
      expect(read.status).toBe(200);
      expect(read.body.identity.surnames).toEqual([`HOSSEINI${i}`]);
    }
    const rejected = JSON.parse(readFileSync(rejectedFileOf(file), 'utf8'));
    expect(rejected).toMatchObject({ line: 8, reason: expect.stringContaining('system: unknown "NOPE"') });
  });

  it('names the failure: a missing file, a CSV that cannot be parsed, a refused token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-'));
    const base = { api: context.url, tokenFor: () => 'not-a-token', stateDir: dir };
    const failure = (file: string) =>
      loadRecords({ ...base, file }).then(
        () => undefined,
        (error: unknown) => (error instanceof LoadError ? error.failure : error),
      );
    expect(await failure(join(dir, 'missing.csv'))).toBe('file');
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, `${header}\nit-q,q1,EES,"UNCLOSED,ALI,1985-02-10,M,IRN,,\n`);
    expect(await failure(broken)).toBe('format');
    const good = join(dir, 'good.csv');
    writeFileSync(good, `${header}\n${goodRow(1)}\n`);
    expect(await failure(good)).toBe('token');
  });
});
