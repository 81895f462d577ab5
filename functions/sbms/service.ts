import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { tracer } from '../shared/powertools';
import { FileSnapshotStore } from './adapters/file-snapshot-store';
import { InMemorySnapshotStore } from './adapters/in-memory-snapshot-store';
import { DEFAULT_CALIBRATION } from './domain/calibration';
import { DEFAULT_SBMS_CONFIG } from './domain/config';
import { createScoreFusion } from './domain/fusion';
import { identify, type Verification, verify } from './domain/matcher';
import type { SnapshotStore } from './domain/ports';
import type { Candidate, Probe, SearchOptions, TemplateRef } from './domain/types';
import { type InProcessGallery, shardIds, shardOfRecord, startInProcessGallery } from './gallery';
import { LambdaShardClient, shardFunctionName } from './lambda-shard-client';
import { S3SnapshotStore } from './s3-snapshot-store';
import { DynamoTemplateFeed } from './template-feed';

/** Snapshot once this many changes have been applied since the last one (cold starts stay short). */
export const SNAPSHOT_AFTER_CHANGES = 1000;

export interface SbmsService {
  identify(probe: Probe, options: SearchOptions): Promise<Candidate[]>;
  verify(probe: Probe, ref: TemplateRef, threshold?: number): Promise<Verification | undefined>;
  saveSnapshots(): Promise<void>;
}

export const fusion = createScoreFusion(DEFAULT_CALIBRATION);
export const thresholds = DEFAULT_CALIBRATION.thresholds;

let service: Promise<SbmsService> | undefined;

/** The sBMS of this process, started on first use: shards loaded from snapshots, then caught up. */
export function sbmsService(): Promise<SbmsService> {
  service ??= startService().catch((error: unknown) => {
    service = undefined;
    throw error;
  });
  return service;
}

export const shardOfFile = () => shardOfRecord(loadConfig().SBMS_SHARDS);

async function startService(): Promise<SbmsService> {
  const config = loadConfig();
  const feed = new DynamoTemplateFeed(dynamo, config.CIR_TABLE);
  // With a shard function, shards live in their own function instances; without, in this process.
  if (config.SBMS_SHARD_FUNCTION) return lambdaService(config.SBMS_SHARDS, config.SBMS_SHARD_FUNCTION, feed);
  const gallery: InProcessGallery = await startInProcessGallery({
    shardCount: config.SBMS_SHARDS,
    config: DEFAULT_SBMS_CONFIG,
    fusion,
    snapshots: snapshotStore(config),
    feed,
  });
  const snapshotIfDue = async () => {
    if (gallery.runtimes.some((runtime) => runtime.unsavedChanges >= SNAPSHOT_AFTER_CHANGES)) {
      await gallery.saveSnapshots();
    }
  };
  return {
    async identify(probe, options) {
      const candidates = await identify(gallery.shards, probe, options);
      await snapshotIfDue();
      return candidates;
    },
    async verify(probe, ref, threshold = thresholds.verify) {
      const enrolled = await feed.get(ref);
      return enrolled ? verify(probe, enrolled, fusion, threshold) : undefined;
    },
    saveSnapshots: () => gallery.saveSnapshots(),
  };
}

/** The sBMS fanning out to shard worker functions; each worker saves its own snapshots. */
function lambdaService(shardCount: number, functionName: string, feed: DynamoTemplateFeed): SbmsService {
  const lambda = tracer.captureAWSv3Client(new LambdaClient({}));
  const shards = shardIds(shardCount).map(
    (shardId) => new LambdaShardClient(lambda, shardFunctionName(functionName, shardId), shardId),
  );
  return {
    identify: (probe, options) => identify(shards, probe, options),
    async verify(probe, ref, threshold = thresholds.verify) {
      const enrolled = await feed.get(ref);
      return enrolled ? verify(probe, enrolled, fusion, threshold) : undefined;
    },
    saveSnapshots: async () => undefined,
  };
}

function snapshotStore(config: ReturnType<typeof loadConfig>): SnapshotStore {
  if (config.SBMS_SNAPSHOT_BUCKET) return new S3SnapshotStore(new S3Client({}), config.SBMS_SNAPSHOT_BUCKET);
  if (config.SBMS_SNAPSHOT_DIR) return new FileSnapshotStore(config.SBMS_SNAPSHOT_DIR);
  return new InMemorySnapshotStore();
}
