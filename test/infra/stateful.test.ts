import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { QUEUES, TABLES } from '../../lib/resources';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

const keyRef = () => ({
  'Fn::GetAtt': [built.stateful.getLogicalId(built.stateful.key.node.defaultChild as CfnElement), 'Arn'],
});

describe('stateful stack', () => {
  it('has one table per definition in resources.ts, and no other', () => {
    built.statefulTemplate.resourceCountIs('AWS::DynamoDB::Table', TABLES.length);
  });

  it.each(TABLES.map((t) => [t.name, t] as const))(
    'table %s has the keys, GSIs and projections of resources.ts',
    (_name, definition) => {
      built.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes:
          definition.gsis.length === 0
            ? Match.absent()
            : definition.gsis.map((gsi) => ({
                IndexName: gsi.indexName,
                KeySchema: [
                  { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
                  { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: gsi.projection },
              })),
        ...(definition.ttlAttribute
          ? { TimeToLiveSpecification: { AttributeName: definition.ttlAttribute, Enabled: true } }
          : {}),
      });
    },
  );

  it('encrypts every table with the customer-managed key', () => {
    for (const table of Object.values(resourcesOfType(built.statefulTemplate, 'AWS::DynamoDB::Table'))) {
      expect(table.Properties.SSESpecification).toEqual({
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: keyRef(),
      });
    }
  });

  it('turns point-in-time recovery and deletion protection on for every table', () => {
    for (const table of Object.values(resourcesOfType(built.statefulTemplate, 'AWS::DynamoDB::Table'))) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('retains tables, queues, key and buckets when the stack is deleted', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::KMS::Key', 'AWS::S3::Bucket']) {
      const resources = built.statefulTemplate.findResources(type);
      expect(Object.keys(resources).length, type).toBeGreaterThan(0);
      for (const resource of Object.values(resources)) {
        expect(resource, type).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    }
  });

  it('rotates the customer-managed key', () => {
    built.statefulTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it.each(QUEUES.map((q) => [q.name, q] as const))(
    'queue %s has a KMS-encrypted DLQ with its maxReceiveCount and visibility timeout',
    (_name, definition) => {
      built.statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: definition.visibilityTimeoutSeconds,
        KmsMasterKeyId: keyRef(),
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${definition.name}Dlq`), 'Arn'] },
          maxReceiveCount: definition.maxReceiveCount,
        },
      });
    },
  );

  it('keeps dead letters 14 days, encrypted with the customer key', () => {
    built.statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 14 * 24 * 3600,
      KmsMasterKeyId: keyRef(),
    });
  });

  it('refuses plain-HTTP access to every queue', () => {
    const policies = resourcesOfType(built.statefulTemplate, 'AWS::SQS::QueuePolicy');
    const queues = resourcesOfType(built.statefulTemplate, 'AWS::SQS::Queue');
    expect(Object.keys(policies)).toHaveLength(Object.keys(queues).length);
    for (const policy of Object.values(policies)) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('encrypts the sBMS snapshot bucket with the key, versions it, blocks public access and logs access', () => {
    built.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyRef() },
          }),
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'sbms-snapshots/' },
    });
  });

  it('writes the access patterns of resources.ts next to each table', () => {
    for (const definition of TABLES) {
      built.statefulTemplate.hasResource('AWS::DynamoDB::Table', {
        Metadata: Match.objectLike({ AccessPatterns: definition.accessPatterns }),
      });
    }
  });
});
