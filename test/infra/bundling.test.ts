import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, type SynthesisedApp, synthesise } from './synth';

let built: SynthesisedApp;
beforeAll(() => {
  // The one synth of the layer that bundles: esbuild from node_modules, never Docker.
  built = synthesise({ bundle: true });
});

describe('bundling', () => {
  it('bundles every function into an ESM handler with a source map, offline', () => {
    const functions = resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThan(0);
    const assets = JSON.parse(
      readFileSync(join(built.outdir, `${built.platform.artifactId}.assets.json`), 'utf8'),
    ) as { files: Record<string, { source: { path: string } }> };
    for (const fn of Object.values(functions)) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const source = assets.files[key]?.source.path;
      expect(source, JSON.stringify(fn.Properties.Code)).toBeDefined();
      const dir = join(built.outdir, source!);
      expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/handler/);
    }
  });
});
