/**
 * Roles carried by a token (Cognito groups in AWS, the `cognito:groups` claim of a local token).
 * Every route names the roles it admits (functions/routes.ts).
 */
export const ROLES = [
  'origin-system',
  'border-guard',
  'visa-authority',
  'immigration-authority',
  'police',
  'etias-unit',
  'sirene',
  'designated-authority',
  'verifying-authority',
  'link-verifier',
  'data-protection-officer',
  'statistics',
  'internal-component',
  'rights-officer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles whose users query through the European Search Portal within an ESP profile. */
export const ESP_ROLES: readonly Role[] = [
  'border-guard',
  'visa-authority',
  'immigration-authority',
  'police',
  'etias-unit',
  'sirene',
];

/**
 * The ESP profiles each searching role may use (functions/esp/profiles/profiles.json). A token's
 * profile must be one of its roles' (else every request is refused), and a token without one gets
 * its role's only profile: in AWS the profile follows the Cognito group, whatever attribute a user has.
 */
export const ROLE_PROFILES: Partial<Record<Role, readonly string[]>> = {
  'border-guard': ['border-guard'],
  'visa-authority': ['visa-authority'],
  'immigration-authority': ['immigration-asylum'],
  police: ['police-identity-check'],
  'etias-unit': ['etias-national-unit'],
  sirene: ['sirene-bureau'],
  'designated-authority': ['designated-authority'],
};

/** The profiles a caller with these roles may use. */
export function profilesOf(roles: readonly Role[]): string[] {
  return [...new Set(roles.flatMap((role) => ROLE_PROFILES[role] ?? []))];
}
