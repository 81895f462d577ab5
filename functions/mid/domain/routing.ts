import type { RecordRef } from './types';

/** A file as routing sees it: where it lives and which Member State is responsible for it. */
export interface RoutedFile {
  ref: RecordRef;
  /** ISO 3166 alpha-2 or `EU`; absent means unknown and routes to the system's `EU` queue. */
  memberState?: string;
}

export const ETIAS_CENTRAL_UNIT = 'ETIAS:CENTRAL_UNIT';

export function sireneBureau(memberState: string | undefined): string {
  return `SIRENE:${memberState ?? 'EU'}`;
}

/**
 * Art 29 (2019/817 and 2019/818): the authority that verifies a link manually.
 * 1. The triggering file is an SIS alert: the SIRENE bureau of the alerting Member State (29(1)(d)).
 * 2. The other file is an SIS alert: the SIRENE bureau of the Member State that created it (29(2)).
 * 3. The triggering file is an ETIAS application: the ETIAS Central Unit (29(1)(c)).
 * 4. Otherwise the triggering system's authority of the file's Member State: EES (29(1)(a)),
 *    VIS (29(1)(b)), the convicting state's ECRIS-TCN central authority (818 29(1)(b)), Eurodac.
 * Authority ids read `<SYSTEM or SIRENE>:<Member State>`, the form of the verifier's authority claim.
 */
export function responsibleAuthority(triggering: RoutedFile, other: RoutedFile): string {
  if (triggering.ref.system === 'SIS') return sireneBureau(triggering.memberState);
  if (other.ref.system === 'SIS') return sireneBureau(other.memberState);
  if (triggering.ref.system === 'ETIAS') return ETIAS_CENTRAL_UNIT;
  return `${triggering.ref.system}:${triggering.memberState ?? 'EU'}`;
}
