import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { localTokenIssuer } from '../../local/auth/tokens';
import { startPlatform } from '../../local/platform';
import { freePort } from '../support/free-port';

/**
 * The integration layer runs the handlers against the embedded emulators: one in-memory platform
 * (DynamoDB Local, the SQS emulator, the API server and the MID consumer) for the whole run.
 */
export default async function setup(project: TestProject) {
  const keyDir = mkdtempSync(join(tmpdir(), 'interop-keys-'));
  await localTokenIssuer(keyDir);
  // ESP source budgets (default 2 s) are generous here: test machines are shared and loaded; budget
  // misses are tested on purpose in test/integration/esp/faults.test.ts.
  process.env.ESP_BUDGET_MS ??= '10000';
  // Every test file calls the public routes from one address; the limit itself is tested on a
  // server of its own (test/integration/rights/rate-limit.test.ts).
  process.env.PUBLIC_RATE_BURST ??= '100000';
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '100000';
  const platform = await startPlatform({
    port: 0,
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    keyDir,
    prefix: 'it',
    workers: true,
  });
  project.provide('platform', { url: platform.url, keyDir, env: { ...platform.env, ...pickAwsEnv() } });
  return async () => {
    await platform.stop();
    rmSync(keyDir, { recursive: true, force: true });
  };
}

function pickAwsEnv(): Record<string, string> {
  const keys = Object.keys(process.env).filter(
    (key) => key.startsWith('AWS_') || key.startsWith('POWERTOOLS_'),
  );
  return Object.fromEntries(keys.map((key) => [key, process.env[key]!]));
}
