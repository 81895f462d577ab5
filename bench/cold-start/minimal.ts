// The baseline of `npm run bench -- cold-start`: the least a platform function imports (a Powertools
// Logger and a DynamoDB client, created at module scope as the functions create theirs).

import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const logger = new Logger();
const client = new DynamoDBClient({});

export const handler = async () => {
  logger.info('cold-start baseline');
  return client.config.apiVersion;
};
