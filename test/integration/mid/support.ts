import type { Link } from '../../../functions/mid/domain/links';
import type { RecordRef } from '../../../functions/mid/domain/types';
import { DynamoLinkRepository } from '../../../functions/mid/link-store';
import type { Role } from '../../../functions/shared/auth/roles';
import { dynamo } from '../../../functions/shared/clients';
import type { OriginSystem } from '../../../functions/shared/systems';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { type Caller, caller, eventually, type PlatformContext } from '../../support/platform-context';

const generator = createBiometricGenerator(0x3d1d);

/** Face and two fingers of synthetic person n (ids apart from other test files), one capture per session. */
export const biometricsOf = (n: number, session = 0) =>
  generator.biometrics(generator.person(920_000 + n), { session, quality: 90, fingers: [1, 2] });

export interface Identity {
  surnames: string[];
  firstNames: string[];
  dateOfBirth: string;
  sex: 'M' | 'F';
  nationalities: string[];
}

/** An identity with one surname and one first name, of a Ukrainian woman unless told otherwise. */
export const identityOf = (
  surname: string,
  firstName: string,
  dateOfBirth: string,
  sex: 'M' | 'F' = 'F',
  nationalities = ['UKR'],
): Identity => ({ surnames: [surname], firstNames: [firstName], dateOfBirth, sex, nationalities });

export function midWorld(context: PlatformContext) {
  const links = new DynamoLinkRepository(dynamo, context.env.LINKS_TABLE!);
  const systemCaller = (system: OriginSystem) =>
    caller(context, ['origin-system'], {
      system,
      authority: `${system}:SYS`,
      userId: `${system.toLowerCase()}-mid-it`,
    });
  const dpo = () => caller(context, ['data-protection-officer'], { authority: 'EDPS', userId: 'dpo-mid-it' });

  /** The MID check audit entries of a record (the consumer writes one per completed check). */
  async function checksOf(ref: RecordRef): Promise<{ details: { version: number } }[]> {
    const log = await (await dpo()).request('GET', '/v1/audit?userId=system:mid&limit=500');
    if (log.status !== 200) throw new Error(`audit read: ${log.status} ${JSON.stringify(log.body)}`);
    return log.body.entries.filter(
      (entry: { action: string; records: RecordRef[] }) =>
        entry.action === 'midCheck' &&
        entry.records.some((r) => r.system === ref.system && r.recordId === ref.recordId),
    );
  }

  return {
    links,
    dpo,
    checksOf,
    verifier: (
      authority: string,
      userId = `verifier-${authority}`,
      roles: Role[] = ['link-verifier'],
    ): Promise<Caller> =>
      caller(context, roles, { authority, userId, memberState: authority.split(':')[1] ?? 'EU' }),
    /** PUTs a record and waits until its MID check for that version is done. */
    async put(
      ref: RecordRef,
      body: {
        identity: Identity;
        biometrics?: object;
        memberState: string;
        travelDocuments?: object[];
        language?: string;
      },
      version = 1,
    ) {
      const reply = await (await systemCaller(ref.system)).request(
        'PUT',
        `/v1/systems/${ref.system}/records/${ref.recordId}`,
        { ...body, version },
      );
      if (reply.status >= 300)
        throw new Error(`PUT ${ref.recordId}: ${reply.status} ${JSON.stringify(reply.body)}`);
      await eventually(
        async () => ((await checksOf(ref)).some((c) => c.details.version === version) ? true : undefined),
        30_000,
        `the MID check of ${ref.recordId}`,
      );
      return reply;
    },
    async remove(ref: RecordRef) {
      return (await systemCaller(ref.system)).request(
        'DELETE',
        `/v1/systems/${ref.system}/records/${ref.recordId}`,
      );
    },
    async linkBetween(a: RecordRef, b: RecordRef): Promise<Link | undefined> {
      return (await links.listByRecord(a)).find((link) =>
        link.records.some((r) => r.system === b.system && r.recordId === b.recordId),
      );
    },
  };
}

type MidWorld = ReturnType<typeof midWorld>;

/**
 * Two files of synthetic person n's biometrics, `{idPrefix}a` in EES (checked first) and `{idPrefix}b`
 * in VIS, whose check links them; resolves with the files and that link.
 */
export async function linkedPair(
  world: MidWorld,
  idPrefix: string,
  n: number,
  memberState: string,
  ees: Identity,
  vis: Identity = ees,
) {
  const a: RecordRef = { system: 'EES', recordId: `${idPrefix}a` };
  const b: RecordRef = { system: 'VIS', recordId: `${idPrefix}b` };
  await world.put(a, { identity: ees, biometrics: biometricsOf(n, 0), memberState });
  await world.put(b, { identity: vis, biometrics: biometricsOf(n, 1), memberState });
  const link = await eventually(() => world.linkBetween(a, b), 10_000, `the link of pair ${idPrefix}`);
  return { a, b, link };
}
