import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { rightsDependencies } from './dependencies';
import { instructionHandlers } from './handlers/instructions';
import { notificationHandlers } from './handlers/notifications';
import { requestHandlers } from './handlers/requests';

const dependencies = () => ({ ...rightsDependencies(), now: () => new Date() });

export const handler = createApiHandler(
  {
    ...requestHandlers(dependencies),
    ...notificationHandlers(dependencies),
    ...instructionHandlers(dependencies),
  },
  auditLogFromEnv,
);
