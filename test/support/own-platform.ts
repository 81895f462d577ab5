import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Platform, type PlatformOptions, startPlatform } from '../../local/platform';
import { freePort } from './free-port';

/**
 * A platform of the test file's own, started before its tests and stopped after them: emulators on free
 * ports and a temporary directory for the token key, or with `onDisk` for DynamoDB's data as well (which
 * then survives a restart of DynamoDB Local). Returns an accessor for the running platform.
 */
export function ownPlatform(
  name: string,
  options: Pick<PlatformOptions, 'workers' | 'midConsumers' | 'wrapConsumer'> & { onDisk?: boolean } = {},
): () => Platform {
  let platform: Platform | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    const { onDisk, ...platformOptions } = options;
    dir = mkdtempSync(join(tmpdir(), `interop-${name}-`));
    platform = await startPlatform({
      ...platformOptions,
      port: 0,
      dynamoPort: await freePort(),
      sqsPort: await freePort(),
      prefix: name,
      ...(onDisk ? { dataDir: dir } : { keyDir: dir }),
    });
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!platform) throw new Error(`the ${name} platform is not running`);
    return platform;
  };
}
