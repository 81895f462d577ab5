import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Platform, PlatformOptions } from '../local/platform';
import { freePort } from '../test/support/free-port';

/**
 * Runs `use` against a fresh in-memory local platform with its workers (queue consumers) on, on free
 * ports, and stops it afterwards. The platform module is imported here, after the caller has set the
 * environment it reads when first loaded (log level, consumed-capacity recording).
 */
export async function withBenchPlatform<T>(
  options: Pick<PlatformOptions, 'midConsumers'>,
  use: (platform: Platform) => Promise<T>,
): Promise<T> {
  const { startPlatform } = await import('../local/platform');
  const keyDir = mkdtempSync(join(tmpdir(), 'interop-bench-'));
  try {
    const platform = await startPlatform({
      ...options,
      port: 0,
      dynamoPort: await freePort(),
      sqsPort: await freePort(),
      keyDir,
      prefix: 'bench',
      workers: true,
    });
    try {
      return await use(platform);
    } finally {
      await platform.stop();
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}
