import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localTokenIssuer } from '../../../local/auth/tokens';
import { type Platform, startPlatform } from '../../../local/platform';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { freePort } from '../../support/free-port';
import { caller, eventually, type PlatformContext } from '../../support/platform-context';

// Before any import: the platform's modules create the shared logger as they load, at this level.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

/**
 * Art 36 / GDPR: application logs carry no personal data. A platform of its own logs at DEBUG while
 * its output (Powertools JSON on stdout and stderr, and the local server's own messages) is captured;
 * ingestion, MID checks, ESP searches, an sBMS search, an identity check, a consultation with an
 * access request, refused requests and a forced 500 run; then no name, date of birth, document number
 * or template value of the people used appears anywhere in the capture.
 */
let platform: Platform;
let context: PlatformContext;
let keyDir: string;
const captured: string[] = [];
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };

const generator = createBiometricGenerator(0x109);
const capture = (n: number, session = 0) =>
  generator.biometrics(generator.person(970_000 + n), { session, quality: 90, fingers: [1, 2] });

const PEOPLE = [
  {
    system: 'VIS',
    recordId: 'lp-vis-1',
    identity: {
      surnames: ['QUARTERMAINE'],
      firstNames: ['ZEBULONIA'],
      dateOfBirth: '1983-07-29',
      placeOfBirth: 'WOLLONGBRIDGE',
      nationalities: ['AUS'],
      sex: 'F',
    },
    travelDocuments: [{ type: 'P', number: 'PA4471928', issuingCountry: 'AUS' }],
    biometrics: capture(1),
  },
  {
    system: 'EES',
    recordId: 'lp-ees-1',
    identity: {
      surnames: ['QUARTERMAINE'],
      firstNames: ['ZEBULONYA'],
      dateOfBirth: '1983-07-29',
      nationalities: ['AUS'],
      sex: 'F',
    },
    travelDocuments: [{ type: 'P', number: 'PA4471928', issuingCountry: 'AUS' }],
    biometrics: capture(1, 1),
  },
  {
    system: 'SIS',
    recordId: 'lp-sis-1',
    identity: {
      surnames: ['VANDERKLOOSTRAAT'],
      firstNames: ['THEODORICUS'],
      dateOfBirth: '1969-02-11',
      nationalities: ['NLD'],
      sex: 'M',
    },
    travelDocuments: [{ type: 'ID', number: 'NX82K7Q41', issuingCountry: 'NLD' }],
    biometrics: capture(2),
  },
] as const;
const ERROR_PERSON = {
  identity: { surnames: ['OKONKWO-BELLAMY'], firstNames: ['CHIDINMA'], dateOfBirth: '1990-12-03' },
  travelDocuments: [{ type: 'P', number: 'A00917736', issuingCountry: 'NGA' }],
};

/** Every string that would give a person away: names, dates of birth, document numbers, template values. */
function needles(): string[] {
  const found = new Set<string>();
  const identities = [...PEOPLE.map((p) => p.identity), ERROR_PERSON.identity];
  for (const identity of identities) {
    for (const name of [...identity.surnames, ...identity.firstNames]) found.add(name.toLowerCase());
    if ('placeOfBirth' in identity) found.add(identity.placeOfBirth.toLowerCase());
    found.add(identity.dateOfBirth);
    found.add(identity.dateOfBirth.replaceAll('-', ''));
  }
  const documents: readonly { number: string }[] = [
    ...PEOPLE.flatMap((p): readonly { number: string }[] => p.travelDocuments),
    ...ERROR_PERSON.travelDocuments,
  ];
  for (const doc of documents) found.add(doc.number.toLowerCase());
  for (const person of PEOPLE) {
    const { face, fingerprints } = person.biometrics;
    for (const template of [face, ...fingerprints]) {
      if (!template) continue;
      // As JSON would print the vector, and as base64 of its float32 bytes (the stored form).
      found.add(template.vector.slice(0, 3).join(',').toLowerCase());
      const bytes = Buffer.from(new Float32Array(template.vector.slice(0, 6)).buffer);
      found.add(bytes.toString('base64').slice(0, 16).toLowerCase());
    }
  }
  return [...found];
}

beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), 'interop-logs-'));
  await localTokenIssuer(keyDir);
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  const sink = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = sink as typeof process.stdout.write;
  process.stderr.write = sink as typeof process.stderr.write;
  platform = await startPlatform({
    port: 0,
    dynamoPort: await freePort(),
    sqsPort: await freePort(),
    keyDir,
    prefix: 'logs',
    workers: true,
    log: (message) => captured.push(`platform: ${message}\n`),
  });
  context = { url: platform.url, keyDir, env: platform.env };
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  delete process.env.POWERTOOLS_LOG_LEVEL;
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

