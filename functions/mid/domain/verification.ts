import { ContradictoryClassification, Forbidden, NotFound, VersionConflict } from './errors';
import { connectedGroups, reachableLinks } from './groups';
import { LinkChangeSet } from './link-change-set';
import type { LinkRepository } from './link-repository';
import { applyChange, isGrouping, type Link, recordKey } from './links';
import { settleSins } from './sin';
import { isResponsibleVerifier, type LinkActor, linkAccess } from './visibility';

export interface VerificationRequest {
  colour: 'white' | 'green' | 'red';
  justification: string;
  /** The version the verifier looked at (optimistic locking). */
  expectedVersion: number;
}

const WHITE = new Set(['white'] as const);

/**
 * Manual verification of different identities (Arts 29, 31-33) by the link verifier of the
 * responsible authority. Returns the link as stored. Refuses contradictory classifications
 * (docs/mid-links.md); the change, and any SIN it moves, is appended to the history (Art 36).
 */
export async function verifyLink(
  linkId: string,
  request: VerificationRequest,
  actor: LinkActor,
  ports: { links: LinkRepository; now(): Date },
): Promise<Link> {
  const changes = new LinkChangeSet(ports.links);
  const link = await changes.get(linkId);
  // A link the caller may not see is reported as missing, so its existence is not disclosed.
  if (!link || linkAccess(actor, link) === 'none') throw new NotFound('link');
  if (!isResponsibleVerifier(actor, link)) {
    throw new Forbidden('only a link verifier of the responsible authority may verify this link');
  }
  if (request.expectedVersion !== link.version) {
    throw new VersionConflict(linkId, request.expectedVersion, link.version);
  }
  const justification = request.justification.trim();
  if (justification === '') {
    throw new ContradictoryClassification(
      'JUSTIFICATION_REQUIRED',
      'a manual classification needs a justification',
    );
  }
  if (request.colour === link.colour) {
    throw new ContradictoryClassification('COLOUR_UNCHANGED', `the link is already ${link.colour}`);
  }

  const at = ports.now().toISOString();
  changes.put(
    applyChange(link, {
      colour: request.colour,
      classifiedBy: 'manual',
      event: 'verified',
      at,
      by: { kind: 'user', userId: actor.userId, authority: actor.authority },
      responsibleAuthority: link.responsibleAuthority,
      justification,
    }),
  );
  await refuseGreenInsideWhiteGroup(changes, link);
  if (isGrouping(link.colour) || isGrouping(request.colour)) await settleSins(changes, link.records, at);
  await changes.commit();
  const stored = await changes.stored(linkId);
  if (!stored) throw new NotFound('link');
  return stored;
}

/**
 * White says two files are the same person, green that they are not: after the change, no green
 * link may join two files that a path of white links joins.
 */
async function refuseGreenInsideWhiteGroup(changes: LinkChangeSet, link: Link): Promise<void> {
  for (const group of connectedGroups(await reachableLinks(changes, link.records, WHITE))) {
    const members = new Set(group.files);
    for (const ref of group.links.flatMap((white) => white.records)) {
      const contradicted = (await changes.listByRecord(ref)).some(
        (other) => other.colour === 'green' && other.records.every((end) => members.has(recordKey(end))),
      );
      if (contradicted) {
        throw new ContradictoryClassification(
          'GREEN_INSIDE_WHITE_GROUP',
          'a green link would join two files that white links declare the same person',
        );
      }
    }
  }
}
