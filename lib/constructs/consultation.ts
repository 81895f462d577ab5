import { App, type CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  CustomerManagedEncryptionConfiguration,
  DefinitionBody,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { WorkflowAction } from '../../functions/consultation/domain/workflow';
import { acknowledge } from '../nag';

export interface ConsultationWorkflowProps {
  /** The `consultation-workflow` worker: the Lambda task of every step. */
  worker: IFunction;
  /** Encrypts the execution data and the state machine's log group; none in the local synth. */
  key?: IKey;
  /** @default RetentionDays.ONE_YEAR (the Art 24 log is kept one year) */
  logRetention?: RetentionDays;
  /** Upper bound of one execution (decision or verification wait plus the grant). @default 90 days */
  executionTimeout?: Duration;
}

/**
 * The Art 22 step-2 workflow, a Standard state machine:
 *
 *   Record -> Urgent? -no-> AwaitDecision (.waitForTaskToken, timeout $.timeouts.decisionSeconds)
 *                              -timeout-> Expire
 *                              -> Approved? -> Grant -> UntilGrantExpires -> GrantExpired
 *                                           -> Refuse
 *                    -yes-> GrantUrgently -> AwaitVerification (.waitForTaskToken, $.timeouts.urgentVerificationSeconds)
 *                              -timeout-> VerificationOverdue (revoke, flag for the supervisory authority)
 *                              -> Verified? -> ConfirmUrgent -> UntilGrantExpires -> GrantExpired
 *                                           -> RevokeUrgent (revoke, flag for the supervisory authority)
 *
 * The durations come with each execution's input (the API function reads them from its
 * configuration), so one definition serves AWS and the local platform's short test timeouts. The
 * decision API answers the wait with SendTaskSuccess `{ decision: approve|refuse }`.
 */
export class ConsultationWorkflow extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ConsultationWorkflowProps) {
    super(scope, id);
    const payload = (action: WorkflowAction, extra: Record<string, unknown> = {}) =>
      TaskInput.fromObject({
        action,
        requestId: JsonPath.stringAt('$.requestId'),
        timeouts: JsonPath.objectAt('$.timeouts'),
        executionId: JsonPath.stringAt('$$.Execution.Id'),
        ...extra,
      });
    const step = (stateId: string, action: WorkflowAction, keepValidUntil = false) => {
      const task = new LambdaInvoke(this, stateId, {
        lambdaFunction: props.worker,
        payload: payload(action),
        comment: `consultation-workflow: ${action}`,
        ...(keepValidUntil
          ? { resultSelector: { 'validUntil.$': '$.Payload.validUntil' }, resultPath: '$.grant' }
          : { resultPath: JsonPath.DISCARD }),
      });
      // A step that lost a race with the decision API (optimistic locking) reads again and decides again.
      task.addRetry({
        errors: ['States.TaskFailed'],
        maxAttempts: 3,
        interval: Duration.seconds(1),
        backoffRate: 2,
      });
      return task;
    };
    const awaitCallback = (stateId: string, timeoutPath: string) =>
      new LambdaInvoke(this, stateId, {
        lambdaFunction: props.worker,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: payload('enqueue', { taskToken: JsonPath.taskToken }),
        taskTimeout: Timeout.at(timeoutPath),
        comment: 'consultation-workflow: enqueue for the verifying authority, then wait for its decision',
        resultPath: '$.decision',
      });

    const done = new Succeed(this, 'Done');
    const grantExpired = step('GrantExpired', 'grant-expired').next(done);
    const untilGrantExpires = new Wait(this, 'UntilGrantExpires', {
      time: WaitTime.timestampPath('$.grant.validUntil'),
    }).next(grantExpired);

