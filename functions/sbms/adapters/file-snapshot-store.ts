import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotStore } from '../domain/ports';

/** Snapshots as files (`<dir>/<shardId>.sbms`), written to a temporary name then renamed, never half-written. */
export class FileSnapshotStore implements SnapshotStore {
  constructor(private readonly directory: string) {}

  async load(shardId: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.path(shardId)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async save(shardId: string, bytes: Uint8Array, _watermark: string | undefined): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const temporary = `${this.path(shardId)}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, this.path(shardId));
  }

  private path(shardId: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(shardId)) throw new Error(`invalid shard id ${shardId}`);
    return join(this.directory, `${shardId}.sbms`);
  }
}
