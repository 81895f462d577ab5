import { NotFound } from './errors';
import type { LinkRepository } from './link-repository';
import { isGrouping, type Link, recordKey } from './links';
import type { RecordRef } from './types';
import { canSeeLink, type LinkActor } from './visibility';

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
  if (!link || !canSeeLink(actor, link)) throw new NotFound('link');
  const sins = new Map<string, string | undefined>();
  for (const ref of link.records) {
    const grouping = (await ports.links.listByRecord(ref)).find((other) => isGrouping(other.colour));
    sins.set(recordKey(ref), grouping?.sin);
  }
  return confirmationFile(link, (ref) => sins.get(recordKey(ref)));
}
