import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ASL_WORKER_ARN, definitionOf } from '../../lib/constructs/consultation';
import { consultationAsl } from '../../local/stepfunctions';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.resolve((construct.node.defaultChild as { logicalId: string }).logicalId) as string;

describe('consultation state machine (Art 22 step 2)', () => {
  it('is a Standard workflow', () => {
    built.platformTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
    });
  });

  it('traces with X-Ray', () => {
    built.platformTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
    });
  });

  it('logs every state to its own log group, without execution data', () => {
    built.platformTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
  });

  it('encrypts execution data with the platform key', () => {
    built.platformTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      EncryptionConfiguration: Match.objectLike({ Type: 'CUSTOMER_MANAGED_KMS_KEY' }),
    });
  });

  it('deploys the definition the local platform runs', () => {
    const template = built.platformTemplate.toJSON() as Parameters<typeof definitionOf>[0];
    const worker = logicalIdOf(built.platform.workers['consultation-workflow']);
    const deployed = definitionOf(
      template,
      { 'AWS::Partition': 'aws', [`${worker}.Arn`]: ASL_WORKER_ARN },
      logicalIdOf(built.platform.consultation.stateMachine),
    );
    expect(deployed).toEqual({ ...consultationAsl() });
  });

  it('gives the consultation API function the state machine ARN and the rights to start it and answer its callbacks', () => {
    const fn = built.platform.componentFunctions.consultation;
    const functions = resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function');
    const environment = functions[logicalIdOf(fn)]!.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(environment.Variables.CONSULTATION_STATE_MACHINE_ARN).toEqual({
      Ref: logicalIdOf(built.platform.consultation.stateMachine),
    });
    const policies = resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy');
    const role = logicalIdOf(fn.executionRole);
    const actions = Object.values(policies)
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
      .flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
      )
      .flatMap((statement) => statement.Action);
    expect(actions).toEqual(
      expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure']),
    );
  });

  it('keeps the consultations in a table with the pending-queue index and a TTL', () => {
    built.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    expect(built.stateful.tables.has('Consultations')).toBe(true);
  });
});
