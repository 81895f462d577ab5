import { ESP_ROLES, type Role } from '../../functions/shared/auth/roles';

export interface ScreenInfo {
  path: string;
  title: string;
  description: string;
  roles: readonly Role[];
}

/** Which screens each role sees (the API enforces the same rules; this only decides the menu). */
export const SCREENS: readonly ScreenInfo[] = [
  {
    path: '/search',
    title: 'Search portal',
    description: 'One query over every system your profile allows, with the status of each source.',
    roles: ESP_ROLES,
  },
  {
    path: '/identity-check',
    title: 'Identity check',
    description: 'Art 20 identity check against the CIR: reason, live biometrics, identity data as fallback.',
    roles: ['police'],
  },
  {
    path: '/links',
    title: 'Verification queue',
    description: 'Yellow links routed to your authority, oldest first; classify white, green or red.',
    roles: ['link-verifier'],
  },
  {
    path: '/consultations',
    title: 'Consultations',
    description: 'Art 22 step 1 (flags only), then access requests to the verifying authority.',
    roles: ['designated-authority'],
  },
  {
    path: '/access-requests',
    title: 'Approval queue',
    description: 'Access requests of designated authorities awaiting your decision (four eyes).',
    roles: ['verifying-authority'],
  },
  {
    path: '/data-subject-requests',
    title: 'Data-subject requests',
    description:
      'Access, rectification and erasure requests held by your Member State, earliest deadline first.',
    roles: ['rights-officer'],
  },
  {
    path: '/audit',
    title: 'Audit log',
    description: 'Every operation logged, filtered by user, authority, action and time; chain verification.',
    roles: ['data-protection-officer'],
  },
  {
    path: '/statistics',
    title: 'Statistics',
    description: 'Anonymised figures of the central repository for reporting and statistics (CRRS).',
    roles: ['statistics'],
  },
  {
    path: '/mid-accuracy',
    title: 'MID accuracy',
    description:
      "How often each automatic rule of the MID was right, from the verifiers' decisions, and its burden per naming region.",
    roles: ['statistics'],
  },
];

export function screensFor(roles: readonly Role[]): ScreenInfo[] {
  return SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
}
