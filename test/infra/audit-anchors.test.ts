import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ANCHOR_RETENTION_DAYS } from '../../lib/resources';
import { resourcesOfType, type SynthesisedApp, synthesise } from './synth';

let built: SynthesisedApp;
beforeAll(() => {
  built = synthesise();
});

const statefulId = (construct: { node: { defaultChild?: unknown } }) =>
  built.stateful.getLogicalId(construct.node.defaultChild as CfnElement);
const platformId = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.getLogicalId(construct.node.defaultChild as CfnElement);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the platform's inline policies, with the role it is attached to. */
function platformStatements(): { roles: string[]; statement: Statement }[] {
  return Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map((statement) => ({
      roles: (policy.Properties.Roles as { Ref: string }[]).map((r) => r.Ref),
      statement,
    })),
  );
}
const actions = (statement: Statement) => [statement.Action].flat();

describe('audit head anchoring', () => {
  it('signs with an asymmetric P-256 key usable for signing and verifying only', () => {
    const key = resourcesOfType(built.statefulTemplate, 'AWS::KMS::Key')[
      statefulId(built.stateful.auditSigningKey)
    ];
    expect(key?.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  });

  it('keeps the anchors in a bucket with Object Lock in compliance mode, longer than the log', () => {
    const bucket = resourcesOfType(built.statefulTemplate, 'AWS::S3::Bucket')[
      statefulId(built.stateful.auditAnchorBucket)
    ];
    expect(bucket?.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: AUDIT_ANCHOR_RETENTION_DAYS } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(AUDIT_ANCHOR_RETENTION_DAYS).toBeGreaterThan(366);
  });

  it('lets only the head signer use the signing key, and only to sign', () => {
    // The platform stack imports the key's ARN: the export's name holds the key's logical id.
    const keyId = statefulId(built.stateful.auditSigningKey);
    const signerRole = platformId(built.platform.workers['audit-head-signer'].executionRole);
    const onKey = platformStatements().filter(({ statement }) =>
      JSON.stringify(statement.Resource).includes(keyId),
    );
    expect(onKey.length).toBeGreaterThan(0);
    for (const { roles, statement } of onKey) {
      expect(roles).toEqual([signerRole]);
      expect(actions(statement)).toEqual(['kms:Sign']);
    }
    const signs = platformStatements().filter(({ statement }) =>
      actions(statement).some((action) => action === 'kms:Sign' || action === 'kms:*'),
    );
    expect(signs.map(({ roles }) => roles)).toEqual([[signerRole]]);
  });

  it('lets the head signer read the audit table and put anchors, never write the table or delete anything', () => {
    const signerRole = platformId(built.platform.workers['audit-head-signer'].executionRole);
    const granted = platformStatements()
      .filter(({ roles }) => roles.includes(signerRole))
      .flatMap(({ statement }) => actions(statement));
    expect(granted).toContain('s3:PutObject');
    expect(granted).toContain('dynamodb:GetItem');
    for (const action of granted) {
      expect(action).not.toMatch(/^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/);
      expect(action).not.toMatch(/^s3:(Delete|PutObjectRetention|PutBucket|PutObjectLegalHold)/);
    }
  });

  it('lets the log hold applier change only the expiry of audit items', () => {
    const applierRole = platformId(built.platform.workers['audit-hold-applier'].executionRole);
    const statements = platformStatements().filter(({ roles }) => roles.includes(applierRole));
    const updates = statements.filter(({ statement }) => actions(statement).includes('dynamodb:UpdateItem'));
    expect(updates).toHaveLength(1);
    expect(updates[0]!.statement).toMatchObject({
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'expiresAt'] } },
    });
    for (const action of statements.flatMap(({ statement }) => actions(statement))) {
      expect(action).not.toMatch(/^dynamodb:(PutItem|DeleteItem|BatchWriteItem)$/);
    }
  });

  it('runs the head signer every minute', () => {
    built.platformTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [platformId(built.platform.workers['audit-head-signer']), 'Arn'] },
          Id: 'Target0',
          RetryPolicy: { MaximumRetryAttempts: 0 },
        },
      ],
    });
  });
});
