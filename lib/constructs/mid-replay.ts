import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import {
  CustomerManagedEncryptionConfiguration,
  DefinitionBody,
  DistributedMap,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcardResources } from '../nag';

export interface MidReplayJobProps {
  /** The `mid-replay` worker (functions/mid/replay/job.ts): plan, one segment, report. */
  worker: IFunction & { addEnvironment(key: string, value: string): unknown };
  /** Encrypts the reports, the execution data and the log group. */
  key: IKey;
  /** Segments replayed at once (each reads its Scan segment of the links table). @default 10 */
  maxConcurrency?: number;
}

/**
 * The MID replay an operator starts in AWS (docs/mid-replay.md): a Standard state machine
 *
 *   Plan (validate the input, one item per Scan segment)
 *     -> Segments: Distributed Map, one child per segment of the links table, each replaying its links
 *        and its share of the file sample (reads only)
 *     -> Report: merge the tallies, write replays/<execution>/report.json to the reports bucket
 *
 * started with `{"config": {...candidate...}, "since": "YYYY-MM-DD" | null, "sample": 200, "segments": 16}`.
 */
export class MidReplayJob extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly reports: Bucket;

  constructor(scope: Construct, id: string, props: MidReplayJobProps) {
    super(scope, id);
    const accessLogs = new Bucket(this, 'ReportAccessLogs', {
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      accessLogs,
      'AwsSolutions-S1',
      'This bucket is the server access log target of the replay reports bucket; logging it into itself would log its own log deliveries.',
    );
    // Reports hold counts only (no link id, record or identity data); kept when the stack goes.
    this.reports = new Bucket(this, 'Reports', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'mid-replay-reports/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.reports.grantPut(props.worker);
    props.worker.addEnvironment('MID_REPLAY_BUCKET', this.reports.bucketName);
    const role = props.worker.role as unknown as Construct;
    const reason =
      'Report objects are named per execution at run time: the grant puts objects of the one reports bucket (grantPut action family), nothing else.';
    acknowledge(role, 'AwsSolutions-IAM5[Action::s3:Abort*]', reason);
    const encrypting =
      'Putting an object encrypted with the customer key needs kms:GenerateDataKey* and kms:ReEncrypt* (the grant methods name these action families); the resource is the one platform key, not "*".';
    acknowledge(role, 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', encrypting);
    acknowledge(role, 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', encrypting);
    acknowledge(role, `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.reports)}.Arn>/*]`, reason);

    const invoke = (stateId: string, payload: Record<string, unknown>, resultPath: string) => {
      const task = new LambdaInvoke(this, stateId, {
        lambdaFunction: props.worker,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        resultPath,
      });
      task.addRetry({
        errors: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException'],
        maxAttempts: 3,
      });
      return task;
    };
    const segments = new DistributedMap(this, 'Segments', {
      itemsPath: '$.plan.segments',
      itemSelector: { 'segment.$': '$$.Map.Item.Value', 'config.$': '$.plan.config' },
      maxConcurrency: props.maxConcurrency ?? 10,
      resultPath: '$.tallies',
    });
    segments.itemProcessor(
      invoke('ReplaySegment', { action: 'segment', 'segment.$': '$.segment', 'config.$': '$.config' }, '$'),
    );
    const definition = invoke('Plan', { action: 'plan', 'input.$': '$' }, '$.plan')
      .next(segments)
      .next(
        invoke(
          'Report',
          {
            action: 'report',
            'execution.$': '$$.Execution.Name',
            'plan.$': '$.plan',
            'tallies.$': '$.tallies',
          },
          '$.report',
        ),
      );

    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'MID replay: a candidate rule configuration over the existing links, report to S3',
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: Duration.hours(6),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      encryptionConfiguration: new CustomerManagedEncryptionConfiguration(props.key),
    });
    // The Distributed Map runs its children as executions of this state machine (execution:<name>:*).
    acknowledgeWildcardResources(
      this.stateMachine,
      /:execution:.*:\*$/,
      "A Distributed Map manages its child executions: CDK grants DescribeExecution/StopExecution on this state machine's own executions (execution:<its name>:*), whose names are made at run time.",
    );
    const machineRole = this.stateMachine.role as unknown as Construct;
    acknowledge(
      machineRole,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing and CloudWatch Logs delivery support no resource-level permissions; Step Functions requires "*" for both.',
    );
    acknowledge(
      machineRole,
      `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.worker)}.Arn>:*]`,
      'The Lambda task grant covers the replay worker and its versions (<arn>:*), as the Step Functions Lambda integration may invoke a qualified ARN; it names the one worker function.',
    );
  }
}

function logicalIdOf(construct: Construct): string {
  const resource = construct.node.defaultChild as { logicalId: string } | undefined;
  return Stack.of(construct).resolve(resource?.logicalId) as string;
}
