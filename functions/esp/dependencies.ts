import { CirReader } from '../mid/cir-reader';
import { DynamoLinkRepository } from '../mid/link-store';
import { sbmsService, thresholds } from '../sbms/service';
import { dynamo } from '../shared/clients';
import { loadConfig } from '../shared/config';
import { ESP_SOURCES, isOriginSystem, type OriginSystem } from '../shared/systems';
import { assertUsableBiometrics, gateQueryBiometrics } from './biometric-probe';
import { type CirBiometricSearch, CirSource } from './cir-source';
import { applyFaults, type FaultInjection } from './domain/fault-injection';
import { createMidIdentityMatcher } from './domain/mid-identity-matcher';
import { ReferenceSource } from './domain/reference-source';
import { createSearchPortal, type SearchPortal } from './domain/search-portal';
import type { SearchSource } from './domain/search-source';
import type { BiometricSearch } from './domain/source-data-store';
import { defaultProfiles } from './profiles/load-profiles';
import { espSettings } from './settings';
import { type CentralSystem, DynamoSourceDataStore } from './source-store';
import { tlsMaterialFromSecret } from './tls-secret';
import { UmfHttpsSource } from './umf-https-source';

/** Candidates asked of the sBMS per search: the few files one person has across systems, with room. */
const BIOMETRIC_TOP_K = 20;

/** 1:N through the sBMS of this process (the same gallery the MID uses), restricted to some systems. */
const sbmsSearch: CirBiometricSearch = async (biometrics, signal, systems) => {
  const { probe } = gateQueryBiometrics(biometrics);
  if (Object.keys(probe).length === 0) return [];
  const sbms = await sbmsService();
  signal.throwIfAborted();
  const candidates = await sbms.identify(probe, {
    topK: BIOMETRIC_TOP_K,
    threshold: thresholds.identify,
    systems,
  });
  return candidates.map(({ system, recordId, score }) => ({ system, recordId, score }));
};

/**
 * Central systems whose templates the sBMS holds (under the same record id): the origin systems
 * but ETIAS, which brings no biometrics. Europol and Interpol data are not in the shared gallery.
 */
const hasBiometrics = (system: CentralSystem): system is OriginSystem =>
  isOriginSystem(system) && system !== 'ETIAS';

function referenceBiometrics(system: CentralSystem): BiometricSearch | undefined {
  if (!hasBiometrics(system)) return undefined;
  return async (_system, biometrics, signal) =>
    (await sbmsSearch(biometrics, signal, [system])).map(({ recordId, score }) => ({ recordId, score }));
}

/** Faults in front of a source that has no fault option of its own (the CIR). */
function withFaults(source: SearchSource, faults: FaultInjection | undefined): SearchSource {
  if (!faults) return source;
  return {
    name: source.name,
    revealsQueryToRecordOwner: source.revealsQueryToRecordOwner,
    async search(query, signal) {
      await applyFaults(source.name, faults, signal, Math.random);
      return source.search(query, signal);
    },
  };
}

let portal: SearchPortal | undefined;

/**
 * The portal of this container, built on first use: the reviewed profiles, the CIR (files, MID
 * links, sBMS), one source per central system, and the budgets and injected faults of the
 * configuration. A central system is reached through the adapter CENTRAL_SYSTEMS names for it: its
 * UMF endpoint over mutual TLS (the client certificate read from Secrets Manager, once), or by
 * default its reference table; without CENTRAL_SYSTEMS_TABLE a system left on the reference
 * adapter has no source and answers `unavailable`.
 */
export function espPortal(): SearchPortal {
  if (portal) return portal;
  const config = loadConfig();
  const { budgets, faults } = espSettings(config);
  const identityMatcher = createMidIdentityMatcher();
  const cir = new CirSource({
    files: new CirReader(dynamo, config.CIR_TABLE),
    links: new DynamoLinkRepository(dynamo, config.LINKS_TABLE),
    identityMatcher,
    biometricSearch: sbmsSearch,
  });
  const sources: SearchSource[] = [withFaults(cir, faults.CIR)];
  const store = config.CENTRAL_SYSTEMS_TABLE
    ? new DynamoSourceDataStore(dynamo, config.CENTRAL_SYSTEMS_TABLE)
    : undefined;
  const tls = config.CENTRAL_SYSTEMS_TLS_SECRET
    ? tlsMaterialFromSecret(config.CENTRAL_SYSTEMS_TLS_SECRET)
    : undefined;
  for (const system of ESP_SOURCES.filter((name): name is CentralSystem => name !== 'CIR')) {
    const adapter = config.CENTRAL_SYSTEMS[system] ?? { adapter: 'reference' };
    if (adapter.adapter === 'umf-https' && tls) {
      sources.push(
        new UmfHttpsSource({ system, endpoint: adapter.endpoint, timeoutMs: adapter.timeoutMs, tls }),
      );
    } else if (adapter.adapter === 'reference' && store) {
      sources.push(
        new ReferenceSource({
          system,
          store,
          identityMatcher,
          biometricSearch: referenceBiometrics(system),
          faults: faults[system],
        }),
      );
    }
  }
  portal = createSearchPortal({
    profiles: defaultProfiles(),
    sources,
    budgets,
    checkQuery: assertUsableBiometrics,
  });
  return portal;
}
