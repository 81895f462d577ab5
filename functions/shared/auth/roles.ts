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
