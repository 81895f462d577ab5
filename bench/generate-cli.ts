// `npm run generate -- --people N --seed S --out FILE`: synthetic third-country-national records in
// the linkage benchmark CSV format (docs/mid-matching.md). Defaults: 5000 people, seed 1, stdout.
import { writeFileSync } from 'node:fs';
import { syntheticRow } from '../local/record-rows';
import { generatePeople, type SyntheticRecord } from '../local/synthetic/people';
import { numberArg, parseArgs, progress } from './args';
import { CSV_HEADER } from './linkage-data';

export const DEFAULT_PEOPLE = 5000;
export const DEFAULT_SEED = 1;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(records: readonly SyntheticRecord[]): string {
  const lines = records.map((record) => {
    const row = syntheticRow(record);
    return CSV_HEADER.map((column) => csvField(row[column] ?? '')).join(',');
  });
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}

const args = parseArgs(process.argv.slice(2));
const people = numberArg(args, 'people', DEFAULT_PEOPLE);
const seed = numberArg(args, 'seed', DEFAULT_SEED);
const records = generatePeople({ people, seed });
const csv = toCsv(records);
if (args.out) {
  writeFileSync(args.out, csv);
  progress(`generate: ${people} people, ${records.length} records, seed ${seed} -> ${args.out}`);
} else process.stdout.write(csv);
