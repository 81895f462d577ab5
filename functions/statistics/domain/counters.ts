import { defaultProfiles } from '../../esp/profiles/load-profiles';
import type { WhiteReason, YellowReason } from '../../mid/domain/colour';
import { ESP_SOURCES } from '../../shared/systems';
import { NAMING_REGIONS } from './naming-regions';

/**
 * CRRS (Art 39): anonymised counters, kept up to date as events happen. A counter is identified by a
 * metric, a day, a Member State and a few categorical dimensions drawn from small closed vocabularies
 * (profile ids, system names, colours, outcomes, histogram buckets). Nothing else can be stored: every
 * counter passes `isAnonymousCounter` before it is written, so no record id, name, date of birth, user
 * id or case reference can reach the store, whatever an event source hands over.
 */
export const METRICS = {
  /** ESP searches by profile and result type (Art 10 log: profile, result). */
  espSearches: ['profile', 'result'],
  /** Art 20 identity checks, with or without biometrics, hit or no hit. */
  identityChecks: ['biometrics', 'outcome'],
  /** Searches with at least one result per system (ESP searches, identity checks, Art 22 flags). */
  hits: ['system', 'source'],
  /** Art 22 step 1 consultations by outcome (at least one flag or none). */
  consultations: ['outcome'],
  /** Art 22 step 2 access requests: submitted (normal, urgent) and decided (approved, refused). */
  accessRequests: ['outcome'],
  /** Links created, by colour and system pair (alphabetical, `EES-VIS`). */
  linksCreated: ['colour', 'systems'],
  /** Colour changes of existing links, by from/to colour and system pair. */
  linksChanged: ['from', 'to', 'systems'],
  /** How long a link stayed yellow, counted when it is resolved: histogram bucket and the colour it got. */
  yellowDuration: ['bucket', 'resolvedAs'],
  /** MID checks by the naming region of the checked file (the denominator of the yellow-link burden). */
  midChecks: ['region'],
  /**
   * What happened to the links the MID created, by the automatic rule (reason code), system pair and
   * naming region, on the day the link was created (a cohort): see `accuracy-events.ts`.
   */
  midLinkOutcomes: ['reason', 'systems', 'region', 'event'],
  /** How long a link waited for its verification, counted when a verifier resolves it. */
  midVerificationTime: ['reason', 'systems', 'region', 'wait'],
} as const satisfies Record<string, readonly string[]>;

export type MetricName = keyof typeof METRICS;

let profileIds: ReadonlySet<string> | undefined;
function knownProfile(id: string): boolean {
  profileIds ??= new Set(defaultProfiles().ids);
  return profileIds.has(id);
}

const COLOURS = ['white', 'yellow', 'green', 'red'];

/** Every automatic reason code that makes a link (functions/mid/domain/colour.ts). */
export const AUTOMATIC_REASONS = [
  'art33-1a-biometrics-and-identity',
  'art33-1b-identity-and-document-one-side-without-biometrics',
  'art33-1c-biometrics-document-and-similar-identity',
  'biometrics-same-identity-different',
  'identity-match-biometrics-different',
  'document-same-identity-different',
  'identity-match-unconfirmed',
] as const satisfies readonly (WhiteReason | YellowReason)[];
// A reason code added to colour.ts but not here fails to compile.
const _everyReason: Exclude<WhiteReason | YellowReason, (typeof AUTOMATIC_REASONS)[number]> extends never
  ? true
  : never = true;
void _everyReason;

/**
 * Events of a MID link's life, counted per cohort (accuracy-events.ts): `created`; `yellow` (it
 * entered the verification queue); `same`/`different` (a verifier resolved it from the queue: white
 * or red, or green); `rectified` (a verifier changed an earlier decision), with `correctedToSame`/
 * `correctedToDifferent` when that flips the label; `leftYellow` (it left the queue without a
 * verifier: reclassified automatically, removed by a check, or moved to another reason code).
 */
export const LINK_EVENTS = [
  'created',
  'yellow',
  'same',
  'different',
  'rectified',
  'correctedToSame',
  'correctedToDifferent',
  'leftYellow',
] as const;
export type LinkEvent = (typeof LINK_EVENTS)[number];

/** Time to verification histogram (upper bounds, exclusive), in hours: fine enough for a median. */
export const WAIT_BUCKETS: readonly { label: string; maxHours: number }[] = [
  { label: 'lt10m', maxHours: 1 / 6 },
  { label: '10m-1h', maxHours: 1 },
  { label: '1h-4h', maxHours: 4 },
  { label: '4h-1d', maxHours: 24 },
  { label: '1d-3d', maxHours: 72 },
  { label: '3d-7d', maxHours: 168 },
  { label: '7d-30d', maxHours: 720 },
  { label: 'ge30d', maxHours: Number.POSITIVE_INFINITY },
];

