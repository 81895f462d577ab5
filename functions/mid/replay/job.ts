import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import * as z from 'zod';
import { dynamo } from '../../shared/clients';
import { loadConfig } from '../../shared/config';
import { logger, tracer } from '../../shared/powertools';
import { emptyTally, mergeTallies, type ReplayTally, replayReport } from './replay';
import { CURRENT_RULE_CONFIG, ruleConfigOf, ruleConfigSchema } from './rule-config';
import { segmentInputs } from './run';
import { replaySegment } from './segment';

/**
 * The MID replay as an AWS job (lib/constructs/mid-replay.ts): the state machine calls this worker
 * to `plan` (validate the input, one input per Scan segment), once per segment in a Distributed Map
 * (`segment`: the tally of that segment, reads only), and to `report` (merge, write the report to S3).
 */
const startSchema = z.strictObject({
  config: ruleConfigSchema,
  since: z.iso.date().nullable().default(null),
  sample: z.number().int().min(0).max(100_000).default(200),
  segments: z.number().int().min(1).max(1000).default(16),
});

const segmentSchema = z.object({
  segment: z.number().int().min(0),
  totalSegments: z.number().int().min(1),
  since: z.string().optional(),
  sampleFiles: z.number().int().min(0),
});

const eventSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('plan'), input: z.unknown() }),
  z.object({ action: z.literal('segment'), segment: segmentSchema, config: ruleConfigSchema }),
  z.object({
    action: z.literal('report'),
    execution: z.string().regex(/^[\w-]{1,80}$/),
    plan: z.object({ config: ruleConfigSchema, since: z.string().nullable() }),
    tallies: z.array(z.custom<ReplayTally>()),
  }),
]);

let s3: S3Client | undefined;

export async function replayJob(event: unknown) {
  const parsed = eventSchema.parse(event);
  switch (parsed.action) {
    case 'plan': {
      const input = startSchema.safeParse(parsed.input);
      if (!input.success) {
        // Fails the execution with the fields named (States.TaskFailed with this message).
        throw new Error(
          `invalid replay input: ${input.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
        );
      }
      const { since, sample, segments } = input.data;
      return {
        config: input.data.config,
        since,
        segments: segmentInputs({ since: since ?? undefined, sampleFiles: sample, totalSegments: segments }),
      };
    }
    case 'segment': {
      const config = loadConfig();
      const tally = await replaySegment(
        { client: dynamo, linksTable: config.LINKS_TABLE, cirTable: config.CIR_TABLE },
        parsed.segment,
        { current: CURRENT_RULE_CONFIG, candidate: ruleConfigOf(parsed.config) },
      );
      logger.info('replay segment done', { segment: parsed.segment.segment, links: tally.links });
      return tally;
    }
    case 'report': {
      const config = loadConfig();
      if (!config.MID_REPLAY_BUCKET) throw new Error('function configuration incomplete: MID_REPLAY_BUCKET');
      const tally = parsed.tallies.reduce((into, part) => mergeTallies(into, part), emptyTally());
      const report = { since: parsed.plan.since, candidate: parsed.plan.config, ...replayReport(tally) };
      const key = `replays/${parsed.execution}/report.json`;
      s3 ??= tracer.captureAWSv3Client(new S3Client({}));
      await s3.send(
        new PutObjectCommand({
          Bucket: config.MID_REPLAY_BUCKET,
          Key: key,
          Body: JSON.stringify(report, null, 2),
          ContentType: 'application/json',
        }),
      );
      return { bucket: config.MID_REPLAY_BUCKET, key, totals: report.totals, drift: report.drift };
    }
  }
}

export const handler = middy(replayJob).use(injectLambdaContext(logger, { resetKeys: true }));
