import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildInteropApp, type InteropApp } from '../../lib/app';
import { projectPath } from '../../lib/paths';

export interface SynthesisOptions {
  bundle?: boolean;
  context?: Record<string, unknown>;
}

export interface SynthesisedApp extends InteropApp {
  app: App;
  outdir: string;
  statefulTemplate: Template;
  platformTemplate: Template;
}

/**
 * Builds and synthesises the app as `cdk synth` does (cdk.json's context and feature flags), once
 * per test file. Without `bundle`, the functions are not bundled (CDK's `aws:cdk:bundling-stacks`
 * context, as `cdk synth --exclusively` uses it): the templates are the same, only the asset
 * contents differ, and the layer stays fast. `app.synth()` runs the cdk-nag validation plugin and
 * throws on an unacknowledged error, like the CLI.
 */
export function synthesise(options: SynthesisOptions = {}): SynthesisedApp {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const context: Record<string, unknown> = { ...cdkJson.context, stage: 'test', ...options.context };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const outdir = mkdtempSync(join(tmpdir(), 'interop-cdk-'));
  const app = new App({ context, outdir });
  const built = buildInteropApp(app);
  app.synth();
  return {
    ...built,
    app,
    outdir,
    statefulTemplate: Template.fromStack(built.stateful),
    platformTemplate: Template.fromStack(built.platform),
  };
}

/** The resources of one type in a template, by logical id. */
export function resourcesOfType(template: Template, type: string) {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/**
 * The same synth in a child process, awaited: for a synth that bundles the functions (esbuild runs
 * synchronously, tens of seconds on a loaded machine). In-process, it would block the test worker's
 * event loop for that long, and vitest's worker RPC (`onTaskUpdate`, 60 s timeout, timed in the
 * worker) reports an unhandled error when its reply cannot be read in time, failing a green run.
 */
export async function synthesiseInChildProcess(options: SynthesisOptions = {}) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', projectPath('test/infra/synth-process.ts'), JSON.stringify(options)],
    { cwd: projectPath(), maxBuffer: 64 * 1024 * 1024 },
  );
  const { outdir } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { outdir: string };
  const read = (file: string) => JSON.parse(readFileSync(join(outdir, file), 'utf8'));
  return {
    outdir,
    template: (stackName: string) => Template.fromJSON(read(`${stackName}.template.json`)),
    read,
  };
}
