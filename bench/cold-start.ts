// `npm run bench -- cold-start [--rounds 9] [--source-maps]`
// Builds the function bundles exactly as `cdk synth` does (the CDK app's NodejsFunction bundling, with
// cdk.json's context), and a baseline bundle (bench/cold-start/minimal.ts: a Powertools Logger and a
// DynamoDB client) through the same FunctionWithLogGroup construct. Then times `import()` of each
// bundle in a fresh Node process with the function's own NODE_OPTIONS and environment, interleaved
// with the baseline (baseline, f1, baseline, f2, ...) so that both see the same machine load.
// Reports per function: bundle size, median CPU time of the import, and its ratio to the baseline's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { buildInteropApp } from '../lib/app';
import { FunctionWithLogGroup } from '../lib/constructs/function-with-log-group';
import { projectPath } from '../lib/paths';
import { numberArg, type Options, progress } from '../local/cli';

export const summary =
  'Cold start of every function: bundles built as cdk synth builds them, import() timed in fresh processes, interleaved with a Logger + DynamoDB client baseline; size and CPU-time ratio per function.';

export const options: Options = {
  rounds: {
    type: 'string',
    value: 'N',
    description: 'imports of each bundle (each after one of the baseline)',
    default: '9',
  },
  'source-maps': {
    type: 'boolean',
    description: 'build with source maps and run with --enable-source-maps (context sourceMaps=true)',
  },
};

const TARGET_BUNDLE_KB = 500;
const TARGET_CPU_RATIO = 1.5;

interface Bundle {
  name: string;
  file: string;
  environment: Record<string, string>;
}

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/** The bundles of every function of a synthesised stack with a POWERTOOLS_SERVICE_NAME. */
function bundlesOf(outdir: string, stackName: string): Bundle[] {
  const read = (file: string) => JSON.parse(readFileSync(join(outdir, file), 'utf8'));
  const template = read(`${stackName}.template.json`) as Template;
  const assets = read(`${stackName}.assets.json`) as { files: Record<string, { source: { path: string } }> };
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function')
    .flatMap(({ Properties }) => {
      const variables = (Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables;
      const name = variables?.POWERTOOLS_SERVICE_NAME;
      if (typeof name !== 'string') return [];
      const key = (Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const dir = assets.files[key]?.source.path;
      if (!dir) throw new Error(`no asset for ${name}`);
      return [{ name, file: join(outdir, dir, 'index.mjs'), environment: plainEnvironment(variables ?? {}) }];
    });
}

/** Deploy-time references (table names, queue URLs) become placeholders: imports only read them. */
function plainEnvironment(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? value
        : name.endsWith('_URL')
          ? `https://example.invalid/${name}`
          : `bench-${name}`,
    ]),
  );
}

function synthesiseFunctions(sourceMaps: boolean): Bundle[] {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const outdir = mkdtempSync(join(tmpdir(), 'interop-cold-start-'));
  const app = new App({ context: { ...cdkJson.context, stage: 'bench', sourceMaps }, outdir });
  const { platform } = buildInteropApp(app);
  app.synth();
  return bundlesOf(outdir, platform.artifactId);
}

function synthesiseBaseline(): Bundle {
  const outdir = mkdtempSync(join(tmpdir(), 'interop-cold-start-baseline-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'ColdStartBaseline');
  new FunctionWithLogGroup(stack, 'Minimal', {
    entry: 'bench/cold-start/minimal.ts',
    serviceName: 'minimal',
    logKey: new Key(stack, 'Key'),
  });
  app.synth();
  const [baseline] = bundlesOf(outdir, stack.artifactId);
  if (!baseline) throw new Error('the baseline bundle was not built');
  return baseline;
}

const IMPORT_TIMER = `
const started = process.cpuUsage();
const wallStart = performance.now();
await import(process.argv[1]);
const cpu = process.cpuUsage(started);
process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStart }));
`;

/** One cold import in a fresh process, as Lambda's runtime does it: the function's environment and NODE_OPTIONS. */
function timeImport(bundle: Bundle): { cpuMs: number; wallMs: number } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', IMPORT_TIMER, bundle.file], {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...bundle.environment,
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import of ${bundle.name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { cpuMs: number; wallMs: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const kb = (file: string) => round1(statSync(file).size / 1024);

export async function run(args: Record<string, string>) {
  const rounds = numberArg(args, 'rounds', 9);
  const sourceMaps = args['source-maps'] === 'true';
  progress(`building the bundles as cdk synth does (sourceMaps=${sourceMaps})`);
  const functions = synthesiseFunctions(sourceMaps);
  const baseline = synthesiseBaseline();
  progress(`${functions.length} functions; ${rounds} rounds, each import interleaved with the baseline`);

  const baselineCpu: number[] = [];
  const samples = new Map(functions.map((fn) => [fn.name, [] as { cpuMs: number; wallMs: number }[]]));
  timeImport(baseline); // warms the file system cache, not counted
  for (let round = 1; round <= rounds; round++) {
    for (const fn of functions) {
      baselineCpu.push(timeImport(baseline).cpuMs);
      samples.get(fn.name)!.push(timeImport(fn));
    }
    progress(`round ${round}/${rounds}`);
  }

  const baselineMs = median(baselineCpu);
  const results = functions.map((fn) => {
    const cpuMs = median(samples.get(fn.name)!.map((s) => s.cpuMs));
    const sizeKb = kb(fn.file);
    const ratio = Math.round((cpuMs / baselineMs) * 100) / 100;
    return {
      function: fn.name,
      bundleKb: sizeKb,
      importCpuMs: round1(cpuMs),
      importWallMs: round1(median(samples.get(fn.name)!.map((s) => s.wallMs))),
      cpuRatio: ratio,
      meetsTargets: sizeKb <= TARGET_BUNDLE_KB && ratio <= TARGET_CPU_RATIO,
    };
  });
  return {
    benchmark: 'cold-start',
    node: process.version,
    rounds,
    sourceMaps,
    targets: { bundleKb: TARGET_BUNDLE_KB, cpuRatio: TARGET_CPU_RATIO },
    baseline: { bundleKb: kb(baseline.file), importCpuMs: round1(baselineMs) },
    functions: results,
    allMeetTargets: results.every((r) => r.meetsTargets),
    maxBundleKb: Math.max(...results.map((r) => r.bundleKb)),
    maxCpuRatio: Math.max(...results.map((r) => r.cpuRatio)),
  };
}
