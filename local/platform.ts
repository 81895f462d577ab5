import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Component } from '../functions/routes';
import { MID_CHECK_QUEUE } from '../lib/resources';
import { type ApiGatewayHandler, type StaticHandler, startApiServer } from './api-server';
import { localAuditSigningKey } from './auth/audit-signing-key';
import { localDataQualityKey, localLinkIdKey } from './auth/data-quality-key';
import { type LocalTokenIssuer, localTokenIssuer } from './auth/tokens';
import { demoSignInRoutes } from './demo-sign-in';
import { type RunningDynamo, startDynamoDbLocal } from './emulators/dynamodb';
import { type RunningSqs, startSqsEmulator } from './emulators/sqs';
import { provisionQueues, provisionTables } from './provision';
import { type QueuePoller, type SqsHandler, startQueuePoller } from './queue-poller';

export interface PlatformOptions {
  /** HTTP port of the API (0: any free port). */
  port: number;
  dynamoPort: number;
  sqsPort: number;
  /** Keep DynamoDB data and the token key here; omit for an in-memory platform (tests). */
  dataDir?: string;
  /** Where the token-signing key lives when there is no dataDir (tests share it with their workers). */
  keyDir?: string;
  prefix?: string;
  /** Run the MID queue consumer and the outbox sweeper (off for tests that drive them by hand). */
  workers?: boolean;
  /** Batches of the MID queue processed at once (the event source mapping also runs several); default 4. */
  midConsumers?: number;
  staticFiles?: StaticHandler;
  log?: (message: string) => void;
  /** Fault injection (tests): wraps the MID queue consumer, e.g. to deliver every batch twice. */
  wrapConsumer?: (consumer: SqsHandler) => SqsHandler;
}

export interface Platform {
  url: string;
  tokens: LocalTokenIssuer;
  env: Record<string, string>;
  dynamo: RunningDynamo;
  sqs: RunningSqs;
  /** Stops and restarts an emulator (fault-injection tests); DynamoDB keeps its data only with dataDir. */
  restartDynamo(): Promise<void>;
  restartSqs(): Promise<void>;
  stop(): Promise<void>;
}

const REGION = 'eu-central-1';
const SWEEP_INTERVAL_MS = 15_000;
/** The audit head signer's interval, as its EventBridge schedule (every minute); the hold applier runs with it. */
const ANCHOR_INTERVAL_MS = 60_000;
const DEFAULT_MID_CONSUMERS = 4;

