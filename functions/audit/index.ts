import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { createApiHandler } from '../shared/middleware/api-handler';
import { listHoldsHandler, placeHoldHandler } from './handlers/holds';
import { listAuditHandler } from './handlers/list-audit';
import { verifyAuditHandler } from './handlers/verify-audit';
import { DynamoAuditLog } from './store';

let auditLog: DynamoAuditLog | undefined;
export const auditLogFromEnv = () => {
  auditLog ??= new DynamoAuditLog(dynamo, loadConfig().AUDIT_TABLE);
  return auditLog;
};

export const handler = createApiHandler(
  {
    listAudit: listAuditHandler(auditLogFromEnv),
    verifyAudit: verifyAuditHandler(auditLogFromEnv),
    placeAuditHold: placeHoldHandler(auditLogFromEnv),
    listAuditHolds: listHoldsHandler(auditLogFromEnv),
  },
  auditLogFromEnv,
);
