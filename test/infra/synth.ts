import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildInteropApp, type InteropApp } from '../../lib/app';
import { projectPath } from '../../lib/paths';

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
export function synthesise(
  options: { bundle?: boolean; context?: Record<string, unknown> } = {},
): SynthesisedApp {
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
