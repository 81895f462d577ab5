import type { SnapshotStore } from '../domain/ports';

export class InMemorySnapshotStore implements SnapshotStore {
  readonly saved = new Map<string, { bytes: Uint8Array; watermark: string | undefined }>();

  async load(shardId: string): Promise<Uint8Array | undefined> {
    return this.saved.get(shardId)?.bytes;
  }

  async save(shardId: string, bytes: Uint8Array, watermark: string | undefined): Promise<void> {
    this.saved.set(shardId, { bytes: bytes.slice(), watermark });
  }
}
