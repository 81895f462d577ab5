import { isOriginSystem, type OriginSystem } from '../systems';
import { isRole, profilesOf, type Role } from './roles';

/** Who is calling, as read from the verified token (API Gateway authorizer claims, or the local server). */
export interface Caller {
  userId: string;
  authority: string;
  memberState: string;
  roles: Role[];
  /** ESP profile id, for users who search through the portal. */
  profile?: string;
  /** The origin system a system account writes for (role origin-system). */
  system?: OriginSystem;
}

/** Claim names are Cognito's: custom attributes carry the `custom:` prefix, roles are groups. */
export const CLAIM = {
  userId: 'sub',
  groups: 'cognito:groups',
  authority: 'custom:authority',
  memberState: 'custom:member_state',
  profile: 'custom:profile',
  system: 'custom:system',
} as const;

/**
 * API Gateway hands claims over as strings; `cognito:groups` arrives as an array, a
 * comma-separated string or `[a b]` depending on the path, so all three are accepted.
 */
function parseGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
}

export function callerFromClaims(claims: Record<string, unknown> | undefined | null): Caller | undefined {
  if (!claims) return undefined;
  const userId = claims[CLAIM.userId];
  const authority = claims[CLAIM.authority];
  const memberState = claims[CLAIM.memberState];
  if (typeof userId !== 'string' || !userId || typeof authority !== 'string' || !authority) return undefined;
  const system = claims[CLAIM.system];
  const claimed = claims[CLAIM.profile];
  const roles = parseGroups(claims[CLAIM.groups]).filter(isRole);
  const admitted = profilesOf(roles);
  const profile =
    typeof claimed === 'string' && claimed ? claimed : admitted.length === 1 ? admitted[0] : undefined;
  return {
    userId,
    authority,
    memberState: typeof memberState === 'string' && memberState ? memberState : 'EU',
    roles,
    profile,
    system: typeof system === 'string' && isOriginSystem(system) ? system : undefined,
  };
}

/** Whether the caller's ESP profile (if any) is one its roles admit (ROLE_PROFILES). */
export function profileAdmitted(caller: Caller): boolean {
  return caller.profile === undefined || profilesOf(caller.roles).includes(caller.profile);
}

export function hasAnyRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}
