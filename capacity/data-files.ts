import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CAPACITY_DIR } from './measured-file';

export const DATA_DIR = join(CAPACITY_DIR, 'data');

const positive = z.number().positive();

/** Whether a stored copy of a page states a value: the AWS page itself, only a secondary page, or none found. */
const verificationSchema = z.object({
  status: z.enum(['verified', 'secondary', 'unverified']),
  source: z.url(),
  note: z.string(),
});
/** Per value, keyed by its path in the file (`lambda.memoryMaxMB`). */
const verificationsSchema = z.record(z.string(), verificationSchema);

export const limitsSchema = z.object({
  region: z.string(),
  takenOn: z.string(),
  checkedOn: z.string(),
  sources: z.record(z.string(), z.url()),
  verification: verificationsSchema,
  lambda: z.object({
    memoryMaxMB: positive,
    memoryPerVcpuMB: positive,
    syncPayloadBytes: positive,
    timeoutMaxSeconds: positive,
    accountConcurrencyDefault: positive,
    scalingInstancesPer10Seconds: positive,
    sqsEventSourceMaxConcurrency: positive,
  }),
  dynamodb: z.object({
    itemMaxBytes: positive,
    gsisPerTable: positive,
    partitionReadUnitsPerSecond: positive,
    partitionWriteUnitsPerSecond: positive,
    partitionStorageBytes: positive,
    tableReadUnitsPerSecondDefault: positive,
    tableWriteUnitsPerSecondDefault: positive,
    transactionMaxItems: positive,
    writeUnitBytes: positive,
    readUnitBytes: positive,
  }),
  sqs: z.object({ messageMaxBytes: positive, standardInFlightMax: positive, receiveBatchMax: positive }),
  apiGateway: z.object({
    payloadMaxBytes: positive,
    integrationTimeoutSeconds: positive,
    accountRequestsPerSecond: positive,
    burst: positive,
  }),
  stepFunctions: z.object({
    standardStateTransitionsPerSecond: positive,
    standardStartExecutionPerSecond: positive,
    payloadMaxBytes: positive,
    historyEventsMax: positive,
    openExecutionsMax: positive,
  }),
});
export type Limits = z.infer<typeof limitsSchema>;

export const pricesSchema = z.object({
  region: z.string(),
  currency: z.string(),
  takenOn: z.string(),
  checkedOn: z.string(),
  sources: z.record(z.string(), z.url()),
  verification: verificationsSchema,
  lambda: z.object({
    requestPerMillion: positive,
    gbSecond: positive,
    provisionedGbSecond: positive,
    provisionedDurationGbSecond: positive,
  }),
  dynamodb: z.object({
    writeRequestUnitPerMillion: positive,
    readRequestUnitPerMillion: positive,
    storageGbMonth: positive,
  }),
  sqs: z.object({ requestPerMillion: positive }),
  stepFunctions: z.object({ standardTransitionPerThousand: positive }),
  apiGateway: z.object({ restRequestPerMillion: positive }),
  s3: z.object({ storageGbMonth: positive, getPerThousand: positive, putPerThousand: positive }),
  ec2: z.object({
    instance: z.string(),
    instanceRegion: z.string(),
    vcpus: positive,
    memoryGiB: positive,
    hourly: positive,
  }),
});
export type Prices = z.infer<typeof pricesSchema>;

export const readJson = <T>(schema: z.ZodType<T>, path: string): T =>
  schema.parse(JSON.parse(readFileSync(path, 'utf8')));

export const DEFAULT_LIMITS = join(DATA_DIR, 'aws-limits.json');
export const DEFAULT_PRICES = join(DATA_DIR, 'prices-eu-west-1.json');
export const DEFAULT_ARRIVALS = join(DATA_DIR, 'peak-day-arrivals.json');
