import { type ApiHandler, created, ok } from '../../shared/http';
import type { ConsultationBody, NoAccessReasonBody } from '../../shared/schemas/consultation';
import type { ConsultationDependencies } from '../dependencies';
import {
  assertOwnConsultation,
  CONSULTATION_SYSTEMS,
  type Consultation,
  flagReply,
  openConsultation,
  recordNoAccessReason,
} from '../domain/consultation';
import { notFound } from '../domain/errors';
import { offenceLabel } from '../domain/offences';
import { officialOf } from './official';

type Path = { consultationId: string };

export function consultationHandlers(deps: () => ConsultationDependencies) {
  /** Step 1 (Art 22(1)-(2)): the CIR searched for EES, VIS, ETIAS and EURODAC; flags only in the reply. */
  const create: ApiHandler<ConsultationBody> = async (request) => {
    const { body } = request;
    const d = deps();
    request.audit.caseReference = body.caseReference;
    request.audit.purpose = `Art 22 consultation: ${offenceLabel(body.offence)}`;
    request.audit.systems = [...CONSULTATION_SYSTEMS];
    const searchedBy: Consultation['searchedBy'] = [];
    const hits = [];
    if (body.biometrics) {
      searchedBy.push('biometrics');
      const search = await d.consultationSearch.searchBiometrics(body.biometrics);
      hits.push(...search.hits.map(({ system, recordId }) => ({ system, recordId })));
    }
    if (body.identity || body.travelDocuments.length) {
      searchedBy.push('identity-data');
      hits.push(...(await d.consultationSearch.searchIdentity(body.identity, body.travelDocuments)));
    }
    const consultation = openConsultation({
      id: d.newId(),
      input: body,
      requester: officialOf(request.caller),
      searchedBy,
      hits,
      now: d.now(),
    });
    await d.store.createConsultation(consultation);
    const flagged = CONSULTATION_SYSTEMS.filter((system) => consultation.flags[system] === 'hit');
    request.audit.resultCount = flagged.length;
    request.audit.details = {
      consultationId: consultation.id,
      offence: body.offence,
      searchedBy: searchedBy.join(','),
      flagged: flagged.join(',') || 'none',
    };
    return created(flagReply(consultation));
  };

  const load = async (id: string) => {
    const consultation = await deps().store.getConsultation(id);
    if (!consultation) throw notFound('consultation');
    return consultation;
  };

  const get: ApiHandler<unknown, Path> = async (request) => {
    const consultation = await load(request.path.consultationId);
    request.audit.caseReference = consultation.caseReference;
    request.audit.details = { consultationId: consultation.id };
    assertOwnConsultation(consultation, request.caller);
    return ok({
      ...flagReply(consultation),
      offence: consultation.offence,
      createdAt: consultation.createdAt,
      followUps: consultation.followUps,
    });
  };

  /** Art 22(4): after a hit, the authority records why it does not request access. */
  const noAccessReason: ApiHandler<NoAccessReasonBody, Path> = async (request) => {
    const d = deps();
    const consultation = await load(request.path.consultationId);
    request.audit.caseReference = consultation.caseReference;
    request.audit.systems = [request.body.system];
    request.audit.details = { consultationId: consultation.id };
    const next = recordNoAccessReason(
      consultation,
      request.caller,
      request.body.system,
      request.body.reason,
      d.now(),
    );
    await d.store.saveConsultation(next, consultation.version);
    return ok({ ...flagReply(next), followUps: next.followUps });
  };

  return { createConsultation: create, getConsultation: get, recordNoAccessReason: noAccessReason };
}
