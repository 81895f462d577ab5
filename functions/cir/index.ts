import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { cirDependencies } from './dependencies';
import { recordHandlers } from './handlers/records';

export const handler = createApiHandler(recordHandlers(cirDependencies), auditLogFromEnv);
