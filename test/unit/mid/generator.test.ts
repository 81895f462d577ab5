import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bench/linkage';
import { generatePeople } from '../../../local/synthetic/people';

describe('synthetic people', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const first = generatePeople({ people: 300, seed: 7 });
    expect(generatePeople({ people: 300, seed: 7 })).toEqual(first);
    expect(generatePeople({ people: 300, seed: 8 })).not.toEqual(first);
  });

  it('writes the benchmark format: valid dates, alpha-3 nationalities, one system per record of a person', () => {
    const records = generatePeople({ people: 500, seed: 3 });
    const systemsByCluster = new Map<string, string[]>();
    for (const record of records) {
      if (record.dateOfBirth) expect(record.dateOfBirth).toMatch(/^\d{4}-(0\d|1[0-2])-([0-2]\d|3[01])$/);
      for (const code of record.nationality ? record.nationality.split(';') : [])
        expect(code).toMatch(/^[A-Z]{3}$/);
      systemsByCluster.set(record.clusterId, [
        ...(systemsByCluster.get(record.clusterId) ?? []),
        record.system,
      ]);
    }
    for (const systems of systemsByCluster.values()) expect(new Set(systems).size).toBe(systems.length);
    expect(systemsByCluster.size).toBe(500);
    expect(records.length).toBeGreaterThan(800);
  });

  it('varies the records of one person', () => {
    const records = generatePeople({ people: 500, seed: 3 });
    const byCluster = new Map<string, typeof records>();
    for (const record of records)
      byCluster.set(record.clusterId, [...(byCluster.get(record.clusterId) ?? []), record]);
    const varied = [...byCluster.values()].filter(
      (group) => new Set(group.map((r) => `${r.surname}|${r.givenNames}|${r.dateOfBirth}`)).size > 1,
    );
    expect(varied.length).toBeGreaterThan(100);
  });
});

describe('linkage benchmark', () => {
  it('processes garbage rows without crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkage-'));
    const file = join(dir, 'noisy.csv');
    writeFileSync(
      file,
      [
        'record_id,cluster_id,system,surname,given_names,date_of_birth,sex,nationality,place_of_birth,document_number',
        'r1,c1,EES,ALI,HASSAN,1980-05-12,M,SYR,ALEPPO,N1234567',
        'r2,c1,VIS,ALI,HASAN,1980-05-12,M,SYR,,N1234567',
        'r3,c2,NOPE,,,99-99-9999,?,;;;x,"a,b",<<<',
        'r4,c3,SIS,"\u0000\u202e",ÿ,1980-13-45,F,ZZZZ,,',
        'r5,c4',
        ',,,,,,,,,,,,,',
      ].join('\n'),
    );
    const result = (await run({ input: file })) as Record<string, number>;
    expect(result.records).toBe(6);
    expect(result.recall).toBe(1);
    expect(result.precision).toBe(1);
  });
});
