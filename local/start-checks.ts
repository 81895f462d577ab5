// What `npm start` checks before it builds or starts anything: another instance on the same data,
// the ports it needs, Java for DynamoDB Local. Each refusal says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class StartRefused extends Error {}

/** The process listening on a TCP port, as `pid 1234 (java -jar DynamoDBLocal.jar ...)`, when it can be found. */
export function portHolder(port: number): string | undefined {
  return process.platform === 'linux' ? linuxPortHolder(port) : lsofPortHolder(port);
}

function linuxPortHolder(port: number): string | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address "0100007F:0BB8", state 0A = LISTEN, inode in column 10
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return describeProcess(pid);
    }
  }
  return 'a process of another user';
}

function describeProcess(pid: string): string {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return `pid ${pid} (${command.length > 120 ? `${command.slice(0, 117)}...` : command})`;
  } catch {
    return `pid ${pid}`;
  }
}

function lsofPortHolder(port: number): string | undefined {
  try {
    const out = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { encoding: 'utf8' });
    const pid = /^p(\d+)/m.exec(out)?.[1];
    const command = /^c(.+)$/m.exec(out)?.[1];
    return pid ? `pid ${pid}${command ? ` (${command})` : ''}` : undefined;
  } catch {
    return undefined;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** Refuses, naming each taken port, its variable and the process holding it. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const taken: string[] = [];
  for (const [variable, port] of Object.entries(ports)) {
    if (await isFree(port)) continue;
    const holder = portHolder(port);
    taken.push(`  port ${port} (${variable}) is in use${holder ? ` by ${holder}` : ''}`);
  }
  if (taken.length)
    throw new StartRefused(
      [
        'cannot start: a port the platform needs is taken',
        ...taken,
        'stop that process, or choose other ports, e.g. PORT=3100 DYNAMODB_PORT=8100 SQS_PORT=9400 npm start',
      ].join('\n'),
    );
}

/**
 * One `npm start` per data directory: a second one is refused before it rebuilds or starts anything.
 * The lock holds the pid; a lock whose process has gone (a crash, kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'platform.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid))
      throw new StartRefused(
        [
          `cannot start: another npm start (pid ${pid}) is running with the data in ${dataDir}`,
          `stop it first (Ctrl-C in its terminal, or kill ${pid}), or give this one other data and ports:`,
          '  LOCAL_DATA_DIR=/tmp/interop-2 PORT=3100 DYNAMODB_PORT=8100 SQS_PORT=9400 npm start',
        ].join('\n'),
      );
  }
  writeFileSync(lock, `${process.pid}\n`);
  return () => {
    if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
