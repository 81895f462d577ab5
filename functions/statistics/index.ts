import { auditLogFromEnv } from '../audit/index';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { createApiHandler } from '../shared/middleware/api-handler';
import { statisticsHandlers } from './handlers/statistics';
import { DynamoStatisticsStore } from './store';

let store: DynamoStatisticsStore | undefined;
const storeFromEnv = () => {
  const table = loadConfig().STATISTICS_TABLE;
  if (!table) throw new Error('function configuration incomplete: STATISTICS_TABLE');
  store ??= new DynamoStatisticsStore(dynamo, table);
  return store;
};

export const handler = createApiHandler(statisticsHandlers(storeFromEnv), auditLogFromEnv);
