import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { espPortal } from './dependencies';
import { profileHandler } from './handlers/profile';
import { searchHandler } from './handlers/search';

export const handler = createApiHandler(
  { espSearch: searchHandler(espPortal), getEspProfile: profileHandler() },
  auditLogFromEnv,
);
