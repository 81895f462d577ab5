import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords, rejectedFileOf } from '../../../local/loader';
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
    const options = { api: context.url, system: 'EURODAC', file, token: eurodac.token, batchSize: 10 };

    const interrupted = await loadRecords({ ...options, maxBatches: 2 });
    expect(interrupted.complete).toBe(false);
    const resumed = await loadRecords(options);
    expect(resumed).toMatchObject({
      total: 33,
      accepted: 30,
      rejected: 3,
      skippedFromEarlierRun: 20,
      complete: true,
    });

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
});
