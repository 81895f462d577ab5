import { ORIGIN_SYSTEMS } from '../../shared/systems';

/** The metric the yellow-age monitor publishes (per authority, and the maximum over all of them). */
export const OLDEST_YELLOW_METRIC = 'oldestYellowLinkAgeSeconds';

/** Member States of the Schengen/EU area that operate the systems (EU 27 and the associated states), and `EU`. */
export const MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'CH',
  'IS',
  'LI',
  'NO',
  'EU',
] as const;

/**
 * Every authority the MID can route a yellow link to (functions/mid/domain/routing.ts): the
 * triggering system's authority per Member State, the SIRENE bureaux and the ETIAS Central Unit.
 * A closed list, so that the age of each queue is read with one key Query, never a Scan.
 */
export function verifyingAuthorities(): string[] {
  const systems = ORIGIN_SYSTEMS.filter((system) => system !== 'SIS' && system !== 'ETIAS');
  return [
    ...systems.flatMap((system) => MEMBER_STATES.map((ms) => `${system}:${ms}`)),
    ...MEMBER_STATES.map((ms) => `SIRENE:${ms}`),
    'ETIAS:CENTRAL_UNIT',
  ];
}
