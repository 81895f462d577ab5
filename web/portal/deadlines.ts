/**
 * Art 48(2): an answer within 45 days of receipt, extendable once by 15 days. The same figures as
 * functions/rights/domain/request.ts (not imported: that module needs Node's crypto); a unit test
 * keeps them equal.
 */
export const ANSWER_DAYS = 45;
export const EXTENSION_DAYS = 15;
