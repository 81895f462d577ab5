// The command-line convention of every command (`npm run token|load|generate|audit:verify|bench|capacity`):
// flags parsed by node:util parseArgs in strict mode, an unknown flag refused with the known ones,
// `--help` printing the usage, defaults following the PORT and DYNAMODB_PORT of `npm start`.
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder of the value in the usage (`FILE`, `N`); strings only. */
  value?: string;
  /** The default as the usage shows it; the command applies it. */
  default?: string;
}

export type Options = Record<string, OptionSpec>;

export interface CommandSpec {
  /** How a user types it, e.g. `npm run load --`. */
  command: string;
  /** Positional arguments in the usage line, e.g. `<name>`; none are accepted without it. */
  positionals?: string;
  summary: string;
  options: Options;
  /** Lines printed after the options (examples, environment). */
  notes?: readonly string[];
}

export interface ParsedCommandLine {
  /** Given flags by name; a boolean flag given is `"true"`. */
  values: Record<string, string>;
  positionals: string[];
}

export class UsageError extends Error {}

const HELP: OptionSpec = { type: 'boolean', description: 'print this usage and exit' };

/** The usage text of a command: synopsis, summary, one line per option with its default. */
export function usage(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, help: HELP });
  const flag = ([name, option]: [string, OptionSpec]) =>
    `--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
  const width = Math.max(...options.map((entry) => flag(entry).length));
  const lines = options.map(
    (entry) =>
      `  ${flag(entry).padEnd(width)}  ${entry[1].description}${entry[1].default === undefined ? '' : ` (default: ${entry[1].default})`}`,
  );
  return [
    `usage: ${spec.command}${spec.positionals ? ` ${spec.positionals}` : ''} [options]`,
    '',
    spec.summary,
    '',
    'options:',
    ...lines,
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
  ].join('\n');
}

/**
 * Parses the arguments strictly. Throws `UsageError` naming the bad flag and the known ones;
 * `--help` is returned as `values.help === "true"` (see `parseCommandLineOrExit`).
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedCommandLine {
  const known: Options = { ...spec.options, help: HELP };
  const knownList = Object.keys(known)
    .map((name) => `--${name}`)
    .join(', ');
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(known).map(([name, option]) => [name, { type: option.type }]),
      ),
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
      const name = flag.replace(/^-+/, '');
      const close = Object.keys(known).find((option) => near(name, option));
      throw new UsageError(
        `unknown option ${flag}${close ? ` (did you mean --${close}?)` : ''}; known options: ${knownList}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(--?[a-z0-9-]+)/i.exec((error as Error).message)?.[1] ?? 'an option';
      const option = known[flag.replace(/^-+/, '')];
      throw new UsageError(
        option?.type === 'boolean'
          ? `${flag} takes no value`
          : `${flag} needs a value (${flag} ${option?.value ?? 'VALUE'})`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`${(error as Error).message.split('.')[0]}; options start with --`);
    throw error;
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value !== undefined && value !== false) values[name] = String(value);
  }
  return { values, positionals: parsed.positionals };
}

/** Same-looking flags: one a prefix of the other, or one letter apart (`--profil` for `--profile`). */
function near(given: string, option: string): boolean {
  if (!given) return false;
  if (option.startsWith(given) || given.startsWith(option)) return true;
  if (Math.abs(given.length - option.length) > 1) return false;
  let i = 0;
  while (i < given.length && given[i] === option[i]) i++;
  const rest = (s: string, skip: number) => s.slice(i + skip);
  return (
    rest(given, 1) === rest(option, 1) ||
    rest(given, 1) === rest(option, 0) ||
    rest(given, 0) === rest(option, 1)
  );
}

/** For a command's entry point: prints the usage on --help (exit 0) or a usage error (exit 2). */
export function parseCommandLineOrExit(spec: CommandSpec, argv = process.argv.slice(2)): ParsedCommandLine {
  try {
    const parsed = parseCommandLine(spec, argv);
    if (parsed.values.help) {
      process.stdout.write(usage(spec));
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    exitWithUsageError(spec, error.message);
  }
}

export function exitWithUsageError(spec: CommandSpec, message: string): never {
  process.stderr.write(
    `${spec.command.replace(/ --$/, '')}: ${message}\n(${spec.command} --help for usage)\n`,
  );
  process.exit(2);
}

export function numberArg(args: Record<string, string>, key: string, fallback: number): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${key} must be a number, got "${raw}"`);
  return value;
}

/** Progress lines for long runs go to stderr so that stdout keeps only the result. */
export function progress(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** The API of `npm start` on this machine: the same PORT variable. */
export const localApiUrl = () => `http://localhost:${process.env.PORT ?? 3000}`;

/** DynamoDB Local of `npm start` on this machine: the same DYNAMODB_PORT variable. */
export const localDynamoEndpoint = () => `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;

/** Whether an error (fetch's, the AWS SDK's, or one wrapping it) is a refused or unreachable connection. */
export function isConnectionRefused(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).name;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') return true;
    if (cause instanceof AggregateError && cause.errors.some(isConnectionRefused)) return true;
  }
  return false;
}

/** What to say when nothing answers where a command looked for the platform. */
export function notRunningMessage(what: string, url: string, flag: string): string {
  return [
    `nothing answers at ${url} (the ${what} of the local platform)`,
    'start the platform first with `npm start` (PORT=... DYNAMODB_PORT=... for other ports; the commands',
    `follow the same variables), or pass ${flag} to reach another one`,
  ].join('\n');
}
