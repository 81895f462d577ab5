import { linkActor } from '../../mid/actor-systems';
import type { RecordRef } from '../../mid/domain/types';
import { type ApiHandler, created, ok } from '../../shared/http';
import type { MidResultQuery, RecordBody } from '../../shared/schemas/record';
import { type MidResultPorts, midResult } from '../domain/mid-result';
import { type CirDependencies, deleteRecord, getRecord, putRecord } from '../domain/records';

/** Where the writer of a record finds the result of its MID check (GET, long-poll with `waitSeconds`). */
export const midResultPath = (ref: RecordRef) =>
  `/v1/systems/${ref.system}/records/${ref.recordId}/mid-result`;

export function recordHandlers(deps: () => CirDependencies & { midResult: MidResultPorts }) {
  const put: ApiHandler<RecordBody, RecordRef> = async (request) => {
    request.audit.systems = [request.path.system];
    request.audit.records = [request.path];
    const result = await putRecord(deps(), request.path, request.body);
    request.audit.details = {
      outcome: result.outcome,
      version: result.version,
      templatesRefused: result.templatesRefused.length,
    };
    const reply = { ...result, midResult: midResultPath(request.path) };
    return result.outcome === 'created' ? created(reply) : ok(reply);
  };

  const getMidResult: ApiHandler<unknown, RecordRef, MidResultQuery> = async (request) => {
    const ref = request.path;
    request.audit.systems = [ref.system];
    request.audit.records = [ref];
    request.audit.purpose = 'mid-check-result';
    const result = await midResult(
      ref,
      linkActor(request.caller),
      request.query.waitSeconds,
      deps().midResult,
    );
    request.audit.resultCount = result.links.length;
    request.audit.details = {
      status: result.status,
      version: result.version,
      waitSeconds: request.query.waitSeconds,
    };
    return ok(result);
  };

  const get: ApiHandler<unknown, RecordRef> = async (request) => {
    request.audit.systems = [request.path.system];
    request.audit.records = [request.path];
    return ok(await getRecord(deps(), request.path));
  };

  const remove: ApiHandler<unknown, RecordRef> = async (request) => {
    request.audit.systems = [request.path.system];
    request.audit.records = [request.path];
    const removed = await deleteRecord(deps(), request.path);
    request.audit.details = removed;
    return ok({ removed });
  };

  return { putRecord: put, getRecord: get, deleteRecord: remove, getMidResult };
}
