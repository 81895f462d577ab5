import { type ApiHandler, ok } from '../../shared/http';
import type { NotificationExceptionBody, NotificationQuery } from '../../shared/schemas/rights';
import { assertNotifiedThrough, recordException } from '../domain/notifications';
import type { RightsStore } from '../domain/ports';

/** Arts 32(4), 33(3): the notifications an authority is to send, and the exceptions it records. */
export function notificationHandlers(dependencies: () => { store: RightsStore; now: () => Date }) {
  const listNotifications: ApiHandler<unknown, Record<string, string>, NotificationQuery> = async (
    request,
  ) => {
    const { store } = dependencies();
    const page = await store.listNotifications(request.caller.authority, request.query);
    request.audit.purpose = 'link-notification';
    request.audit.resultCount = page.items.length;
    request.audit.records = page.items.map((notification) => notification.record);
    request.audit.details = { status: request.query.status ?? 'to-send' };
    return ok({ authority: request.caller.authority, notifications: page.items, cursor: page.cursor });
  };

  const recordNotificationException: ApiHandler<
    NotificationExceptionBody,
    { notificationId: string }
  > = async (request) => {
    const { store, now } = dependencies();
    request.audit.purpose = 'link-notification';
    // The ground and the review date, not the reason's text (it may describe an investigation).
    request.audit.details = {
      notificationId: request.path.notificationId,
      ground: request.body.ground,
      reviewBy: request.body.reviewBy,
    };
    const stored = assertNotifiedThrough(
      await store.getNotification(request.path.notificationId),
      request.caller,
    );
    const next = recordException(stored, request.body, request.caller, now());
    await store.saveNotification(next, stored.version);
    request.audit.records = [next.record];
    return ok({ notification: next });
  };

  return { listNotifications, recordNotificationException };
}
