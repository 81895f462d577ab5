import { type ApiHandler, ok } from '../../shared/http';
import type { LinkListQuery, VerificationBody } from '../../shared/schemas/mid';
import { linkActor } from '../actor-systems';
import type { CirReader } from '../cir-reader';
import type { IndividualFile } from '../domain/check';
import { getConfirmationFile, getLinkView } from '../domain/confirmation-file';
import type { LinkRepository } from '../domain/link-repository';
import { recordKey } from '../domain/links';
import { verifyLink } from '../domain/verification';
import { listVerificationQueue } from '../domain/verification-queue';

export interface LinkHandlerDependencies {
  links: LinkRepository;
  reader: Pick<CirReader, 'files'>;
  now(): Date;
}

type LinkPath = { linkId: string };

/**
 * The verification API (Arts 26, 29, 34, 36). The domain decides visibility: a link the caller may
 * not see is answered 404, so that its existence does not leak. Audit entries name the link and
 * the linked records, never identity data or the justification (which stays in the link's history).
 */
export function linkHandlers(deps: () => LinkHandlerDependencies) {
  const listLinks: ApiHandler<unknown, Record<string, never>, LinkListQuery> = async (request) => {
    const actor = linkActor(request.caller);
    const { limit, cursor, colour } = request.query;
    const page = await listVerificationQueue(actor, { limit, cursor }, deps());
    request.audit.purpose = 'link-verification';
    request.audit.resultCount = page.items.length;
    request.audit.details = { colour, authority: actor.authority };
    return ok({ colour, items: page.items, nextCursor: page.nextCursor });
  };

  const getLink: ApiHandler<unknown, LinkPath> = async (request) => {
    const { links, reader } = deps();
    const view = await getLinkView(request.path.linkId, linkActor(request.caller), { links });
    request.audit.resultCount = 1;
    request.audit.details = { linkId: request.path.linkId, access: view.access };
    if (view.access === 'systems') {
      // Art 26(2), Art 34: a red link and the systems holding the linked data, nothing else.
      request.audit.systems = [...new Set(view.link.systems)];
      return ok(view.link);
    }
    if (view.access === 'link') {
      request.audit.systems = [...new Set(view.link.records.map(({ ref }) => ref.system))];
      request.audit.records = view.link.records.map(({ ref }) => ref);
      return ok(view.link);
    }
    const { file } = view;
    const refs = file.records.map((record) => record.ref);
    request.audit.systems = [...new Set(refs.map((ref) => ref.system))];
    request.audit.records = refs;
    request.audit.details = { ...request.audit.details, colour: file.colour, version: file.version };
    const byKey = new Map((await reader.files(refs)).map((f) => [recordKey(f.ref), f]));
    return ok({
      ...file,
      // Art 34: for the responsible verifier, both individual files side by side, as the CIR holds them now.
      files: file.records.map(({ ref, sin }) => ({
        ref,
        sin,
        file: individualFile(byKey.get(recordKey(ref))),
      })),
    });
  };

  const verify: ApiHandler<VerificationBody, LinkPath> = async (request) => {
    const ports = deps();
    const actor = linkActor(request.caller);
    request.audit.details = { linkId: request.path.linkId, requestedColour: request.body.colour };
    const link = await verifyLink(request.path.linkId, request.body, actor, ports);
    const change = [...link.history].reverse().find((entry) => entry.event === 'verified');
    request.audit.systems = [...new Set(link.records.map((ref) => ref.system))];
    request.audit.records = [...link.records];
    request.audit.resultCount = 1;
    request.audit.purpose = 'link-verification';
    request.audit.details = {
      linkId: link.linkId,
      fromColour: change?.fromColour ?? 'unknown',
      toColour: link.colour,
      version: link.version,
    };
    return ok(await getConfirmationFile(link.linkId, actor, ports));
  };

  return { listLinks, getLink, verifyLink: verify };
}

/** The individual file as the verifier compares it; `null` when the CIR no longer holds it. */
function individualFile(file: IndividualFile | undefined) {
  if (!file) return null;
  return {
    memberState: file.memberState,
    identity: file.identity,
    travelDocuments: file.travelDocuments,
    hasBiometrics: file.hasBiometrics,
  };
}