describe('no personal data in application logs', () => {
  it('logs at DEBUG through ingestion, MID, ESP, sBMS, identity check, consultation, 4xx and a 500 without any name, date of birth, document number or template', async () => {
    const origin = (system: string) =>
      caller(context, ['origin-system'], { system, authority: `${system}:DE`, userId: `lp-${system}` });
    for (const { system, recordId, ...body } of PEOPLE) {
      const reply = await (await origin(system)).request('PUT', `/v1/systems/${system}/records/${recordId}`, {
        ...body,
        version: 1,
      });
      expect(reply.status).toBe(201);
    }
    // The MID checks ran (the two QUARTERMAINE files are linked).
    const verifier = await caller(context, ['link-verifier'], { authority: 'EES:DE', userId: 'lp-verifier' });
    const guard = await caller(context, ['border-guard'], {
      profile: 'border-guard',
      authority: 'DE-BPOL',
      userId: 'lp-guard',
    });
    const [vis, ees] = PEOPLE;
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS', userId: 'lp-dpo' });
    await eventually(
      async () => {
        const log = await dpo.request('GET', '/v1/audit?userId=system:mid&action=midCheck');
        return log.body.entries?.length >= PEOPLE.length ? true : undefined;
      },
      60_000,
      'the MID checks of the records',
    );
    const search = await guard.request('POST', '/v1/esp/search', {
      query: { identity: { surnames: vis.identity.surnames, dateOfBirth: vis.identity.dateOfBirth } },
      purpose: 'first-line-check',
    });
    expect(search.status).toBe(200);
    await guard.request('POST', '/v1/esp/search', {
      query: {
        travelDocument: { number: ees.travelDocuments[0].number },
        biometrics: { face: ees.biometrics.face },
      },
      purpose: 'first-line-check',
    });
    await verifier.request('GET', '/v1/mid/links?colour=yellow');

    const police = await caller(context, ['police'], {
      profile: 'police-identity-check',
      authority: 'PL-POLICE',
      memberState: 'PL',
      userId: 'lp-police',
    });
    expect(
      (
        await police.request('POST', '/v1/sbms/identify', {
          templates: capture(2, 1),
          purpose: 'doubtful-identity',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await police.request('POST', '/v1/cir/identity-checks', {
          reason: 'unable-or-unwilling-to-cooperate',
          age: 40,
          identity: PEOPLE[2].identity,
          travelDocuments: PEOPLE[2].travelDocuments,
        })
      ).status,
    ).toBe(200);

    const designated = await caller(context, ['designated-authority'], {
      profile: 'designated-authority',
      authority: 'IT-DCSA',
      memberState: 'IT',
      userId: 'lp-designated',
    });
    const consultation = await designated.request('POST', '/v1/consultations', {
      caseReference: 'IT/DCSA/2026/LP1',
      offence: 'terrorism:financing',
      justification: 'Financing of a terrorist group: the person paid the group in March 2026',
      identity: vis.identity,
    });
    expect(consultation.status).toBe(201);
    const flagged = Object.entries(consultation.body.flags as Record<string, string>).find(
      ([, f]) => f === 'hit',
    );
    if (flagged) {
      await designated.request('POST', `/v1/consultations/${consultation.body.id}/access-requests`, {
        system: flagged[0],
        justification: 'The file is needed to trace the payments to the group',
        urgent: false,
      });
    }

    // Refused requests carrying personal data: validation errors, a stale version, malformed JSON.
    const ees1 = await origin('EES');
    const { system: _system, recordId: _recordId, ...eesBody } = ees;
    expect(
      (await ees1.request('PUT', '/v1/systems/EES/records/lp-ees-1', { ...eesBody, version: 2 })).status,
    ).toBe(200);
    const refused = [
      await ees1.request('PUT', '/v1/systems/EES/records/lp-bad-1', {
        identity: { ...ERROR_PERSON.identity, dateOfBirth: `${ERROR_PERSON.identity.dateOfBirth}X` },
        travelDocuments: ERROR_PERSON.travelDocuments,
        version: 1,
      }),
      await ees1.request('PUT', '/v1/systems/EES/records/lp-ees-1', { ...eesBody, version: 1 }),
      await ees1.request(
        'PUT',
        '/v1/systems/EES/records/lp-bad-2',
        `{"identity":{"surnames":["${ERROR_PERSON.identity.surnames[0]}"`,
      ),
      await guard.request('POST', '/v1/esp/search', {
        query: { identity: { ...ERROR_PERSON.identity, shoeSize: 44 } },
        purpose: 'first-line-check',
      }),
      await (await origin('VIS')).request('GET', '/v1/systems/EES/records/lp-ees-1'),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 409, 400, 400, 403]);

    // A forced 500: DynamoDB is gone while a record with personal data is written and searched.
    await platform.dynamo.stop();
    const failed = await ees1.request('PUT', '/v1/systems/EES/records/lp-500', {
      ...ERROR_PERSON,
      version: 1,
    });
    // 500, or 502 where the audit entry of the failure cannot be written either (no reply without its log entry).
    expect(failed.status).toBeGreaterThanOrEqual(500);
    await guard.request('POST', '/v1/esp/search', {
      query: { identity: ERROR_PERSON.identity },
      purpose: 'first-line-check',
    });
    await platform.restartDynamo();

    const text = captured.join('');
    const lines = text.split('\n').filter(Boolean);
    // The capture is real: the handlers' logger (created when the platform loaded them) logs at DEBUG,
    // and the 500's error line is in the capture.
    const { logger } = await import('../../../functions/shared/powertools');
    expect(logger.getLevelName()).toBe('DEBUG');
    expect(lines.some((line) => line.includes('"message":"unhandled error"'))).toBe(true);
    const lower = text.toLowerCase();
    const leaks = needles().filter((needle) => lower.includes(needle));
    const examples = leaks.map((needle) => {
      const line = lines.find((l) => l.toLowerCase().includes(needle)) ?? '';
      return `${needle}: ${line.slice(0, 300)}`;
    });
    expect(examples).toEqual([]);
  }, 300_000);
});
