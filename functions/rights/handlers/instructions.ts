import { type ApiHandler, ok } from '../../shared/http';
import type { RightsStore } from '../domain/ports';

/** Granted rectifications and erasures for an origin system to apply through the ingestion API. */
export function instructionHandlers(dependencies: () => { store: RightsStore }) {
  const listRightsInstructions: ApiHandler<
    unknown,
    { system: string },
    { limit: number; cursor?: string }
  > = async (request) => {
    const page = await dependencies().store.listInstructions(request.path.system, request.query);
    request.audit.purpose = 'data-subject-request';
    request.audit.systems = [request.path.system];
    request.audit.resultCount = page.items.length;
    request.audit.records = page.items.map((instruction) => ({
      system: instruction.system,
      recordId: instruction.recordId,
    }));
    return ok({ system: request.path.system, instructions: page.items, cursor: page.cursor });
  };
  return { listRightsInstructions };
}
