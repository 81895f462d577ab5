// `npm run build:web`: bundles the terminal web app into web/dist (index.html, app.js, app.css, config.json).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import authorities from './portal/authorities.json';
import { authorityDirectorySchema } from './portal/authorities-schema';

const WEB_DIR = dirname(fileURLToPath(import.meta.url));

/** What a deployment writes next to the app: the local platform signs in demo users, AWS uses Cognito. */
export const LOCAL_CONFIG = { apiUrl: '', auth: { kind: 'local-demo' } } as const;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>EU interoperability terminal</title>
    <link rel="stylesheet" href="/app.css" />
  </head>
  <body>
    <noscript>This terminal application needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;

/** The public portal for data subjects (docs/web.md, "Public portal"): no sign-in, its own bundle. */
const PORTAL_HTML = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Your data in the EU border and migration systems</title>
    <link rel="stylesheet" href="/portal/portal.css" />
  </head>
  <body>
    <noscript>This portal needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="module" src="/portal/portal.js"></script>
  </body>
</html>
`;

export async function buildWebApp(options: { outDir?: string; config?: object } = {}): Promise<string> {
  const outDir = options.outDir ?? join(WEB_DIR, 'dist');
  authorityDirectorySchema.parse(authorities);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: {
      app: join(WEB_DIR, 'app', 'main.tsx'),
      'portal/portal': join(WEB_DIR, 'portal', 'main.tsx'),
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    // No source maps: neither the local server nor CloudFront hands out the unminified source.
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(outDir, 'portal', 'index.html'), PORTAL_HTML);
  writeFileSync(join(outDir, 'config.json'), `${JSON.stringify(options.config ?? LOCAL_CONFIG, null, 2)}\n`);
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  // `--out-dir <dir>`: the CDK deployment (lib/constructs/web-hosting.ts) builds into its asset directory.
  const outDirFlag = process.argv.indexOf('--out-dir');
  const outDir = await buildWebApp(outDirFlag > 0 ? { outDir: process.argv[outDirFlag + 1] } : {});
  process.stderr.write(`web app built into ${outDir} in ${Date.now() - started} ms\n`);
}
