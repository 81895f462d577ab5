import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { COMPONENTS, type Component, ROUTES } from '../functions/routes';
import { AccessGrants, FUNCTION_ACCESS, resourceEnvironment, type Worker } from './access';
import type { StageCentralSystems } from './central-systems';
import { ConsultationWorkflow } from './constructs/consultation';
import { FunctionWithLogGroup, type FunctionWithLogGroupProps } from './constructs/function-with-log-group';
import { Identity } from './constructs/identity';
import { InteropApi } from './constructs/interop-api';
import { LocalStackWebsite } from './constructs/localstack-website';
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
  /** Source maps in the bundles and `--enable-source-maps` (context `sourceMaps=true`). @default false */
  sourceMaps?: boolean;
  /**
   * `aws`, or `localstack` (context `target=localstack`, `npm run deploy:localstack`): the same
   * stacks without what LocalStack's free tier lacks: no Cognito (a Lambda TOKEN authorizer verifies
   * the local issuer's tokens), no WAF, no CloudFront or BucketDeployment (an S3 website bucket),
   * x86_64 functions. @default aws
   */
  target?: DeploymentTarget;
  /** How the ESP reaches each central system in this stage (lib/central-systems.ts). @default reference tables */
  centralSystems?: StageCentralSystems;
  /** The local token issuer (target localstack): its public keys, issuer and audience. */
  localIssuer?: {
    jwks: { keys: object[] };
    issuer: string;
    audience: string;
    maxLifetimeSeconds: number;
    clockSkewSeconds: number;
  };
}

