import { auditLogFromEnv } from '../audit/index';
import { createApiHandler } from '../shared/middleware/api-handler';
import { midDependencies } from './dependencies';
import { linkHandlers } from './handlers/links';

export const handler = createApiHandler(
  linkHandlers(() => {
    const { links, reader } = midDependencies();
    return { links, reader, now: () => new Date() };
  }),
  auditLogFromEnv,
);
