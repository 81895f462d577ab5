import { auditLogFromEnv } from '../audit/index';
import { CirReader } from '../mid/cir-reader';
import { DynamoLinkRepository } from '../mid/link-store';
import { sbmsService, thresholds } from '../sbms/service';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { cirSearch } from './cir-search';
import type { ConsultationTimeouts } from './domain/access-request';
import { CONSULTATION_SYSTEMS } from './domain/consultation';
import type { IdentityCheckPorts } from './domain/identity-check';
import type { ConsultationStore, StepFunctionsPort } from './domain/ports';
import { stepFunctions } from './step-functions';
import { DynamoConsultationStore } from './store';

export interface ConsultationDependencies {
  store: ConsultationStore;
  /** Step 1: the CIR restricted to EES, VIS, ETIAS and EURODAC. */
  consultationSearch: IdentityCheckPorts;
  /** Art 20: the whole CIR. */
  identityCheckSearch: IdentityCheckPorts;
  /** Step 2 data: the individual files of the granted system. */
  reader: CirReader;
  workflow: () => StepFunctionsPort;
  timeouts: ConsultationTimeouts;
  now: () => Date;
  newId: () => string;
}

let cached: ConsultationDependencies | undefined;

export function consultationTable(): string {
  const table = loadConfig().CONSULTATIONS_TABLE;
  if (!table) throw new Error('function configuration incomplete: CONSULTATIONS_TABLE');
  return table;
}

/** The consultation's collaborators in a function: DynamoDB, the CIR reader, the sBMS, Step Functions. */
export function consultationDependencies(): ConsultationDependencies {
  if (cached) return cached;
  const config = loadConfig();
  const reader = new CirReader(dynamo, config.CIR_TABLE);
  const links = new DynamoLinkRepository(dynamo, config.LINKS_TABLE);
  const search = (systems?: readonly (typeof CONSULTATION_SYSTEMS)[number][]) =>
    cirSearch({ reader, links, sbms: sbmsService, identifyThreshold: thresholds.identify, systems });
  cached = {
    store: new DynamoConsultationStore(dynamo, consultationTable()),
    consultationSearch: search(CONSULTATION_SYSTEMS),
    identityCheckSearch: search(),
    reader,
    workflow: () => stepFunctions(config.CONSULTATION_STATE_MACHINE_ARN),
    timeouts: {
      decisionSeconds: config.CONSULTATION_DECISION_TIMEOUT_SECONDS,
      grantValiditySeconds: config.CONSULTATION_GRANT_VALIDITY_SECONDS,
      urgentVerificationSeconds: config.CONSULTATION_URGENT_VERIFICATION_SECONDS,
    },
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  };
  return cached;
}

export { auditLogFromEnv };
