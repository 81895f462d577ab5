import { blockingKeysOfRecord } from '../mid/domain/blocking';
import { removeRecord } from '../mid/domain/check';
import { DynamoLinkRepository } from '../mid/link-store';
import { DEFAULT_SBMS_CONFIG } from '../sbms/domain/config';
import { checkBiometrics } from '../sbms/domain/quality-gate';
import { shardOfFile } from '../sbms/service';
import { dynamo, sqs } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { qualityCountingFromEnv } from '../statistics/quality/store';
import type { MidResultPorts } from './domain/mid-result';
import type { CirDependencies } from './domain/records';
import { SqsMidCheckQueue } from './queue';
import { DynamoCirStore } from './store';

export type CirFunctionDependencies = CirDependencies & {
  store: DynamoCirStore;
  queue: SqsMidCheckQueue;
  midResult: MidResultPorts;
};

let cached: CirFunctionDependencies | undefined;

/** The CIR's collaborators in a function: DynamoDB, SQS, the sBMS quality gate, MID keys and links. */
export function cirDependencies(): CirFunctionDependencies {
  if (cached) return cached;
  const config = loadConfig();
  const links = new DynamoLinkRepository(dynamo, config.LINKS_TABLE);
  const store = new DynamoCirStore(
    dynamo,
    config.CIR_TABLE,
    shardOfFile(),
    qualityCountingFromEnv()?.changeItems,
  );
  cached = {
    store,
    midResult: { checkState: (ref) => store.checkState(ref), linksOf: (ref) => links.listByRecord(ref) },
    queue: new SqsMidCheckQueue(sqs, config.MID_CHECK_QUEUE_URL),
    gate: (biometrics) => {
      const { accepted, refusals } = checkBiometrics(biometrics ?? {}, DEFAULT_SBMS_CONFIG);
      return { accepted, refused: refusals };
    },
    indexKeys: blockingKeysOfRecord,
    removeLinks: async (ref) => (await removeRecord(ref, { links, now: () => new Date() })).removed.length,
    now: () => new Date(),
  };
  return cached;
}
