// `npm run capacity -- [measure | validate | simulate | report] [--flag value ...]`; without a command,
// the capacity model (`--templates 400e6 --identities 400e6 --searches-per-second N --records-per-day N`).
// Progress goes to stderr; the result is the last stdout line (one JSON object).
import { parseArgs } from '../bench/args';

const [first, ...rest] = process.argv.slice(2);
const command = first?.startsWith('--') ? 'model' : (first ?? 'model');
const args = parseArgs(first?.startsWith('--') ? [first, ...rest] : rest);

const commands: Record<string, () => Promise<object>> = {
  model: async () => (await import('./model-cli')).runModel(args),
  measure: async () => {
    const { file, measured } = await (await import('./measure')).measure();
    return { file, date: measured.date, machine: measured.machine };
  },
  'mid-run': async () => {
    const { measureMid } = await import('./measure-mid');
    const { sampleMemory } = await import('./memory');
    const sampler = sampleMemory();
    const measurement = await measureMid(Number(args.records ?? 400), Number(args.consumers ?? 1));
    return { measurement, memory: sampler.stop() };
  },
  validate: async () => (await import('./validate')).validate(args),
  simulate: async () => (await import('./simulate-cli')).runSimulation(args),
  report: async () => (await import('./report')).report(args),
};

const run = commands[command];
if (!run) {
  console.error(`unknown command "${command}" (commands: ${Object.keys(commands).join(', ')})`);
  process.exit(2);
}
try {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