    const approve = Condition.stringEquals('$.decision.decision', 'approve');
    const normal = awaitCallback('AwaitDecision', '$.timeouts.decisionSeconds')
      .addCatch(step('Expire', 'expire').next(done), { errors: ['States.Timeout'], resultPath: '$.timeout' })
      .next(
        new Choice(this, 'Approved?')
          .when(approve, step('Grant', 'grant', true).next(untilGrantExpires))
          .otherwise(step('Refuse', 'refuse').next(done)),
      );
    const urgent = step('GrantUrgently', 'grant-urgently', true).next(
      awaitCallback('AwaitVerification', '$.timeouts.urgentVerificationSeconds')
        .addCatch(step('VerificationOverdue', 'verification-overdue').next(done), {
          errors: ['States.Timeout'],
          resultPath: '$.timeout',
        })
        .next(
          new Choice(this, 'Verified?')
            .when(approve, step('ConfirmUrgent', 'confirm-urgent').next(untilGrantExpires))
            .otherwise(step('RevokeUrgent', 'revoke-urgent').next(done)),
        ),
    );
    const definition = step('Record', 'record').next(
      new Choice(this, 'Urgent?').when(Condition.booleanEquals('$.urgent', true), urgent).otherwise(normal),
    );

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_YEAR,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'Art 22 access request: verifying authority decision, grant, expiry; urgent path',
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: props.executionTimeout ?? Duration.days(90),
      tracingEnabled: true,
      // Execution data stays out of the logs: the log shows states and transitions only.
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
      encryptionConfiguration: props.key ? new CustomerManagedEncryptionConfiguration(props.key) : undefined,
    });

    const role = this.stateMachine.role as unknown as Construct;
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (logs:CreateLogDelivery and friends) support no resource-level permissions; Step Functions requires "*" for both.',
    );
    const workerResource = props.worker.node.defaultChild as CfnResource | undefined;
    if (workerResource?.logicalId) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${Stack.of(workerResource).resolve(workerResource.logicalId)}.Arn>:*]`,
        'The Lambda task grant covers the worker function and its versions (<arn>:*), as the Step Functions Lambda integration may invoke a qualified ARN; it names the one worker function.',
      );
    }
  }

  /** The API function: starts executions and answers their callbacks (SendTaskSuccess/Failure). */
  grantToApi(fn: IGrantable): void {
    this.stateMachine.grantStartExecution(fn);
    this.stateMachine.grantTaskResponse(fn);
  }
}

/** Where the local platform's copy of the definition lives (generated; a test keeps it equal to the synth). */
export const CONSULTATION_ASL_FILE = 'functions/consultation/state-machine.asl.json';
export const ASL_REGION = 'eu-central-1';
export const ASL_ACCOUNT = '000000000000';
/** The worker's ARN in the standalone synth: the local runner maps it to the worker handler. */
export const ASL_WORKER_ARN = `arn:aws:lambda:${ASL_REGION}:${ASL_ACCOUNT}:function:consultation-workflow`;

// biome-ignore lint/suspicious/noExplicitAny: an ASL document is free-form JSON
export type AslDefinition = { StartAt: string; States: Record<string, any>; [key: string]: unknown };

type TemplateResources = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/**
 * Synthesises this construct in a minimal stack whose worker is an imported function and returns
 * the state machine's definition with the template's intrinsics resolved: the ASL the local
 * platform runs (CONSULTATION_ASL_FILE).
 */
export function synthesizeConsultationAsl(workerArn = ASL_WORKER_ARN): AslDefinition {
  const app = new App();
  const stack = new Stack(app, 'ConsultationAsl', { env: { account: ASL_ACCOUNT, region: ASL_REGION } });
  const worker = LambdaFunction.fromFunctionArn(stack, 'Worker', workerArn);
  new ConsultationWorkflow(stack, 'Consultation', { worker });
  const template = app.synth().getStackByName(stack.stackName).template as TemplateResources;
  return definitionOf(template, {
    'AWS::Partition': 'aws',
    'AWS::Region': ASL_REGION,
    'AWS::AccountId': ASL_ACCOUNT,
  });
}

/**
 * The ASL of the state machine of a synthesised template (the one named by `logicalId`, or the only
 * one); Ref/GetAtt resolved through `refs`.
 */
export function definitionOf(
  template: TemplateResources,
  refs: Record<string, string>,
  logicalId?: string,
): AslDefinition {
  const machines = Object.entries(template.Resources)
    .filter(([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && (!logicalId || id === logicalId))
    .map(([, r]) => r);
  if (machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  return JSON.parse(resolveIntrinsics(machines[0]!.Properties.DefinitionString, refs)) as AslDefinition;
}

function resolveIntrinsics(value: unknown, refs: Record<string, string>): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if (Array.isArray(node['Fn::Join'])) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolveIntrinsics(part, refs)).join(separator);
  }
  if (typeof node.Ref === 'string' && refs[node.Ref] !== undefined) return refs[node.Ref]!;
  if (Array.isArray(node['Fn::GetAtt'])) {
    const key = (node['Fn::GetAtt'] as string[]).join('.');
    if (refs[key] !== undefined) return refs[key]!;
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)} in the state machine definition`);
}
