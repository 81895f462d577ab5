import type { Role } from '../functions/shared/auth/roles';
import type { MEMBER_STATES } from '../functions/statistics/domain/authorities';

type MemberState = (typeof MEMBER_STATES)[number];

/**
 * The users a local sign-in offers: one per role, authority and ESP profile (web app and README).
 * Link verifiers' authority ids follow the MID's routing (functions/mid/domain/routing.ts):
 * `<SYSTEM>:<Member State>`, `SIRENE:<Member State>`, `ETIAS:CENTRAL_UNIT`.
 */
export interface DemoUser {
  userId: string;
  label: string;
  roles: Role[];
  authority: string;
  memberState: string;
  profile?: string;
}

export const DEMO_USERS: DemoUser[] = [
  user('bg-anna', 'Border guard (DE)', ['border-guard'], 'DE-BPOL', 'DE', 'border-guard'),
  user('visa-luc', 'Visa officer (FR)', ['visa-authority'], 'FR-VISA', 'FR', 'visa-authority'),
  user('asylum-eva', 'Asylum officer (NL)', ['immigration-authority'], 'NL-IND', 'NL', 'immigration-asylum'),
  user('police-marek', 'Police officer (PL)', ['police'], 'PL-POLICE', 'PL', 'police-identity-check'),
  user(
    'etias-ines',
    'ETIAS central unit (EU)',
    ['etias-unit', 'link-verifier'],
    'ETIAS:CENTRAL_UNIT',
    'EU',
    'etias-national-unit',
  ),
  user('sirene-jan', 'SIRENE bureau (DE)', ['sirene', 'link-verifier'], 'SIRENE:DE', 'DE', 'sirene-bureau'),
  user('verifier-ees-de', 'Link verifier, EES authority (DE)', ['link-verifier'], 'EES:DE', 'DE'),
  user('verifier-vis-fr', 'Link verifier, visa authority (FR)', ['link-verifier'], 'VIS:FR', 'FR'),
  user(
    'ct-sofia',
    'Designated authority (IT)',
    ['designated-authority'],
    'IT-DCSA',
    'IT',
    'designated-authority',
  ),
  user(
    'cap-paolo',
    'Verifying authority / central access point (IT)',
    ['verifying-authority'],
    'IT-CAP',
    'IT',
  ),
  user('dpo-claire', 'Data protection officer (EU)', ['data-protection-officer'], 'EDPS', 'EU'),
  user('stats-eulisa', 'Statistics (eu-LISA)', ['statistics'], 'EU-LISA', 'EU'),
  user('rights-lena', "Data subjects' rights officer (DE)", ['rights-officer'], 'DE-RIGHTS', 'DE'),
];

function user(
  userId: string,
  label: string,
  roles: Role[],
  authority: string,
  memberState: string,
  profile?: string,
): DemoUser {
  return { userId, label, roles, authority, memberState, profile };
}

/** The Member State and authority behind each origin system's demo records. */
export const SYSTEM_AUTHORITY: Record<string, { authority: string; memberState: MemberState }> = {
  EES: { authority: 'EES:DE', memberState: 'DE' },
  VIS: { authority: 'VIS:FR', memberState: 'FR' },
  ETIAS: { authority: 'ETIAS:CENTRAL_UNIT', memberState: 'EU' },
  EURODAC: { authority: 'EURODAC:NL', memberState: 'NL' },
  SIS: { authority: 'SIRENE:DE', memberState: 'DE' },
  ECRIS_TCN: { authority: 'ECRIS_TCN:PL', memberState: 'PL' },
};
