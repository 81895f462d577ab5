import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/free-port';

const START_TIMEOUT_MS = 240_000;

/**
 * One source of the ESP is down for the whole e2e run (a SIRENE search shows it unavailable while the
 * others answer); profiles without EUROPOL are unaffected.
 */
export const E2E_ESP_FAULTS = { EUROPOL: { errorRate: 1 } };

/**
 * The e2e layer talks HTTP to the local platform exactly as a user starts it (`local/main.ts`, the
 * `npm start` entry point, which also builds the web app), in a temporary data directory on free
 * ports, with a small demo seed.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'interop-e2e-'));
  const port = await freePort();
  const shell = {
    LOCAL_DATA_DIR: dataDir,
    PORT: String(port),
    DYNAMODB_PORT: String(await freePort()),
    SQS_PORT: String(await freePort()),
  };
  const child: ChildProcess = spawn('npx', ['tsx', 'local/main.ts'], {
    env: {
      ...process.env,
      ...shell,
      DEMO_PEOPLE: process.env.E2E_DEMO_PEOPLE ?? '40',
      ESP_FAULTS: JSON.stringify(E2E_ESP_FAULTS),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`local platform not up in time:\n${output.slice(-3000)}`)),
      START_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes('is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stdout?.resume();
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local platform exited (${code}) before it was up:\n${output.slice(-3000)}`));
    });
  });
  await ready;
  project.provide('platform', {
    url: `http://localhost:${port}`,
    keyDir: join(dataDir, 'keys'),
    env: {},
    shell,
  });
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    signalGroup(child, 'SIGKILL');
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Signals the platform's whole process group (npx, tsx, node, Java); it may already be gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
