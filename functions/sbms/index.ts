import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { identifyHandler } from './handlers/identify';
import { verifyHandler } from './handlers/verify';
import { sbmsService } from './service';

export const handler = createApiHandler(
  { identify: identifyHandler(sbmsService), verify: verifyHandler(sbmsService) },
  auditLogFromEnv,
);
