import { synthesise } from './synth';

// Run by synthesiseInChildProcess: one synth with the options of argv[2], its cloud assembly
// directory as the last stdout line.
const { outdir } = synthesise(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`${JSON.stringify({ outdir })}\n`);
