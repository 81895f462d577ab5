import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { originSystemSchema } from '../shared/schemas/record';
import type { ShardClient } from './domain/ports';
import {
  type Candidate,
  isModalityKey,
  type ModalityKey,
  type Probe,
  type SearchOptions,
} from './domain/types';

/** What the shard worker is invoked with: one shard's search, the probe as base64 float32 per modality. */
export const shardSearchEventSchema = z.strictObject({
  shardId: z.string().regex(/^shard-\d{4}$/),
  probe: z
    .record(
      z.string(),
      z
        .string()
        .max(16_384)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    )
    .refine((probe) => Object.keys(probe).length > 0 && Object.keys(probe).every(isModalityKey), {
      message: 'modality keys FACE or FP01..FP10, at least one',
    }),
  options: z.strictObject({
    topK: z.number().int().min(1).max(1000),
    threshold: z.number().finite().optional(),
    systems: z.array(originSystemSchema).max(6).optional(),
  }),
});
export type ShardSearchEvent = z.infer<typeof shardSearchEventSchema>;

export interface ShardSearchReply {
  shardId: string;
  candidates: Candidate[];
}

export function encodeProbe(probe: Probe): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [modality, vector] of Object.entries(probe) as [ModalityKey, Float32Array][]) {
    encoded[modality] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
  }
  return encoded;
}

export function decodeProbe(encoded: Record<string, string>): Probe {
  const probe: Probe = {};
  for (const [modality, base64] of Object.entries(encoded)) {
    const bytes = Buffer.from(base64, 'base64');
    if (!isModalityKey(modality) || bytes.byteLength % 4 !== 0)
      throw new Error(`malformed probe ${modality}`);
    // copy: a Buffer's offset in its pool need not be 4-byte aligned
    const vector = new Float32Array(bytes.byteLength / 4);
    new Uint8Array(vector.buffer).set(bytes);
    probe[modality] = vector;
  }
  return probe;
}

/** A shard searched by invoking the shard worker function (functions/sbms/shard-worker.ts) synchronously. */
export class LambdaShardClient implements ShardClient {
  constructor(
    private readonly lambda: Pick<LambdaClient, 'send'>,
    private readonly functionName: string,
    readonly shardId: string,
  ) {}

  async search(probe: Probe, options: SearchOptions): Promise<Candidate[]> {
    const event: ShardSearchEvent = {
      shardId: this.shardId,
      probe: encodeProbe(probe),
      options: { topK: options.topK, threshold: options.threshold, systems: options.systems?.slice() },
    };
    const result = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
    // A failing shard fails the search (matcher.ts): an incomplete 1:N answer would read as "no match".
    if (result.FunctionError || !result.Payload) {
      throw new Error(`sBMS ${this.shardId}: shard worker failed (${result.FunctionError ?? 'no payload'})`);
    }
    const reply = JSON.parse(new TextDecoder().decode(result.Payload)) as ShardSearchReply;
    if (reply.shardId !== this.shardId || !Array.isArray(reply.candidates)) {
      throw new Error(`sBMS ${this.shardId}: unexpected shard worker reply`);
    }
    return reply.candidates;
  }
}

/** Function name of a shard: `SBMS_SHARD_FUNCTION`, where `{shard}` (if present) becomes the shard id. */
export function shardFunctionName(template: string, shardId: string): string {
  return template.replaceAll('{shard}', shardId);
}
