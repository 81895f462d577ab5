import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, synthesiseInChildProcess } from './synth';

const PLATFORM = 'EuInterop-test-Platform';
let bundled: Awaited<ReturnType<typeof synthesiseInChildProcess>>;
let withSourceMaps: Awaited<ReturnType<typeof synthesiseInChildProcess>>;
beforeAll(async () => {
  // The one synth of the layer that bundles: esbuild from node_modules, never Docker.
  bundled = await synthesiseInChildProcess({ bundle: true });
  withSourceMaps = await synthesiseInChildProcess({ context: { sourceMaps: 'true' } });
});

const functionsOf = (synthesised: typeof bundled) =>
  Object.values(resourcesOfType(synthesised.template(PLATFORM), 'AWS::Lambda::Function'));
const nodeOptions = (fn: { Properties: Record<string, unknown> }) =>
  (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.NODE_OPTIONS;

describe('bundling', () => {
  it('bundles every function into an ESM handler, offline, without a source map by default', () => {
    const functions = functionsOf(bundled);
    expect(functions.length).toBeGreaterThan(0);
    const assets = bundled.read(`${PLATFORM}.assets.json`) as {
      files: Record<string, { source: { path: string } }>;
    };
    for (const fn of functions) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const source = assets.files[key]?.source.path;
      expect(source, JSON.stringify(fn.Properties.Code)).toBeDefined();
      const dir = join(bundled.outdir, source!);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/handler/);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(false);
      expect(nodeOptions(fn)).toBeUndefined();
    }
  });

  it('starts Node with --enable-source-maps only when asked (context sourceMaps=true)', () => {
    const functions = functionsOf(withSourceMaps);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(nodeOptions(fn)).toBe('--enable-source-maps');
  });
});
