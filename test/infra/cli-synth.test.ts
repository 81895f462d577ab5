import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/paths';

const run = promisify(execFile);
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The environment a user has, without any AWS setting of this machine's or the test runner's. */
function userEnvironment(aws: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AWS_|CDK_|VITEST|NODE_OPTIONS$)/.test(name)) env[name] = value;
  }
  // A home of its own: no ~/.aws/config region, as on a machine where none is configured.
  const home = mkdtempSync(join(tmpdir(), 'interop-cli-home-'));
  scratch.push(home);
  return { ...env, HOME: home, ...aws };
}

/**
 * `npx cdk synth` as a child process, the way `npm run synth` and `cdk deploy` run it: the CLI
 * always gives the app an environment (its own default region where none is configured), so
 * cdk-nag findings carry concrete regions and accounts that an in-process synth never sees.
 */
async function cliSynth(aws: Record<string, string>) {
  const outdir = mkdtempSync(join(tmpdir(), 'interop-cli-synth-'));
  scratch.push(outdir);
  const result = await run('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
    cwd: PROJECT_ROOT,
    env: userEnvironment(aws),
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8').toString()) as {
    artifacts: Record<string, { type: string; environment?: string }>;
  };
  const environments = Object.values(manifest.artifacts)
    .filter((artifact) => artifact.type === 'aws:cloudformation:stack')
    .map((artifact) => artifact.environment);
  return {
    code: 'code' in result ? (result.code ?? 0) : 0,
    output: `${result.stdout}${result.stderr}`,
    environments,
  };
}

// Each synth bundles every function in a child process (it never blocks the test worker): ~25 s on
// a quiet machine, several minutes on a loaded one, hence a longer limit than the layer's.
const SYNTH_TIMEOUT_MS = 600_000;

describe('cdk synth from the CLI, with cdk-nag', () => {
  it.each([
    ['eu-west-1', { CDK_DEFAULT_REGION: 'eu-west-1', AWS_REGION: 'eu-west-1' }],
    ['eu-central-1', { AWS_REGION: 'eu-central-1' }],
  ])(
    'passes with the region set to %s and an account',
    async (region, aws) => {
      const synth = await cliSynth({ ...aws, CDK_DEFAULT_ACCOUNT: '123456789012' });
      expect(synth.output).not.toMatch(/AwsSolutions-\w+/);
      expect(synth.code, synth.output).toBe(0);
      // The stacks were synthesised for that environment, so the findings carried its names.
      expect(synth.environments.length).toBeGreaterThan(0);
      for (const environment of synth.environments) expect(environment).toBe(`aws://123456789012/${region}`);
    },
    SYNTH_TIMEOUT_MS,
  );

  it(
    'passes with no region configured anywhere',
    async () => {
      const synth = await cliSynth({});
      expect(synth.output).not.toMatch(/AwsSolutions-\w+/);
      expect(synth.code, synth.output).toBe(0);
    },
    SYNTH_TIMEOUT_MS,
  );
});
