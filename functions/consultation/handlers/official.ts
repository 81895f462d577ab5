import type { Caller } from '../../shared/auth/claims';
import type { Official } from '../domain/consultation';

export const officialOf = (caller: Caller): Official => ({
  userId: caller.userId,
  authority: caller.authority,
  memberState: caller.memberState,
});
