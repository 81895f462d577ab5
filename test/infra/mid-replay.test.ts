import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionOf } from '../../lib/constructs/consultation';
import { resourcesOfType, type SynthesisedApp, synthesise } from './synth';

let built: SynthesisedApp;
beforeAll(() => {
  built = synthesise();
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.getLogicalId(construct.node.defaultChild as CfnElement);
const worker = () => built.platform.workers['mid-replay'];

function policyOf(fn: { executionRole: { node: { defaultChild?: unknown } } }): string {
  const roleId = logicalId(fn.executionRole);
  const policies = Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  return JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
}

function replayDefinition() {
  const template = built.platformTemplate.toJSON() as Parameters<typeof definitionOf>[0];
  const workerArn = 'arn:aws:lambda:eu-central-1:000000000000:function:mid-replay';
  return definitionOf(
    template,
    { 'AWS::Partition': 'aws', [`${logicalId(worker())}.Arn`]: workerArn },
    logicalId(built.platform.midReplay.stateMachine),
  );
}

describe('MID replay job (docs/mid-replay.md)', () => {
  it('plans, replays every Scan segment in a Distributed Map child, then writes the report', () => {
    const definition = replayDefinition();
    expect(definition.StartAt).toBe('Plan');
    expect(definition.States.Plan.Next).toBe('Segments');
    const map = definition.States.Segments;
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.ItemsPath).toBe('$.plan.segments');
    expect(map.ItemProcessor.States.ReplaySegment.Parameters).toEqual({
      action: 'segment',
      'segment.$': '$.segment',
      'config.$': '$.config',
    });
    expect(map.Next).toBe('Report');
    expect(definition.States.Report.Parameters).toMatchObject({
      action: 'report',
      'tallies.$': '$.tallies',
    });
  });

  it('is a traced Standard workflow whose execution data is encrypted and kept out of its logs', () => {
    built.platformTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      EncryptionConfiguration: Match.objectLike({ Type: 'CUSTOMER_MANAGED_KMS_KEY' }),
      DefinitionString: Match.objectLike({
        'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('DISTRIBUTED')])]),
      }),
    });
  });

  it('keeps the reports in a KMS-encrypted, SSL-only bucket with access logs, retained', () => {
    const reports = built.platform.midReplay.reports;
    const buckets = resourcesOfType(built.platformTemplate, 'AWS::S3::Bucket');
    const bucket = buckets[logicalId(reports)]!;
    expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain('"SSEAlgorithm":"aws:kms"');
    expect(bucket.Properties.LoggingConfiguration).toEqual(
      expect.objectContaining({ LogFilePrefix: 'mid-replay-reports/' }),
    );
    expect((bucket as unknown as { DeletionPolicy: string }).DeletionPolicy).toBe('Retain');
    built.platformTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(reports) },
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('lets the worker read the links and the CIR and put report objects, nothing else', () => {
    const policy = policyOf(worker());
    expect(policy).toMatch(/LinksTable/);
    expect(policy).toMatch(/CirTable/);
    expect(policy).toContain('dynamodb:Scan');
    expect(policy).toContain('s3:PutObject');
    for (const write of [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ])
      expect(policy).not.toContain(write);
    expect(policy).not.toContain('s3:GetObject');
    expect(policy).not.toContain('s3:DeleteObject');
    expect(policy).not.toMatch(/AuditTable|StatisticsTable|RightsTable/);
    const functions = resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function');
    const env = (
      functions[logicalId(worker())]!.Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(env.MID_REPLAY_BUCKET).toEqual({ Ref: logicalId(built.platform.midReplay.reports) });
  });
});
