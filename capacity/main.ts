// `npm run capacity -- [measure | validate | simulate | report] [--flag value ...]`; without a command,
// the capacity model (`--templates 400e6 --identities 400e6 --searches-per-second N --records-per-day N`).
// Progress goes to stderr; the result is the last stdout line (one JSON object).
import { type CommandSpec, exitWithUsageError, type Options, parseCommandLineOrExit } from '../local/cli';

const DATA_FILES: Options = {
  measured: {
    type: 'string',
    value: 'FILE',
    description: 'measured file',
    default: 'the latest in capacity/measured',
  },
  arrivals: {
    type: 'string',
    value: 'FILE',
    description: 'arrival curve of the peak day',
    default: 'capacity/data',
  },
};
const MODEL: Options = {
  ...DATA_FILES,
  limits: { type: 'string', value: 'FILE', description: 'AWS limits', default: 'capacity/data' },
  prices: { type: 'string', value: 'FILE', description: 'AWS prices', default: 'capacity/data' },
  templates: {
    type: 'string',
    value: 'N',
    description: 'biometric templates in the sBMS (required for the model)',
  },
  identities: { type: 'string', value: 'N', description: 'identities in the CIR (required for the model)' },
  'searches-per-second': { type: 'string', value: 'N', description: 'sBMS searches per second at peak' },
  'records-per-day': { type: 'string', value: 'N', description: 'records ingested per day' },
  'peak-factor': {
    type: 'string',
    value: 'F',
    description: 'busiest hour over the mean hour',
    default: 'from --arrivals',
  },
  'consultations-per-day': {
    type: 'string',
    value: 'N',
    description: 'Art 22 consultations per day',
    default: '10000',
  },
  headroom: { type: 'string', value: 'F', description: 'spare share of every limit', default: '0.2' },
  'invoke-ms': { type: 'string', value: 'MS', description: 'Lambda invoke overhead per shard', default: '0' },
  'function-memory-mb': {
    type: 'string',
    value: 'MB',
    description: 'memory of the non-shard functions',
    default: '1024',
  },
  trials: { type: 'string', value: 'N', description: 'Monte Carlo trials', default: '20000' },
  seed: { type: 'string', value: 'S', description: 'random seed', default: '1' },
};

const COMMANDS: Record<
  string,
  { summary: string; options: Options; run: (args: Record<string, string>) => Promise<object> }
> = {
  model: {
    summary: 'The capacity model for a workload: shards, concurrency, DynamoDB hot keys, cost.',
    options: MODEL,
    run: async (args) => (await import('./model-cli')).runModel(args),
  },
  measure: {
    summary: 'Measures shard search times, memory and MID read units on this machine into capacity/measured.',
    options: {},
    run: async () => {
      const { file, measured } = await (await import('./measure')).measure();
      return { file, date: measured.date, machine: measured.machine };
    },
  },
  'mid-run': {
    summary: 'One bench mid run with its memory (the measure command runs it in a child process).',
    options: {
      records: { type: 'string', value: 'N', description: 'records', default: '400' },
      consumers: { type: 'string', value: 'N', description: 'MID queue batches at once', default: '1' },
    },
    run: async (args) => {
      const { measureMid } = await import('./measure-mid');
      const { sampleMemory } = await import('./memory');
      const sampler = sampleMemory();
      const measurement = await measureMid(Number(args.records ?? 400), Number(args.consumers ?? 1));
      return { measurement, memory: sampler.stop() };
    },
  },
  validate: {
    summary: 'Fits the model on small measured sizes and compares its predictions with larger measured ones.',
    options: {
      probes: { type: 'string', value: 'N', description: 'searches per shard size' },
      'skip-mid': { type: 'boolean', description: 'leave the MID runs out' },
    },
    run: async (args) => (await import('./validate')).validate(args),
  },
  simulate: {
    summary: 'The peak-day simulation of MID checks and the yellow-link verification queue.',
    options: {
      ...DATA_FILES,
      verifiers: {
        type: 'string',
        value: 'N',
        description: 'verifiers per hour',
        default: 'from --arrivals',
      },
      'verification-minutes': {
        type: 'string',
        value: 'MIN',
        description: 'minutes per verification',
        default: 'from --arrivals',
      },
      consumers: { type: 'string', value: 'N', description: 'MID consumers', default: '100' },
      'bucket-minutes': { type: 'string', value: 'MIN', description: 'reporting bucket', default: '15' },
      seed: { type: 'string', value: 'S', description: 'random seed', default: '1' },
    },
    run: async (args) => (await import('./simulate-cli')).runSimulation(args),
  },
  report: {
    summary:
      'The 400-million run, a sweep over gallery sizes and the peak-day simulation, written to docs/capacity/.',
    options: {
      ...MODEL,
      consumers: { type: 'string', value: 'N', description: 'MID consumers of the simulation' },
    },
    run: async (args) => (await import('./report')).report(args),
  },
};

const MAIN: CommandSpec = {
  command: 'npm run capacity --',
  positionals: `[${Object.keys(COMMANDS).join(' | ')}]`,
  summary: `${COMMANDS.model!.summary} \`npm run capacity -- <command> --help\` lists a command's options.`,
  notes: [
    'commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`),
  ],
  options: MODEL,
};

const [first, ...rest] = process.argv.slice(2);
const name = first === undefined || first.startsWith('--') ? 'model' : first;
const command = COMMANDS[name];
if (!command)
  exitWithUsageError(MAIN, `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
const { values, positionals } = parseCommandLineOrExit(
  name === 'model'
    ? MAIN
    : { command: `npm run capacity -- ${name}`, summary: command.summary, options: command.options },
  first === undefined || first.startsWith('--') ? process.argv.slice(2) : rest,
);
if (positionals.length) exitWithUsageError(MAIN, `unknown command "${positionals[0]}" after the options`);
try {
  process.stdout.write(`${JSON.stringify(await command.run(values))}\n`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