export type DeploymentTarget = 'aws' | 'localstack';

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
  public readonly target: DeploymentTarget;
  public readonly api: InteropApi;
  public readonly componentFunctions: Record<Component, FunctionWithLogGroup>;
  public readonly workers: Record<Worker, FunctionWithLogGroup>;
  /** CloudWatch dashboard and alarms. */
  public readonly observability: Observability;
  /** The Art 22 access-request state machine (Standard). */
  public readonly consultation: ConsultationWorkflow;
  /** The MID replay job: a candidate rule configuration over the links, its report to S3. */
  public readonly midReplay: MidReplayJob;
  /** LocalStack target: the S3 website bucket of the web app. */
  public readonly website?: LocalStackWebsite;
  /** LocalStack target: the TOKEN authorizer's function. */
  public readonly tokenAuthorizer?: FunctionWithLogGroup;

  private readonly stateful: StatefulStack;
  private readonly stage: string;
  private readonly grants: AccessGrants;
  private readonly sbmsShards: number;
  private readonly sourceMaps: boolean;
  private readonly onAws?: { identity: Identity; web: WebHosting; webClient: UserPoolClient };

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    this.stateful = props.stateful;
    this.stage = props.stage;
    this.sbmsShards = props.sbmsShards ?? 2;
    this.sourceMaps = props.sourceMaps ?? false;
    this.target = props.target ?? 'aws';
    // The snapshot bucket is imported by export name, which CDK does not see as a dependency.
    this.addStackDependency(props.stateful);
    this.grants = new AccessGrants(this, 'Grants', props.stateful);

    const identity = this.target === 'aws' ? new Identity(this, 'Identity', props.stage) : undefined;
    this.tokenAuthorizer = identity ? undefined : this.localTokenAuthorizer(props);

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
    // The ESP reaches each central system through the adapter the stage names (its reference table
    // by default, or its UMF endpoint over mutual TLS with the client certificate of one secret).
    const esp = this.componentFunctions.esp;
    for (const [name, value] of Object.entries(props.centralSystems?.environment ?? {}))
      esp.addEnvironment(name, value);
    if (props.centralSystems?.tlsSecretName) {
      Secret.fromSecretNameV2(this, 'CentralSystemsTls', props.centralSystems.tlsSecretName).grantRead(esp);
    }
    // The CIR counts data quality in its write transactions (functions/statistics/quality).
    this.componentFunctions.cir.addEnvironment(
      'DATA_QUALITY_KEY',
      props.stateful.dataQualityKey.secretValue.unsafeUnwrap(),
    );

    this.api = new InteropApi(this, 'Api', {
      stage: props.stage,
      routes: ROUTES,
      functions: this.componentFunctions,
      tokens: this.tokenAuthorizer
        ? { authorizerFunction: this.tokenAuthorizer }
        : { userPool: identity!.userPool },
      firewall: this.target === 'aws',
      logKey: props.stateful.key,
    });

    let webOrigin: string;
    if (identity) {
      // The web app's bucket and distribution live here, not in a stack of their own: the distribution's
      // URL is the API's CORS origin and the Cognito callback, and its CSP names the API and the hosted
      // UI, so the two stacks would depend on each other. Its content is deployed by the web stack.
      const web = new WebHosting(this, 'Web', {
        connectSources: [apiOrigin(this.api.api), identity.hostedUi.baseUrl()],
      });
      this.onAws = { identity, web, webClient: identity.addWebClient(web.url) };
      webOrigin = web.origin;
    } else {
      this.website = new LocalStackWebsite(this, 'Website');
      webOrigin = this.website.origin;
    }
    this.api.allowOrigin(webOrigin);
    for (const fn of Object.values(this.componentFunctions)) {
      fn.addEnvironment('CORS_ALLOWED_ORIGIN', webOrigin);
    }

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
    if (this.onAws) {
      new CfnOutput(this, 'UserPoolId', { value: this.onAws.identity.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.onAws.identity.client.userPoolClientId });
      new CfnOutput(this, 'WebAppUrl', { value: this.onAws.web.url, description: 'The terminal web app' });
      new CfnOutput(this, 'HostedUiUrl', { value: this.onAws.identity.hostedUi.baseUrl() });
    } else if (this.website) {
      new CfnOutput(this, 'WebsiteBucket', { value: this.website.bucket.bucketName });
      new CfnOutput(this, 'WebAppUrl', {
        value: this.website.origin,
        description: 'The web app files (S3 website)',
      });
    }
  }

  /** The Cognito user pool (AWS target). */
  get identity(): Identity {
    return this.awsOnly('identity');
  }

  /** Bucket and CloudFront distribution of the terminal web app (AWS target; its content: the web stack). */
  get web(): WebHosting {
    return this.awsOnly('web');
  }

  /** The Cognito client of the web app (hosted UI, code grant), its callback the distribution's URL (AWS target). */
  get webClient(): UserPoolClient {
    return this.awsOnly('webClient');
  }

  private awsOnly<K extends 'identity' | 'web' | 'webClient'>(part: K) {
    if (!this.onAws) throw new Error(`the ${this.target} target has no ${part}`);
    return this.onAws[part];
  }

  /** LocalStack target: a TOKEN authorizer verifying the local issuer's tokens against its JWKS. */
  private localTokenAuthorizer(props: PlatformStackProps): FunctionWithLogGroup {
    if (!props.localIssuer) throw new Error('the localstack target needs the local issuer (localIssuer)');
    return new FunctionWithLogGroup(this, 'TokenAuthorizer', {
      entry: 'functions/authorizer/index.ts',
      serviceName: 'token-authorizer',
      logKey: this.stateful.key,
      architecture: this.architecture,
      sourceMaps: this.sourceMaps,
      memorySize: 256,
      timeout: Duration.seconds(5),
      environment: {
        AUTHORIZER_JWKS: JSON.stringify(props.localIssuer.jwks),
        AUTHORIZER_ISSUER: props.localIssuer.issuer,
        AUTHORIZER_AUDIENCE: props.localIssuer.audience,
        AUTHORIZER_MAX_TOKEN_LIFETIME_SECONDS: String(props.localIssuer.maxLifetimeSeconds),
        AUTHORIZER_CLOCK_SKEW_SECONDS: String(props.localIssuer.clockSkewSeconds),
      },
    });
  }

  /** arm64 on AWS; x86_64 on LocalStack, which runs functions on the host's architecture. */
  private get architecture(): Architecture {
    return this.target === 'aws' ? Architecture.ARM_64 : Architecture.X86_64;
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
      sourceMaps: this.sourceMaps,
      architecture: this.architecture,
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