export function waitBucket(durationMs: number): string {
  const hours = Math.max(0, durationMs) / 3_600_000;
  return WAIT_BUCKETS.find((bucket) => hours < bucket.maxHours)!.label;
}
const SYSTEMS = [...ESP_SOURCES];

/**
 * The closed vocabulary of every dimension. A value outside it is stored as `other` (profiles, whose
 * catalogue is configuration) or makes the counter invalid: free text can never become a dimension.
 */
export const VOCABULARY: Record<string, readonly string[] | ((value: string) => boolean)> = {
  profile: (value) => knownProfile(value) || value === 'none' || value === 'other',
  result: ['success', 'not_found', 'invalid', 'denied', 'conflict', 'error'],
  biometrics: ['with', 'without'],
  outcome: ['hit', 'noHit', 'flagged', 'noFlag', 'submitted', 'submittedUrgent', 'approved', 'refused'],
  system: SYSTEMS,
  source: ['esp', 'identityCheck', 'consultation'],
  colour: COLOURS,
  from: COLOURS,
  to: COLOURS,
  resolvedAs: COLOURS,
  systems: (value) => {
    const [a, b, ...rest] = value.split('-');
    return rest.length === 0 && SYSTEMS.includes(a as never) && SYSTEMS.includes(b as never) && a! <= b!;
  },
  bucket: ['lt1h', '1h-1d', '1d-7d', '7d-30d', 'ge30d'],
  reason: AUTOMATIC_REASONS,
  region: NAMING_REGIONS,
  event: LINK_EVENTS,
  wait: WAIT_BUCKETS.map((bucket) => bucket.label),
};

function inVocabulary(key: string, value: string): boolean {
  const vocabulary = VOCABULARY[key];
  if (!vocabulary) return false;
  return typeof vocabulary === 'function' ? vocabulary(value) : vocabulary.includes(value);
}

/** An ESP profile id as a dimension: one of the catalogue's, else `other` (or `none`). */
export function profileDimension(profile: string | undefined): string {
  if (!profile) return 'none';
  return knownProfile(profile) ? profile : 'other';
}
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export interface Counter {
  metric: MetricName;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** ISO 3166 alpha-2, or `EU` for EU-level actors and events without one Member State. */
  memberState: string;
  dimensions: Record<string, string>;
  increment: number;
}

/** Yellow-link duration histogram (upper bounds, exclusive), in hours. */
export const YELLOW_BUCKETS: readonly { label: string; maxHours: number }[] = [
  { label: 'lt1h', maxHours: 1 },
  { label: '1h-1d', maxHours: 24 },
  { label: '1d-7d', maxHours: 24 * 7 },
  { label: '7d-30d', maxHours: 24 * 30 },
  { label: 'ge30d', maxHours: Number.POSITIVE_INFINITY },
];

export function yellowBucket(durationMs: number): string {
  const hours = Math.max(0, durationMs) / 3_600_000;
  return YELLOW_BUCKETS.find((bucket) => hours < bucket.maxHours)!.label;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MEMBER_STATE = /^(?:[A-Z]{2}|EU)$/;

export function isAnonymousCounter(counter: Counter): boolean {
  const allowed: readonly string[] = METRICS[counter.metric] ?? [];
  const keys = Object.keys(counter.dimensions);
  return (
    allowed.length > 0 &&
    DAY.test(counter.day) &&
    MEMBER_STATE.test(counter.memberState) &&
    Number.isInteger(counter.increment) &&
    counter.increment > 0 &&
    keys.length === allowed.length &&
    keys.every((key) => allowed.includes(key) && inVocabulary(key, counter.dimensions[key]!))
  );
}

/** The canonical sort key part of a counter's dimensions (`k=v|k=v`, keys in the metric's order). */
export function dimensionKey(metric: MetricName, dimensions: Record<string, string>): string {
  return METRICS[metric].map((key) => `${key}=${dimensions[key]}`).join('|');
}

/** `EES:DE` -> `DE`, `SIRENE:FR` -> `FR`, `ETIAS:CENTRAL_UNIT` -> `EU`. */
export function memberStateOfAuthority(authority: string | undefined): string {
  const suffix = authority?.split(':').pop() ?? '';
  return MEMBER_STATE.test(suffix) ? suffix : 'EU';
}

export const systemPair = (a: string, b: string) => [a, b].sort().join('-');
