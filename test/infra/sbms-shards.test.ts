import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ACCESS } from '../../lib/access';
import { SBMS_SEARCHERS } from '../../lib/platform-stack';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.getLogicalId(construct.node.defaultChild as CfnElement);
const shardWorker = () => built.platform.workers['sbms-shard-worker'];
const searchers = () =>
  SBMS_SEARCHERS.map((name) =>
    name === 'mid-check-consumer' ? built.platform.workers[name] : built.platform.componentFunctions[name],
  );

function policyOf(fn: { executionRole: { node: { defaultChild?: unknown } } }): string {
  const roleId = logicalId(fn.executionRole);
  const policies = Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  return JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
}

describe('sBMS shard worker', () => {
  it('runs the shard worker entry with room for one shard in memory', () => {
    built.platformTemplate.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 3008,
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'sbms-shard-worker',
          SBMS_RESIDENT_SHARDS: '1',
        }),
      },
    });
  });

  it('gives the shard worker read access to the CIR and its snapshots, nothing else', () => {
    expect(FUNCTION_ACCESS['sbms-shard-worker']).toEqual({ tables: { Cir: 'read' }, snapshots: 'readWrite' });
    const policy = policyOf(shardWorker());
    expect(policy).toMatch(/CirTable/);
    expect(policy).toMatch(/\/index\/gsi2/);
    expect(policy).toContain('s3:PutObject');
    expect(policy).not.toContain('dynamodb:PutItem');
    expect(policy).not.toMatch(/AuditTable|LinksTable/);
    expect(policy).not.toContain('sqs:');
    expect(policy).not.toContain('lambda:InvokeFunction');
  });

  it.each([...SBMS_SEARCHERS])(
    'lets %s invoke the shard worker, and names it in SBMS_SHARD_FUNCTION',
    (name) => {
      const fn = searchers()[SBMS_SEARCHERS.indexOf(name)]!;
      const workerArn = { 'Fn::GetAtt': [logicalId(shardWorker()), 'Arn'] };
      expect(policyOf(fn)).toContain(
        JSON.stringify({ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: workerArn }),
      );
      const functions = resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function');
      const env = (functions[logicalId(fn)]!.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(env.SBMS_SHARD_FUNCTION).toEqual({ Ref: logicalId(shardWorker()) });
    },
  );

  it('lets no other function invoke it', () => {
    const allowed = new Set(searchers().map((fn) => logicalId(fn.executionRole)));
    for (const policy of Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy'))) {
      const roles = (policy.Properties.Roles as { Ref: string }[]).map((r) => r.Ref);
      const document = JSON.stringify(policy.Properties.PolicyDocument);
      if (document.includes('lambda:InvokeFunction') && document.includes(logicalId(shardWorker()))) {
        expect(roles.every((role) => allowed.has(role))).toBe(true);
      }
    }
  });
});
