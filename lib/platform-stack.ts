import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { COMPONENTS, type Component, ROUTES } from '../functions/routes';
import { AccessGrants, FUNCTION_ACCESS, resourceEnvironment, type Worker } from './access';
import { ConsultationWorkflow } from './constructs/consultation';
import { FunctionWithLogGroup, type FunctionWithLogGroupProps } from './constructs/function-with-log-group';
import { Identity } from './constructs/identity';
import { InteropApi } from './constructs/interop-api';
import { MidReplayJob } from './constructs/mid-replay';
import { Observability } from './constructs/observability';
import { WebHosting } from './constructs/web-hosting';
import { MID_CHECK_QUEUE } from './resources';
import type { StatefulStack } from './stateful-stack';

export interface PlatformStackProps extends StackProps {
  stage: string;
  stateful: StatefulStack;
  /** sBMS gallery shards (SBMS_SHARDS), fixed for the life of a deployment. @default 2 */
  sbmsShards?: number;
}

/** Entry files of the functions that serve no API route. */
export const WORKER_ENTRIES: Record<Worker, string> = {
  'mid-check-consumer': 'functions/mid/check-consumer.ts',
  'cir-outbox-sweeper': 'functions/cir/outbox-sweeper.ts',
  'sbms-shard-worker': 'functions/sbms/shard-worker.ts',
  'consultation-workflow': 'functions/consultation/workflow.ts',
  'yellow-age-monitor': 'functions/statistics/yellow-age.ts',
  'audit-head-signer': 'functions/audit/anchor-worker.ts',
  'mid-replay': 'functions/mid/replay/job.ts',
  'audit-hold-applier': 'functions/audit/hold-applier.ts',
};

/** The functions that search the sBMS gallery, through the shard worker (SBMS_SHARD_FUNCTION). */
export const SBMS_SEARCHERS = ['sbms', 'esp', 'mid-check-consumer', 'consultation'] as const;

/** The entry of a component's API function: one function serves all the component's routes. */
export const componentEntry = (component: Component) => `functions/${component}/index.ts`;

/**
 * The stateless part: Cognito, the REST API derived from the route table, one function per API
 * component, the MID check consumer, the outbox sweeper and the sBMS shard worker. (The consultation state machine, the
 * dashboard and the alarms join this stack later.)
 */
export class PlatformStack extends Stack {
  public readonly identity: Identity;
  public readonly api: InteropApi;
  public readonly componentFunctions: Record<Component, FunctionWithLogGroup>;
  public readonly workers: Record<Worker, FunctionWithLogGroup>;
  /** CloudWatch dashboard and alarms. */
  public readonly observability: Observability;
  /** The Art 22 access-request state machine (Standard). */
  public readonly consultation: ConsultationWorkflow;
  /** The MID replay job: a candidate rule configuration over the links, its report to S3. */
  public readonly midReplay: MidReplayJob;
  /** Bucket and CloudFront distribution of the terminal web app (its content: the web stack). */
  public readonly web: WebHosting;
  /** The Cognito client of the web app (hosted UI, code grant), its callback the distribution's URL. */
  public readonly webClient: UserPoolClient;

  private readonly stateful: StatefulStack;
  private readonly stage: string;
  private readonly grants: AccessGrants;
  private readonly sbmsShards: number;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    this.stateful = props.stateful;
    this.stage = props.stage;
    this.sbmsShards = props.sbmsShards ?? 2;
    // The snapshot bucket is imported by export name, which CDK does not see as a dependency.
    this.addStackDependency(props.stateful);
    this.grants = new AccessGrants(this, 'Grants', props.stateful);

    this.identity = new Identity(this, 'Identity', props.stage);

    this.componentFunctions = Object.fromEntries(
      COMPONENTS.map((component) => [
        component,
        this.platformFunction(`${pascal(component)}Function`, component, {
          entry: componentEntry(component),
          // The CIR holds `mid-result` requests up to 20 s (waitSeconds); API Gateway gives up at 29 s.
          ...(component === 'cir' ? { timeout: Duration.seconds(28) } : {}),
        }),
      ]),
    ) as Record<Component, FunctionWithLogGroup>;
    // The CIR counts data quality in its write transactions (functions/statistics/quality).
    this.componentFunctions.cir.addEnvironment(
      'DATA_QUALITY_KEY',
      props.stateful.dataQualityKey.secretValue.unsafeUnwrap(),
    );

