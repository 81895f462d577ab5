import type { OriginSystem } from '../functions/shared/systems';
import type { LocalTokenIssuer } from './auth/tokens';
import { TOUR_PERSON, TOUR_RECORDS } from './demo-tour';
import { SYSTEM_AUTHORITY } from './demo-users';
import { rowToRecord, syntheticRow } from './record-rows';
import { createBiometricGenerator } from './synthetic/biometrics';
import { generatePeople } from './synthetic/people';

/** Origin systems that enrol biometrics; ETIAS brings none (SPEC.md). */
const BIOMETRIC_SYSTEMS = new Set<OriginSystem>(['EES', 'VIS', 'EURODAC', 'SIS', 'ECRIS_TCN']);

export interface SeedResult {
  records: number;
  rejected: number;
}

/**
 * Seeds synthetic third-country nationals through the ingestion API, as the origin systems would:
 * identity data from the people generator, templates from the biometric generator (one latent
 * identity per person, a new capture per record).
 */
export async function seedDemoData(options: {
  url: string;
  tokens: LocalTokenIssuer;
  people: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<SeedResult> {
  const rows = generatePeople({ people: options.people, seed: options.seed });
  const biometrics = createBiometricGenerator(options.seed, { face: 512, fingerprint: 256 });
  const tokens = new Map<string, string>();
  for (const [system, { authority, memberState }] of Object.entries(SYSTEM_AUTHORITY)) {
    tokens.set(
      system,
      await options.tokens.sign({
        userId: `system-${system.toLowerCase()}`,
        roles: ['origin-system'],
        authority,
        memberState,
        system,
      }),
    );
  }
  // The tour's person first, so that her MID checks are not queued behind the generated people's.
  const tourPerson = biometrics.person(TOUR_PERSON);
  for (const record of TOUR_RECORDS) {
    const response = await fetch(`${options.url}/v1/systems/${record.system}/records/${record.recordId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.get(record.system)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...record.body,
        biometrics: biometrics.biometrics(tourPerson, { session: record.session, fingers: [1, 2, 6, 7] }),
        version: 1,
      }),
    });
    if (!response.ok && response.status !== 409)
      throw new Error(
        `the tour's ${record.system} record was refused: ${response.status} ${await response.text()}`,
      );
    await response.arrayBuffer().catch(() => undefined);
  }
  let done = 0;
  let rejected = 0;
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const system = row.system as OriginSystem;
      const person = biometrics.person(Number(row.clusterId.replace(/\D/g, '')));
      const session = Number.parseInt(row.recordId.replace(/\D/g, '').slice(-4) || '0', 10);
      const extra = BIOMETRIC_SYSTEMS.has(system)
        ? { biometrics: biometrics.biometrics(person, { session, fingers: [1, 2, 6, 7] }) }
        : {};
      const mapped = rowToRecord(syntheticRow(row), 1, {
        ...extra,
        memberState: SYSTEM_AUTHORITY[system]!.memberState,
      });
      if (!mapped.ok) {
        rejected++;
        continue;
      }
      const response = await fetch(
        `${options.url}/v1/systems/${system}/records/${encodeURIComponent(row.recordId)}`,
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${tokens.get(system)}`, 'content-type': 'application/json' },
          body: JSON.stringify(mapped.body),
        },
      );
      if (!response.ok && response.status !== 409) rejected++;
      await response.arrayBuffer();
      options.onProgress?.(++done, rows.length);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { records: done - rejected, rejected };
}
