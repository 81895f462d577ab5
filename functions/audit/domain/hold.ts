/**
 * A hold on the access log (Arts 10, 16, 24, 36: logs are erased after a year "unless they are
 * required for monitoring procedures that have already begun"): the entries of the days `from`..`to`
 * are kept until `until`, for the reason given by the data protection officer who placed it.
 */
export interface LogHold {
  holdId: string;
  from: string;
  to: string;
  until: string;
  reason: string;
  placedAt: string;
  placedBy: { userId: string; authority: string; memberState: string };
}
