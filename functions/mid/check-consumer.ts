import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { auditLogFromEnv } from '../audit/index';
import { inCapacityScope } from '../shared/clients';
import { logger, metrics } from '../shared/powertools';
import { originSystemSchema, recordIdSchema } from '../shared/schemas/record';
import { eventRecorderFromEnv } from '../statistics/recorder';
import { toMidFile } from './cir-reader';
import { checkPorts, midDependencies } from './dependencies';
import { checkRecord } from './domain/check';
import { VersionConflict } from './domain/errors';
import type { RecordRef } from './domain/types';

const messageSchema = z.object({
  system: originSystemSchema,
  recordId: recordIdSchema,
  version: z.number().int(),
});
const processor = new BatchProcessor(EventType.SQS);
/** Runs of one check when concurrent checks keep changing its links (then the queue retries it). */
const CHECK_ATTEMPTS = 3;

/**
 * One MID check per message. The check depends only on the current data, so a message delivered
 * twice, or a stale one after a newer write, changes nothing the second time. A failure leaves the
 * message on the queue (partial batch response); its reason is logged before it can reach the DLQ.
 */
async function processMessage(record: SQSRecord): Promise<void> {
  const parsed = messageSchema.safeParse(parseJson(record.body));
  if (!parsed.success) {
    logger.error('malformed MID check message', {
      messageId: record.messageId,
      issues: parsed.error.issues.length,
    });
    throw new Error('malformed MID check message');
  }
  const ref = { system: parsed.data.system, recordId: parsed.data.recordId };
  const { cir } = midDependencies();
  try {
    // SQS delivers at least once: a copy of a message whose check already ran (its marker cleared)
    // changes nothing and is not logged again. A newer write sets the marker again.
    if ((await cir.pendingCheck(ref)) === undefined) {
      logger.debug('no MID check pending (done already, or the record was deleted)', {
        messageId: record.messageId,
      });
      return;
    }
    const checked = await checkStoredFile(ref);
    if (!checked) {
      logger.info('record deleted before its check', { messageId: record.messageId });
      return;
    }
    const { stored, file, summary } = checked;
    // Logged before the outbox marker is cleared: a failure in between re-runs the (idempotent)
    // check rather than leaving a completed check without its log entry (Art 36). The entry is keyed
    // by the write it checked (its version and time: a record deleted and created again starts at
    // version 1 again), so a re-run, or a copy of the message checked by another consumer at the same
    // time, does not log the check a second time.
    const logged = await auditLogFromEnv().appendOnce(
      `midCheck#${ref.system}#${ref.recordId}#${stored.version}#${stored.updatedAt}`,
      {
        requestId: record.messageId,
        timestamp: new Date().toISOString(),
        userId: 'system:mid',
        authority: 'MID',
        memberState: 'EU',
        roles: ['internal-component'],
        action: 'midCheck',
        systems: [ref.system],
        records: [ref],
        resultType: 'success',
        httpStatus: 200,
        details: {
          version: stored.version,
          linksCreated: summary.created.length,
          linksUpdated: summary.updated.length,
          linksRemoved: summary.removed.length,
        },
      },
    );
    await cir.completeCheck(ref, stored.version);
    if (logged) {
      metrics.addMetric('midChecks', MetricUnit.Count, 1);
      await eventRecorderFromEnv().midCheck({
        at: new Date().toISOString(),
        memberState: file.memberState,
        nationalities: file.identity.nationalities,
      });
    } else logger.info('MID check already logged by another delivery', { messageId: record.messageId });
  } catch (error) {
    logger.warn('MID check failed; the message will be retried', {
      messageId: record.messageId,
      receiveCount: record.attributes?.ApproximateReceiveCount,
      error: (error as Error).name,
      reason: (error as Error).message,
    });
    throw error;
  }
}

/**
 * Checks the file as stored now. A concurrent check that changed the same links first makes the link
 * write fail on its expected version; the check then runs again on the new state at once, a few
 * times, rather than after the queue's visibility timeout.
 */
async function checkStoredFile(ref: RecordRef) {
  const { cir } = midDependencies();
  for (let attempt = 1; ; attempt++) {
    const stored = await cir.get(ref);
    if (!stored) return undefined;
    try {
      const file = toMidFile(stored);
      return { stored, file, summary: await checkRecord(file, checkPorts(file)) };
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= CHECK_ATTEMPTS) throw error;
      logger.info('MID check met a concurrent link change; checking again', { attempt });
    }
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export const handler = middy(
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(
      event,
      // a label for the opt-in capacity recorder (functions/shared/clients.ts): units per MID check
      (record: SQSRecord) => inCapacityScope('midCheck', () => processMessage(record)),
      processor,
      { context },
    ),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  // Publishes the metrics added while processing the batch (one EMF blob per invocation).
  .use(logMetrics(metrics, { captureColdStartMetric: process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined }));