/**
 * The embedded local platform: DynamoDB Local and the SQS emulator, the tables and queues of
 * lib/resources.ts, the route table served over HTTP by the same handlers, the queue consumer fed
 * like an event source mapping, and the outbox sweeper on a timer as EventBridge would run it.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? (() => undefined);
  const prefix = options.prefix ?? 'interop-local';
  const dynamoOptions = {
    port: options.dynamoPort,
    path: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    logFile: options.dataDir ? join(options.dataDir, 'dynamodb.log') : undefined,
  };
  let dynamo = await startDynamoDbLocal(dynamoOptions);
  let sqs = await startSqsEmulator({ port: options.sqsPort });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    STAGE: 'local',
    POWERTOOLS_SERVICE_NAME: 'local-platform',
    POWERTOOLS_METRICS_NAMESPACE: 'EuInterop',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });
  const dynamoClient = new DynamoDBClient({ region: REGION, endpoint: dynamo.endpoint, credentials });
  const env: Record<string, string> = { ...(await provisionTables(dynamoClient, prefix)) };
  const keyDir = options.dataDir ? join(options.dataDir, 'keys') : options.keyDir;
  env.DATA_QUALITY_KEY = process.env.DATA_QUALITY_KEY ?? localDataQualityKey(keyDir);
  env.LINK_ID_KEY = process.env.LINK_ID_KEY ?? localLinkIdKey(keyDir);
  Object.assign(env, auditAnchorEnvironment(options));
  dynamoClient.destroy();
  const sqsClient = new SQSClient({
    region: REGION,
    endpoint: sqs.endpoint,
    credentials,
    useQueueUrlAsEndpoint: false,
  });
  Object.assign(env, await provisionQueues(sqsClient, prefix));
  Object.assign(process.env, env);
  log(`tables and queues ready (${Object.keys(env).length} resources)`);

  const tokens = await localTokenIssuer(keyDir);
  const handlers = new Map<string, Promise<ApiGatewayHandler>>();
  const loadHandler = (component: Component) => {
    if (!handlers.has(component)) {
      handlers.set(
        component,
        import(`../functions/${component}/index.ts`).then((m: { handler: ApiGatewayHandler }) => m.handler),
      );
    }
    return handlers.get(component)!;
  };
  const { openApiDocument } = await import('../functions/shared/openapi');
  const api = await startApiServer({
    port: options.port,
    tokens,
    loadHandler,
    openApi: () => openApiDocument(api.url),
    staticFiles: options.staticFiles,
    extraRoutes: demoSignInRoutes(tokens),
  });

  let poller: QueuePoller | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let anchorTimer: NodeJS.Timeout | undefined;
  const { anchorChainHeads } = await import('../functions/audit/anchor-worker');
  const { applyLogHolds } = await import('../functions/audit/hold-applier');
  const anchorHeads = () =>
    anchorChainHeads().catch((error: unknown) => log(`audit head signer: ${(error as Error).message}`));
  // The audit workers on one timer: the held items' expiry first, then the heads signed.
  const auditWorkers = () =>
    applyLogHolds()
      .catch((error: unknown) => log(`log hold applier: ${(error as Error).message}`))
      .then(anchorHeads);
  const startWorkers = async () => {
    if (!options.workers) return;
    const queueArn =
      (
        await sqsClient.send(
          new GetQueueAttributesCommand({
            QueueUrl: env[MID_CHECK_QUEUE.envVar],
            AttributeNames: ['QueueArn'],
          }),
        )
      ).Attributes?.QueueArn ?? '';
    poller = startQueuePoller({
      client: sqsClient,
      queueUrl: env[MID_CHECK_QUEUE.envVar]!,
      queueArn,
      batchSize: MID_CHECK_QUEUE.batchSize,
      concurrency: options.midConsumers ?? DEFAULT_MID_CONSUMERS,
      handler: async () => {
        const consumer = ((await import('../functions/mid/check-consumer')) as { handler: SqsHandler })
          .handler;
        return options.wrapConsumer ? options.wrapConsumer(consumer) : consumer;
      },
      onError: (error) => log(`MID consumer: ${(error as Error).message}`),
    });
    const { sweepOutboxes } = await import('../functions/cir/outbox-sweeper');
    sweeper = setInterval(() => {
      sweepOutboxes().catch((error: unknown) => log(`outbox sweeper: ${(error as Error).message}`));
    }, SWEEP_INTERVAL_MS);
    anchorTimer ??= setInterval(auditWorkers, ANCHOR_INTERVAL_MS);
  };
  await startWorkers();
  const stepFunctions = await (await import('./stepfunctions')).startLocalStepFunctions({ log });

  const platform: Platform = {
    url: api.url,
    tokens,
    env,
    dynamo,
    sqs,
    async restartDynamo() {
      await dynamo.stop();
      dynamo = await startDynamoDbLocal(dynamoOptions);
      platform.dynamo = dynamo;
    },
    async restartSqs() {
      await poller?.stop();
      await sqs.stop();
      sqs = await startSqsEmulator({ port: options.sqsPort });
      platform.sqs = sqs;
      Object.assign(env, await provisionQueues(sqsClient, prefix));
      Object.assign(process.env, env);
      if (options.workers) {
        if (sweeper) clearInterval(sweeper);
        await startWorkers();
      }
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      if (anchorTimer) {
        clearInterval(anchorTimer);
        // The heads as they are at shutdown, so that `npm run audit:verify` afterwards covers every entry.
        await anchorHeads();
      }
      await poller?.stop();
      await stepFunctions.stop();
      await api.stop();
      sqsClient.destroy();
      await sqs.stop();
      await dynamo.stop();
    },
  };
  return platform;
}

/**
 * Where the local audit head signer keeps its key (beside the token key) and its anchors: under the
 * data directory (`.local/keys/`, `.local/audit-anchors/`), or the test's key directory. Neither: no
 * anchoring (an in-memory platform without a key directory).
 */
function auditAnchorEnvironment(
  options: Pick<PlatformOptions, 'dataDir' | 'keyDir'>,
): Record<string, string> {
  const base = options.dataDir ?? options.keyDir;
  if (!base) return {};
  return {
    AUDIT_SIGNING_KEY_FILE: localAuditSigningKey(options.dataDir ? join(base, 'keys') : base).privateKeyFile,
    AUDIT_ANCHOR_DIR: join(base, 'audit-anchors'),
  };
}
