import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { consultationDependencies } from './dependencies';
import { accessRequestHandlers } from './handlers/access-requests';
import { consultationHandlers } from './handlers/consultations';
import { identityCheckHandlers } from './handlers/identity-checks';

export const handler = createApiHandler(
  {
    ...consultationHandlers(consultationDependencies),
    ...accessRequestHandlers(consultationDependencies),
    ...identityCheckHandlers(consultationDependencies),
  },
  auditLogFromEnv,
);
