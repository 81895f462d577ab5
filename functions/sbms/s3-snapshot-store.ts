import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SnapshotStore } from './domain/ports';

/** Shard snapshots as S3 objects (`sbms/snapshots/<shardId>.sbms`), the watermark kept as metadata. */
export class S3SnapshotStore implements SnapshotStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async load(shardId: string): Promise<Uint8Array | undefined> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(shardId) }),
      );
      return result.Body ? await result.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async save(shardId: string, bytes: Uint8Array, watermark: string | undefined): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(shardId),
        Body: bytes,
        Metadata: watermark ? { watermark: encodeURIComponent(watermark) } : undefined,
      }),
    );
  }

  private key(shardId: string): string {
    return `sbms/snapshots/${shardId}.sbms`;
  }
}
