import { NotFound } from './errors';
import type { LinkRepository } from './link-repository';
import { isGrouping, type Link, recordKey } from './links';
import type { RecordRef } from './types';
import { type LinkActor, linkAccess } from './visibility';

/** Art 34: the identity confirmation file of one link: the link itself, its files with their SINs. */
export interface IdentityConfirmationFile extends Omit<Link, 'records'> {
  /** The linked files, each with the SIN of its group when it has one. */
  records: { ref: RecordRef; sin?: string }[];
}

export function confirmationFile(
  link: Link,
  sinOfRecord: (ref: RecordRef) => string | undefined,
): IdentityConfirmationFile {
  return {
    linkId: link.linkId,
    colour: link.colour,
    classifiedBy: link.classifiedBy,
    records: link.records.map((ref) => ({ ref, sin: sinOfRecord(ref) })),
    sin: link.sin,
    responsibleAuthority: link.responsibleAuthority,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    yellowSince: link.yellowSince,
    version: link.version,
    evidence: link.evidence,
    history: link.history,
  };
}

/** The confirmation file of a link the actor may see (Art 26); otherwise `NotFound`. */
export async function getConfirmationFile(
  linkId: string,
  actor: LinkActor,
  ports: { links: LinkRepository },
): Promise<IdentityConfirmationFile> {
  const link = await ports.links.get(linkId);
  if (!link || linkAccess(actor, link) === 'none') throw new NotFound('link');
  const sins = new Map<string, string | undefined>();
  for (const ref of link.records) {
    const grouping = (await ports.links.listByRecord(ref)).find((other) => isGrouping(other.colour));
    sins.set(recordKey(ref), grouping?.sin);
  }
  return confirmationFile(link, (ref) => sins.get(recordKey(ref)));
}

/** What a user other than the responsible verifier gets of a red link: the link and the systems (26(2), 34). */
export interface RedLinkReference {
  linkId: string;
  colour: 'red';
  systems: [RecordRef['system'], RecordRef['system']];
}

/** A white link for a user with access to both systems (26(3)): the link and the linked records, no data. */
export interface LinkReference {
  linkId: string;
  colour: Link['colour'];
  records: { ref: RecordRef; sin?: string }[];
  sin?: string;
}

export type LinkView =
  | { access: 'confirmation-file'; file: IdentityConfirmationFile }
  | { access: 'systems'; link: RedLinkReference }
  | { access: 'link'; link: LinkReference };

/**
 * A link read by its id (Arts 26, 34): the identity confirmation file for the responsible verifier;
 * for anyone else only what the colour and their access allow (`linkAccess`); `NotFound` when the
 * link is not theirs to see, exactly as for a link that does not exist.
 */
export async function getLinkView(
  linkId: string,
  actor: LinkActor,
  ports: { links: LinkRepository },
): Promise<LinkView> {
  const link = await ports.links.get(linkId);
  const access = link ? linkAccess(actor, link) : 'none';
  if (!link || access === 'none') throw new NotFound('link');
  if (access === 'confirmation-file') {
    return { access, file: await getConfirmationFile(linkId, actor, ports) };
  }
  if (access === 'systems') {
    return {
      access,
      link: { linkId, colour: 'red', systems: [link.records[0].system, link.records[1].system] },
    };
  }
  const { records } = await getConfirmationFile(linkId, actor, ports);
  return { access, link: { linkId, colour: link.colour, records, sin: link.sin } };
}
