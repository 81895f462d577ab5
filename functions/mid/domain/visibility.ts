import type { Link } from './links';

export const LINK_VERIFIER_ROLE = 'link-verifier';

/** Systems whose data the CIR holds; access to any of them, to the CIR or to the SIS shows red links. */
const RED_LINK_SYSTEMS = new Set(['CIR', 'SIS', 'EES', 'VIS', 'ETIAS', 'EURODAC', 'ECRIS_TCN']);

/** The caller as the link domain needs it (built by the handler from the token and the user's profile). */
export interface LinkActor {
  userId: string;
  authority: string;
  roles: readonly string[];
  /** Systems the user's authority may access (`CIR`, `SIS`, `EES`, ...). */
  systems: readonly string[];
}

export function isResponsibleVerifier(actor: LinkActor, link: Pick<Link, 'responsibleAuthority'>): boolean {
  return actor.roles.includes(LINK_VERIFIER_ROLE) && actor.authority === link.responsibleAuthority;
}

/**
 * Art 26: verifiers see the links routed to their authority, whatever the colour; red links are
 * visible with access to the CIR, to a system the CIR holds data of, or to the SIS; white and
 * green links only with access to both linked systems; yellow links to no one else.
 */
export function canSeeLink(
  actor: LinkActor,
  link: Pick<Link, 'colour' | 'records' | 'responsibleAuthority'>,
): boolean {
  if (isResponsibleVerifier(actor, link)) return true;
  switch (link.colour) {
    case 'yellow':
      return false;
    case 'red':
      return actor.systems.some((system) => RED_LINK_SYSTEMS.has(system));
    case 'white':
    case 'green':
      return link.records.every((ref) => actor.systems.includes(ref.system));
  }
}

export function visibleLinks<T extends Pick<Link, 'colour' | 'records' | 'responsibleAuthority'>>(
  actor: LinkActor,
  links: readonly T[],
): T[] {
  return links.filter((link) => canSeeLink(actor, link));
}
