// `npm run generate -- --people N --seed S --out FILE`: synthetic third-country-national records in
// the linkage benchmark CSV format (docs/mid-matching.md). Defaults: 5000 people, seed 1, stdout.
import { writeFileSync } from 'node:fs';
import { numberArg, parseCommandLineOrExit, progress } from '../local/cli';
import { syntheticRow } from '../local/record-rows';
import { generatePeople, type SyntheticRecord } from '../local/synthetic/people';
import { CSV_HEADER } from './linkage-data';

export const DEFAULT_PEOPLE = 5000;
export const DEFAULT_SEED = 1;

/**
 * Record ids of a generated file start with this, so that they never meet the demo data's (plain
 * `R00000001`, seeded by `npm start`) nor another seed's file on the same platform.
 */
export const idPrefixOf = (seed: number) => `G${seed}-`;

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

const { values: args } = parseCommandLineOrExit({
  command: 'npm run generate --',
  summary:
    'Writes synthetic third-country-national records across the origin systems as CSV (record_id, cluster_id, system, ...), the format of `npm run load` and `npm run bench -- linkage`.',
  options: {
    people: {
      type: 'string',
      value: 'N',
      description: 'persons to generate',
      default: String(DEFAULT_PEOPLE),
    },
    seed: {
      type: 'string',
      value: 'S',
      description: 'random seed (same seed, same file)',
      default: String(DEFAULT_SEED),
    },
    prefix: {
      type: 'string',
      value: 'TEXT',
      description: 'record id prefix, so that ids never collide with the demo data',
      default: 'G<seed>-',
    },
    out: { type: 'string', value: 'FILE', description: 'output file', default: 'stdout' },
  },
  notes: ['example: npm run generate -- --people 300 --out p.csv && npm run load -- --file p.csv'],
});
const people = numberArg(args, 'people', DEFAULT_PEOPLE);
const seed = numberArg(args, 'seed', DEFAULT_SEED);
const prefix = args.prefix ?? idPrefixOf(seed);
const records = generatePeople({ people, seed }).map((record) => ({
  ...record,
  recordId: `${prefix}${record.recordId}`,
}));
const csv = toCsv(records);
if (args.out) {
  writeFileSync(args.out, csv);
  progress(
    `generate: ${people} people, ${records.length} records, seed ${seed}, ids ${prefix}... -> ${args.out}`,
  );
} else process.stdout.write(csv);
