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
 * How much of a link a user gets (Arts 26, 34):
 * - `confirmation-file`: the responsible verifier, whatever the colour: the identity confirmation file;
 * - `systems`: a red link for anyone with access to the CIR, the SIS or a system the CIR holds: the
 *   link and the systems holding the linked data, nothing else (26(2), 34);
 * - `link`: a white link with access to both linked systems (26(3)); a green one only where the
 *   user's query matched both files (26(4)), which reading a link by its id never is;
 * - `none`: yellow links for anyone else, and every other case (answered as if the link did not exist).
 */
export type LinkAccess = 'confirmation-file' | 'systems' | 'link' | 'none';

export function linkAccess(
  actor: LinkActor,
  link: Pick<Link, 'colour' | 'records' | 'responsibleAuthority'>,
  context: { queryMatchedBoth?: boolean } = {},
): LinkAccess {
  if (isResponsibleVerifier(actor, link)) return 'confirmation-file';
  const bothSystems = link.records.every((ref) => actor.systems.includes(ref.system));
  switch (link.colour) {
    case 'yellow':
      return 'none';
    case 'red':
      return actor.systems.some((system) => RED_LINK_SYSTEMS.has(system)) ? 'systems' : 'none';
    case 'white':
      return bothSystems ? 'link' : 'none';
    case 'green':
      return bothSystems && context.queryMatchedBoth ? 'link' : 'none';
  }
}
