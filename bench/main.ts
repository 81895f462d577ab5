// `npm run bench -- <name> [--flag value ...]`: runs bench/<name>.ts, whose `run(args)` returns the
// result object and whose `options` declares its flags (parsed strictly: an unknown flag is refused).
// Progress goes to stderr; the result is printed as the last stdout line (one JSON object).
import { readdirSync } from 'node:fs';
import { type CommandSpec, exitWithUsageError, type Options, parseCommandLineOrExit } from '../local/cli';

interface Benchmark {
  run?: (args: Record<string, string>) => Promise<object>;
  options?: Options;
  summary?: string;
}

const load = (name: string) =>
  import(`./${name}.ts`).catch(() => undefined) as Promise<Benchmark | undefined>;

async function benchmarkNames(): Promise<string[]> {
  const names = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.ts') && file !== 'main.ts' && !file.endsWith('-cli.ts'))
    .map((file) => file.slice(0, -3));
  const modules = await Promise.all(names.map(load));
  return names.filter((_, i) => typeof modules[i]?.run === 'function');
}

const MAIN: CommandSpec = {
  command: 'npm run bench --',
  positionals: '<name>',
  summary:
    'Runs a benchmark: progress on stderr, one JSON object as the last stdout line. `npm run bench -- <name> --help` lists its options.',
  options: {},
};

const [name, ...rest] = process.argv.slice(2);
if (!name || name.startsWith('-')) {
  if (name === '--help')
    parseCommandLineOrExit({ ...MAIN, notes: [`benchmarks: ${(await benchmarkNames()).join(', ')}`] }, [
      name,
    ]);
  exitWithUsageError(MAIN, `name a benchmark: ${(await benchmarkNames()).join(', ')}`);
}
const module = /^[a-z][a-z0-9-]*$/.test(name) ? await load(name) : undefined;
if (!module?.run)
  exitWithUsageError(
    MAIN,
    `unknown benchmark "${name}" (benchmarks: ${(await benchmarkNames()).join(', ')})`,
  );
const { values } = parseCommandLineOrExit(
  {
    command: `npm run bench -- ${name}`,
    summary: module.summary ?? `The ${name} benchmark.`,
    options: module.options ?? {},
  },
  rest,
);
const result = await module.run(values);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
