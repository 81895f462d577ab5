import type { RecordRef } from '../../mid/domain/types';
import { type ApiHandler, created, ok } from '../../shared/http';
import type { RecordBody } from '../../shared/schemas/record';
import { type CirDependencies, deleteRecord, getRecord, putRecord } from '../domain/records';

export function recordHandlers(deps: () => CirDependencies) {
  const put: ApiHandler<RecordBody, RecordRef> = async (request) => {
    request.audit.systems = [request.path.system];
    request.audit.records = [request.path];
    const result = await putRecord(deps(), request.path, request.body);
    request.audit.details = {
      outcome: result.outcome,
      version: result.version,
      templatesRefused: result.templatesRefused.length,
    };
    return result.outcome === 'created' ? created(result) : ok(result);
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

  return { putRecord: put, getRecord: get, deleteRecord: remove };
}
