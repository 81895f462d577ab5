import { CirReader } from '../mid/cir-reader';
import { DynamoLinkRepository } from '../mid/link-store';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { CirMidPersonDirectory } from './person-directory';
import { DynamoRightsStore } from './store';

let cached: { store: DynamoRightsStore; directory: CirMidPersonDirectory } | undefined;

/** The rights function's store and its read-only view of the CIR and the MID. */
export function rightsDependencies() {
  if (cached) return cached;
  const config = loadConfig();
  if (!config.RIGHTS_TABLE) throw new Error('function configuration incomplete: RIGHTS_TABLE');
  const store = new DynamoRightsStore(dynamo, config.RIGHTS_TABLE);
  const directory = new CirMidPersonDirectory(
    new CirReader(dynamo, config.CIR_TABLE),
    new DynamoLinkRepository(dynamo, config.LINKS_TABLE),
    store,
  );
  cached = { store, directory };
  return cached;
}