    this.api = new InteropApi(this, 'Api', {
      stage: props.stage,
      routes: ROUTES,
      functions: this.componentFunctions,
      userPool: this.identity.userPool,
      logKey: props.stateful.key,
    });

    // The web app's bucket and distribution live here, not in a stack of their own: the distribution's
    // URL is the API's CORS origin and the Cognito callback, and its CSP names the API and the hosted
    // UI, so the two stacks would depend on each other. Its content is deployed by the web stack.
    this.web = new WebHosting(this, 'Web', {
      connectSources: [apiOrigin(this.api.api), this.identity.hostedUi.baseUrl()],
    });
    this.api.allowOrigin(this.web.origin);
    for (const fn of Object.values(this.componentFunctions)) {
      fn.addEnvironment('CORS_ALLOWED_ORIGIN', this.web.origin);
    }
    this.webClient = this.identity.addWebClient(this.web.url);

    const midChecks = props.stateful.queueNamed(MID_CHECK_QUEUE.name);
    const consumer = this.platformFunction('MidCheckConsumer', 'mid-check-consumer', {
      entry: WORKER_ENTRIES['mid-check-consumer'],
      // A sixth of the queue's visibility timeout, as AWS advises for SQS event sources.
      timeout: Duration.seconds(Math.floor(midChecks.definition.visibilityTimeoutSeconds / 6)),
    });
    // Link ids are an HMAC of the pair (functions/mid/domain/links.ts); only the check names new links.
    consumer.addEnvironment('LINK_ID_KEY', props.stateful.linkIdKey.secretValue.unsafeUnwrap());
    consumer.addEventSource(
      new SqsEventSource(midChecks.queue, {
        batchSize: midChecks.definition.batchSize,
        reportBatchItemFailures: true,
      }),
    );

