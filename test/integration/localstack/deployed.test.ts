import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { CLAIM } from '../../../functions/shared/auth/claims';

/**
 * Runs with `TARGET=localstack npm run test:integration` after `npm run deploy:localstack`. The Cognito
 * authorizer needs LocalStack's paid tier, so these tests drive the deployed CIR function with the API
 * Gateway proxy event the authorizer would produce, and inspect the deployed tables directly.
 */
const ENDPOINT = process.env.LOCALSTACK_ENDPOINT ?? 'http://localhost:4566';
const config = {
  endpoint: ENDPOINT,
  region: process.env.AWS_REGION ?? 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

async function localStackAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${ENDPOINT}/_localstack/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

const reachable = await localStackAnswers();
if (!reachable)
  process.stderr.write(
    `TARGET=localstack: nothing answers on ${ENDPOINT}; the LocalStack tests are skipped\n`,
  );

describe.skipIf(!reachable)(
  `the stacks deployed to LocalStack (skipped when nothing answers on ${ENDPOINT})`,
  () => {
    const dynamo = new DynamoDBClient(config);
    const lambda = new LambdaClient(config);

    it('has the CIR table with point-in-time recovery and customer-key encryption', async () => {
      const tables = (await dynamo.send(new ListTablesCommand({}))).TableNames ?? [];
      const cir = tables.find((name) => name.includes('Cir'));
      expect(cir).toBeDefined();
      const description = await dynamo.send(new DescribeTableCommand({ TableName: cir }));
      expect(description.Table?.SSEDescription?.SSEType).toBe('KMS');
      const backups = await dynamo.send(new DescribeContinuousBackupsCommand({ TableName: cir }));
      expect(
        backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
      ).toBe('ENABLED');
    });

    it('runs PUT, GET and DELETE of a record through the deployed CIR function', async () => {
      const functions = (await lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
      const cir = functions.find((fn) => /Platform-Cir/i.test(fn.FunctionName ?? ''));
      expect(cir).toBeDefined();
      const call = async (httpMethod: string, body?: unknown) => {
        const event = {
          resource: '/v1/systems/{system}/records/{recordId}',
          path: '/v1/systems/EES/records/localstack-1',
          httpMethod,
          headers: {},
          pathParameters: { system: 'EES', recordId: 'localstack-1' },
          queryStringParameters: null,
          body: body === undefined ? null : JSON.stringify(body),
          isBase64Encoded: false,
          requestContext: {
            requestId: `ls-${httpMethod}-${Date.now()}`,
            authorizer: {
              claims: {
                [CLAIM.userId]: 'localstack-ees',
                [CLAIM.groups]: 'origin-system',
                [CLAIM.authority]: 'EES:DE',
                [CLAIM.memberState]: 'DE',
                [CLAIM.system]: 'EES',
              },
            },
          },
        };
        const result = await lambda.send(
          new InvokeCommand({ FunctionName: cir!.FunctionName, Payload: JSON.stringify(event) }),
        );
        return JSON.parse(new TextDecoder().decode(result.Payload)) as { statusCode: number; body: string };
      };
      const record = { identity: { surnames: ['LOCALSTACK'], firstNames: ['TEST'] }, version: Date.now() };
      expect([200, 201]).toContain((await call('PUT', record)).statusCode);
      expect(JSON.parse((await call('GET')).body).identity.surnames).toEqual(['LOCALSTACK']);
      expect((await call('DELETE')).statusCode).toBe(200);
      expect((await call('GET')).statusCode).toBe(404);
    });
  },
);
