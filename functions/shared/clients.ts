import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from './powertools';

/**
 * SDK clients created once per execution environment. Endpoints come from AWS_ENDPOINT_URL_*,
 * so the same code reaches AWS, LocalStack or the embedded emulators.
 */
export const dynamo = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
// The queue URL names the queue; requests go to the configured endpoint (the emulator's URLs use a
// `sqs.<region>.localhost` host that does not resolve everywhere; in AWS both agree).
export const sqs = tracer.captureAWSv3Client(new SQSClient({ useQueueUrlAsEndpoint: false }));

/**
 * Opt-in record of DynamoDB's consumed capacity (benchmarks: `RECORD_CONSUMED_CAPACITY=true`): every
 * request of the document client asks for `ReturnConsumedCapacity: 'TOTAL'` and its units are summed
 * per scope (key `<scope>`) and per scope, command and table/index (key `<scope> <command> <table>`). A scope is a label set with `inCapacityScope` for an async call tree (e.g. one MID
 * check); anything outside one counts as `other`. Off by default: nothing is added to requests.
 */
export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  requests: number;
}

const capacityScope = new AsyncLocalStorage<string>();
export const consumedCapacity = new Map<string, CapacityTotals>();
const READ_COMMANDS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
  'GetCommand',
  'BatchGetCommand',
  'QueryCommand',
  'ScanCommand',
  'TransactGetCommand',
]);

export function inCapacityScope<T>(scope: string, fn: () => Promise<T>): Promise<T> {
  return capacityScope.run(scope, fn);
}

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

export function recordConsumedCapacity(client: DynamoDBDocumentClient = dynamo): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const capacities = [output.ConsumedCapacity ?? []].flat();
      const isRead = READ_COMMANDS.has(context.commandName ?? '');
      const scope = capacityScope.getStore() ?? 'other';
      const totals = consumedCapacity.get(scope) ?? { readUnits: 0, writeUnits: 0, requests: 0 };
      for (const c of capacities) {
        const split = c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined;
        totals.readUnits += split ? (c.ReadCapacityUnits ?? 0) : isRead ? (c.CapacityUnits ?? 0) : 0;
        totals.writeUnits += split ? (c.WriteCapacityUnits ?? 0) : isRead ? 0 : (c.CapacityUnits ?? 0);
      }
      totals.requests++;
      consumedCapacity.set(scope, totals);
      // and per table/index and command, for finding where a scope's units go
      const { TableName, IndexName } = args.input as { TableName?: string; IndexName?: string };
      const detailKey = `${scope} ${context.commandName ?? '?'} ${TableName ?? '(batch)'}${IndexName ? `/${IndexName}` : ''}`;
      const detail = consumedCapacity.get(detailKey) ?? { readUnits: 0, writeUnits: 0, requests: 0 };
      for (const c of capacities) {
        detail.readUnits += c.ReadCapacityUnits ?? (isRead ? (c.CapacityUnits ?? 0) : 0);
        detail.writeUnits += c.WriteCapacityUnits ?? (isRead ? 0 : (c.CapacityUnits ?? 0));
      }
      detail.requests++;
      consumedCapacity.set(detailKey, detail);
      return result;
    },
    { step: 'initialize', name: 'consumedCapacityRecorder', override: true },
  );
}

if (process.env.RECORD_CONSUMED_CAPACITY === 'true') recordConsumedCapacity();