    const sweeper = this.platformFunction('CirOutboxSweeper', 'cir-outbox-sweeper', {
      entry: WORKER_ENTRIES['cir-outbox-sweeper'],
      timeout: Duration.seconds(50),
      // One sweep at a time: the schedule fires every minute.
      reservedConcurrentExecutions: 1,
    });
    new Rule(this, 'OutboxSweepSchedule', {
      description: 'Re-enqueue MID checks whose outbox marker is older than the grace period',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(sweeper, { retryAttempts: 0 })],
    });

    // Each sBMS shard searched in a function instance of its own: a 1:N search invokes the worker
    // once per shard in parallel. Memory sized for one shard's codes and vectors (docs/sbms.md).
    const shardWorker = this.platformFunction('SbmsShardWorker', 'sbms-shard-worker', {
      entry: WORKER_ENTRIES['sbms-shard-worker'],
      memorySize: 3008,
      timeout: Duration.seconds(30),
      environment: { SBMS_RESIDENT_SHARDS: '1' },
    });
    const searchers = { ...this.componentFunctions, 'mid-check-consumer': consumer };
    for (const name of SBMS_SEARCHERS) {
      const searcher = searchers[name];
      searcher.addEnvironment('SBMS_SHARD_FUNCTION', shardWorker.functionName);
      // The unqualified function only (no `:*` version wildcard, so nothing to acknowledge).
      searcher.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [shardWorker.functionArn] }),
      );
    }

    // Art 22 step 2: the access-request workflow; its worker runs every step, the consultation API
    // function starts executions and answers their callbacks.
    const consultationWorker = this.platformFunction('ConsultationWorkflowWorker', 'consultation-workflow', {
      entry: WORKER_ENTRIES['consultation-workflow'],
      timeout: Duration.seconds(30),
    });
    this.consultation = new ConsultationWorkflow(this, 'Consultation', {
      worker: consultationWorker,
      key: props.stateful.key,
    });
    this.consultation.grantToApi(this.componentFunctions.consultation);
    this.componentFunctions.consultation.addEnvironment(
      'CONSULTATION_STATE_MACHINE_ARN',
      this.consultation.stateMachine.stateMachineArn,
    );

    // The MID replay an operator starts (docs/mid-replay.md): one worker for every step.
    const replayWorker = this.platformFunction('MidReplayWorker', 'mid-replay', {
      entry: WORKER_ENTRIES['mid-replay'],
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    this.midReplay = new MidReplayJob(this, 'MidReplay', { worker: replayWorker, key: props.stateful.key });

    this.workers = {
      'mid-check-consumer': consumer,
      'cir-outbox-sweeper': sweeper,
      'sbms-shard-worker': shardWorker,
      'consultation-workflow': consultationWorker,
      'yellow-age-monitor': this.yellowAgeMonitor(),
      'audit-head-signer': this.auditHeadSigner(),
      'mid-replay': replayWorker,
      'audit-hold-applier': this.scheduledWorker(
        'AuditHoldApplier',
        'audit-hold-applier',
        5,
        'Move the expiry of held log items to the end of their hold',
      ),
    };

    // Dashboard and alarms over everything above (lib/constructs/observability.ts).
    this.observability = new Observability(this, 'Observability', {
      stage: props.stage,
      api: this.api.api,
      functions: { ...this.componentFunctions, ...this.workers },
      deadLetterQueues: Object.fromEntries(
        [...props.stateful.queues.values()].map(({ definition, deadLetterQueue }) => [
          definition.name,
          deadLetterQueue,
        ]),
      ),
      stateMachines: { AccessRequestWorkflow: this.consultation.stateMachine },
      key: props.stateful.key,
      yellowAlarmAuthorities: this.node.tryGetContext('yellowAlarmAuthorities'),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url, description: 'Base URL of the REST API stage' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'WebAppUrl', { value: this.web.url, description: 'The terminal web app' });
    new CfnOutput(this, 'HostedUiUrl', { value: this.identity.hostedUi.baseUrl() });
  }

  /** Every 5 minutes: the age of the oldest yellow link per authority, as a custom metric. */
  private yellowAgeMonitor(): FunctionWithLogGroup {
    const monitor = this.platformFunction('YellowAgeMonitor', 'yellow-age-monitor', {
      entry: WORKER_ENTRIES['yellow-age-monitor'],
      timeout: Duration.seconds(60),
      reservedConcurrentExecutions: 1,
    });
    new Rule(this, 'YellowAgeSchedule', {
      description: 'Publish the age of the oldest yellow link of each verifier queue',
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(monitor, { retryAttempts: 0 })],
    });
    return monitor;
  }

  /** Every minute: the audit chains' heads signed with the KMS key and anchored in the Object Lock bucket. */
  private auditHeadSigner(): FunctionWithLogGroup {
    const signer = this.platformFunction('AuditHeadSigner', 'audit-head-signer', {
      entry: WORKER_ENTRIES['audit-head-signer'],
      timeout: Duration.seconds(50),
      reservedConcurrentExecutions: 1,
      environment: {
        AUDIT_SIGNING_KEY_ID: this.stateful.auditSigningKey.keyArn,
        AUDIT_ANCHOR_BUCKET: this.stateful.auditAnchorBucket.bucketName,
      },
    });
    new Rule(this, 'AuditHeadSignSchedule', {
      description:
        "Sign the audit log's chain heads and anchor them outside the table (the day's final heads just after midnight)",
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(signer, { retryAttempts: 0 })],
    });
    return signer;
  }

  /** A worker on an EventBridge schedule (one run at a time). */
  private scheduledWorker(
    id: string,
    name: Worker,
    everyMinutes: number,
    description: string,
  ): FunctionWithLogGroup {
    const worker = this.platformFunction(id, name, {
      entry: WORKER_ENTRIES[name],
      timeout: Duration.seconds(60),
      reservedConcurrentExecutions: 1,
    });
    new Rule(this, `${id}Schedule`, {
      description,
      schedule: Schedule.rate(Duration.minutes(everyMinutes)),
      targets: [new LambdaFunction(worker, { retryAttempts: 0 })],
    });
    return worker;
  }

  /** A function with the runtime defaults, the resource environment and its line of FUNCTION_ACCESS. */
  private platformFunction(
    id: string,
    name: Component | Worker,
    props: Omit<FunctionWithLogGroupProps, 'serviceName' | 'logKey'>,
  ): FunctionWithLogGroup {
    const access = FUNCTION_ACCESS[name];
    const fn = new FunctionWithLogGroup(this, id, {
      ...props,
      serviceName: name,
      logKey: this.stateful.key,
      environment: {
        ...resourceEnvironment(this.stateful, this.stage, this.sbmsShards),
        ...(access.snapshots ? { SBMS_SNAPSHOT_BUCKET: this.stateful.snapshotBucket.bucketName } : {}),
        ...props.environment,
      },
    });
    this.grants.grant(fn, access, name);
    return fn;
  }
}

/** `https://<id>.execute-api.<region>.amazonaws.com`: the stage URL without its path. */
const apiOrigin = (api: RestApi) =>
  `https://${api.restApiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;

const pascal = (name: string) =>
  name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
