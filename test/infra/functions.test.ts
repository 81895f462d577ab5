import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../functions/routes';
import { FUNCTION_ACCESS } from '../../lib/access';
import { WORKER_ENTRIES } from '../../lib/platform-stack';
import { MID_CHECK_QUEUE, QUEUES, TABLES } from '../../lib/resources';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.getLogicalId(construct.node.defaultChild as CfnElement);

function allFunctions() {
  return Object.values(resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function'));
}

/** All statements of the inline policies attached to a function's role, as one JSON string. */
function policyOf(fn: { executionRole: { node: { defaultChild?: unknown } } }): string {
  const roleId = logicalId(fn.executionRole);
  const policies = Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  return JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
}

describe('functions', () => {
  it('has one function per API component plus the MID check consumer, the outbox sweeper and the sBMS shard worker', () => {
    expect(allFunctions()).toHaveLength(COMPONENTS.length + Object.keys(WORKER_ENTRIES).length);
  });

  it('runs every function on Node.js 22, arm64, with X-Ray active tracing', () => {
    for (const fn of allFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it.each([...COMPONENTS])(
    'gives the %s function its Powertools service name and the resource names',
    (component) => {
      const fn = built.platform.componentFunctions[component];
      const expectedNames = Object.fromEntries([
        ...TABLES.map((t) => [t.envVar, Match.anyValue()]),
        ...QUEUES.map((q) => [q.envVar, Match.anyValue()]),
      ]);
      built.platformTemplate.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.absent(),
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: component,
            POWERTOOLS_METRICS_NAMESPACE: 'EuInterop',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            STAGE: 'test',
            ...expectedNames,
          }),
        },
        LoggingConfig: { LogGroup: { Ref: logicalId(fn.logGroup) }, LogFormat: 'JSON' },
      });
    },
  );

  it('gives every function its own encrypted log group with a retention', () => {
    const groups = resourcesOfType(built.platformTemplate, 'AWS::Logs::LogGroup');
    for (const fn of [
      ...Object.values(built.platform.componentFunctions),
      ...Object.values(built.platform.workers),
    ]) {
      const group = groups[logicalId(fn.logGroup)];
      expect(group?.Properties.RetentionInDays).toBeGreaterThan(0);
      expect(group?.Properties.KmsKeyId).toBeDefined();
    }
  });

  it('attaches no AWS managed policy to a function role', () => {
    for (const fn of [
      ...Object.values(built.platform.componentFunctions),
      ...Object.values(built.platform.workers),
    ]) {
      const role = resourcesOfType(built.platformTemplate, 'AWS::IAM::Role')[logicalId(fn.executionRole)];
      expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets the audit function append to the audit table but not delete or update entries', () => {
    const policy = policyOf(built.platform.componentFunctions.audit);
    expect(FUNCTION_ACCESS.audit.tables).toEqual({ Audit: 'append' });
    expect(policy).toContain('dynamodb:PutItem');
    expect(policy).toContain('dynamodb:Query');
    expect(policy).not.toContain('dynamodb:DeleteItem');
    expect(policy).not.toContain('dynamodb:UpdateItem');
    expect(policy).not.toContain('dynamodb:BatchWriteItem');
    expect(policy).not.toContain('sqs:SendMessage');
  });

  it('lets the cir function send MID checks and write files and links', () => {
    const policy = policyOf(built.platform.componentFunctions.cir);
    expect(policy).toContain('sqs:SendMessage');
    expect(policy).toContain('dynamodb:DeleteItem');
    expect(policy).toMatch(/CirTable/);
    expect(policy).toMatch(/LinksTable/);
  });

  it('grants Query on named indexes only: no index wildcard and no Scan on an index', () => {
    for (const fn of [
      ...Object.values(built.platform.componentFunctions),
      ...Object.values(built.platform.workers),
    ]) {
      const policy = policyOf(fn);
      expect(policy).not.toContain('/index/*');
      expect(policy).toMatch(/\/index\/gsi1/);
    }
  });

  it('feeds the MID check queue to the consumer with its batch size and partial batch responses', () => {
    built.platformTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(built.platform.workers['mid-check-consumer']) },
      BatchSize: MID_CHECK_QUEUE.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('keeps the consumer timeout within a sixth of the queue visibility timeout', () => {
    built.platformTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'mid-check-consumer' }) },
      Timeout: Match.anyValue(),
    });
    const consumer = allFunctions().find(
      (f) =>
        (f.Properties.Environment as { Variables: Record<string, string> }).Variables
          .POWERTOOLS_SERVICE_NAME === 'mid-check-consumer',
    );
    expect(consumer!.Properties.Timeout as number).toBeLessThanOrEqual(
      MID_CHECK_QUEUE.visibilityTimeoutSeconds / 6,
    );
  });

  it('runs the outbox sweeper every minute', () => {
    built.platformTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(built.platform.workers['cir-outbox-sweeper']), 'Arn'] },
        }),
      ],
    });
  });
});

describe('identity', () => {
  it('has a user pool with the custom attributes the functions read as claims', () => {
    built.platformTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith(
        ['authority', 'member_state', 'profile', 'system'].map((name) =>
          Match.objectLike({ Name: name, AttributeDataType: 'String' }),
        ),
      ),
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('offers terminals an app client without OAuth flows and with one-hour tokens', () => {
    built.platformTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: Match.absent(),
      CallbackURLs: Match.absent(),
      GenerateSecret: false,
      IdTokenValidity: 60,
      WriteAttributes: [],
    });
  });

  it('has one group per role', async () => {
    const { ROLES } = await import('../../functions/shared/auth/roles');
    for (const role of ROLES) {
      built.platformTemplate.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
    built.platformTemplate.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
  });
});
