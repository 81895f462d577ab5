import { auditLogFromEnv } from '../audit/index';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { createApiHandler } from '../shared/middleware/api-handler';
import { dataQualityHandlers } from './handlers/data-quality';
import { midAccuracyHandlers } from './handlers/mid-accuracy';
import { statisticsHandlers } from './handlers/statistics';
import { DynamoQualityReader } from './quality/store';
import { DynamoStatisticsStore } from './store';

const statisticsTable = () => {
  const table = loadConfig().STATISTICS_TABLE;
  if (!table) throw new Error('function configuration incomplete: STATISTICS_TABLE');
  return table;
};
let store: DynamoStatisticsStore | undefined;
const storeFromEnv = () => {
  store ??= new DynamoStatisticsStore(dynamo, statisticsTable());
  return store;
};
let quality: DynamoQualityReader | undefined;
const qualityFromEnv = () => {
  quality ??= new DynamoQualityReader(dynamo, statisticsTable());
  return quality;
};

export const handler = createApiHandler(
  {
    ...statisticsHandlers(storeFromEnv),
    ...midAccuracyHandlers(storeFromEnv, () => loadConfig().MID_FAIRNESS_FLAG_RATIO),
    ...dataQualityHandlers(qualityFromEnv),
  },
  auditLogFromEnv,
);
