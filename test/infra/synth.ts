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
 *
 * Call it at the top level of a test file, not in `beforeAll`: it is synchronous for seconds (over a
 * minute on a loaded machine), and vitest's worker RPC times out after 60 s, timed in the worker. A
 * reply to an `onTaskUpdate` sent just before a long synchronous stretch is read only after the
 * timer fired, and the run fails with `Timeout calling "onTaskUpdate"` though every test passed.
 * While the file is collected, no RPC is in flight.
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
 * The same synth in a child process, awaited (the worker's event loop stays free): for tests that
 * read only the cloud assembly, such as the synths that bundle every function.
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
