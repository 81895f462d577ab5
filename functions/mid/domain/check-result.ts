import type { Link } from './links';
import { otherRecord } from './links';
import type { LinkColour, RecordRef } from './types';
import { type LinkActor, linkAccess } from './visibility';

/** A link of a written record as its origin system learns it (Arts 26, 29): no identity data. */
export interface WriterLink {
  linkId: string;
  colour: LinkColour;
  /** The system holding the linked file (Art 26(2): a reference to the system, never the data). */
  otherSystem: RecordRef['system'];
  responsibleAuthority: string;
  /** Yellow and routed to the writer's own authority: to verify while the person is present (Art 29). */
  verifyNow: boolean;
}

/**
 * The links of the record `ref` that the authority which wrote it may see: those routed to it for
 * verification (Art 29, whatever the colour), and otherwise what Art 26 allows (`linkAccess`: red with
 * access to a CIR system, white with access to both systems; green and yellow never: no query of the
 * writer matched both files).
 */
export function writerLinks(ref: RecordRef, links: readonly Link[], actor: LinkActor): WriterLink[] {
  return links
    .filter((link) => link.responsibleAuthority === actor.authority || linkAccess(actor, link) !== 'none')
    .map((link) => ({
      linkId: link.linkId,
      colour: link.colour,
      otherSystem: otherRecord(link, ref).system,
      responsibleAuthority: link.responsibleAuthority,
      verifyNow: link.colour === 'yellow' && link.responsibleAuthority === actor.authority,
    }))
    .sort((a, b) => (a.linkId < b.linkId ? -1 : 1));
}
