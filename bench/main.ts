// `npm run bench -- <name> [--flag value ...]`: runs bench/<name>.ts, whose `run(args)` returns the
// result object. Progress goes to stderr; the result is printed as the last stdout line (one JSON object).
import { parseArgs } from './args';

const [name, ...rest] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error(
    'usage: npm run bench -- <name> [--option value ...]  (names: files in bench/ exporting run)',
  );
  process.exit(2);
}
const module = (await import(`./${name}.ts`).catch(() => undefined)) as
  | { run?: (args: Record<string, string>) => Promise<object> }
  | undefined;
if (!module?.run) {
  console.error(`unknown benchmark "${name}"`);
  process.exit(2);
}
const result = await module.run(parseArgs(rest));
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
