import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, synthesiseInChildProcess } from './synth';

const PLATFORM = 'EuInterop-test-Platform';
let synthesised: Awaited<ReturnType<typeof synthesiseInChildProcess>>;
beforeAll(async () => {
  // The one synth of the layer that bundles: esbuild from node_modules, never Docker.
  synthesised = await synthesiseInChildProcess({ bundle: true });
});

describe('bundling', () => {
  it('bundles every function into an ESM handler with a source map, offline', () => {
    const functions = resourcesOfType(synthesised.template(PLATFORM), 'AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThan(0);
    const assets = synthesised.read(`${PLATFORM}.assets.json`) as {
      files: Record<string, { source: { path: string } }>;
    };
    for (const fn of Object.values(functions)) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const source = assets.files[key]?.source.path;
      expect(source, JSON.stringify(fn.Properties.Code)).toBeDefined();
      const dir = join(synthesised.outdir, source!);
      expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/handler/);
    }
  });
});
