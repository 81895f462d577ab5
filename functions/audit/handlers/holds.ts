import { randomUUID } from 'node:crypto';
import { type ApiHandler, created, ok } from '../../shared/http';
import type { AuditHoldBody } from '../../shared/schemas/audit';
import type { LogHold } from '../domain/hold';
import type { DynamoAuditLog } from '../store';

type HoldStore = Pick<DynamoAuditLog, 'placeHold' | 'holds'>;

/**
 * `POST /v1/audit/holds` (data protection officer): records the hold; the hold applier (every five
 * minutes; the local platform's timer) moves the held items' expiry. The log entry of the request
 * names the hold and its days and end, not the reason's text (it may describe a procedure).
 */
export function placeHoldHandler(store: () => HoldStore): ApiHandler<AuditHoldBody> {
  return async (request) => {
    const hold: LogHold = {
      holdId: `HOLD-${randomUUID()}`,
      ...request.body,
      placedAt: new Date().toISOString(),
      placedBy: {
        userId: request.caller.userId,
        authority: request.caller.authority,
        memberState: request.caller.memberState,
      },
    };
    await store().placeHold(hold);
    request.audit.details = { holdId: hold.holdId, from: hold.from, to: hold.to, until: hold.until };
    return created(hold);
  };
}

/** `GET /v1/audit/holds`: every hold, newest first. */
export function listHoldsHandler(store: () => HoldStore): ApiHandler {
  return async (request) => {
    const holds = (await store().holds()).sort((a, b) => b.placedAt.localeCompare(a.placedAt));
    request.audit.resultCount = holds.length;
    return ok({ holds });
  };
}
