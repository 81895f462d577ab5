import { Forbidden } from './errors';
import type { LinkRepository } from './link-repository';
import type { RecordRef } from './types';
import { LINK_VERIFIER_ROLE, type LinkActor } from './visibility';

export interface QueueItem {
  linkId: string;
  records: readonly [RecordRef, RecordRef];
  yellowSince: string;
  /** Time the link has waited for manual verification, at the time of the request. */
  ageSeconds: number;
  version: number;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor?: string;
}

export const MAX_QUEUE_PAGE = 100;

/** The yellow links routed to the verifier's authority (Art 29), oldest first. */
export async function listVerificationQueue(
  actor: LinkActor,
  page: { limit: number; cursor?: string },
  ports: { links: LinkRepository; now(): Date },
): Promise<QueuePage> {
  if (!actor.roles.includes(LINK_VERIFIER_ROLE))
    throw new Forbidden('the verification queue is for link verifiers');
  const limit = Math.min(Math.max(1, Math.floor(page.limit)), MAX_QUEUE_PAGE);
  const result = await ports.links.listYellowByAuthority(actor.authority, { limit, cursor: page.cursor });
  const now = ports.now().getTime();
  return {
    items: result.links.map((link) => {
      const yellowSince = link.yellowSince ?? link.updatedAt;
      return {
        linkId: link.linkId,
        records: link.records,
        yellowSince,
        ageSeconds: Math.max(0, Math.floor((now - Date.parse(yellowSince)) / 1000)),
        version: link.version,
      };
    }),
    nextCursor: result.nextCursor,
  };
}
