import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { espPortal } from './dependencies';
import { searchHandler } from './handlers/search';

export const handler = createApiHandler({ espSearch: searchHandler(espPortal) }, auditLogFromEnv);
