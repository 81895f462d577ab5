import { describe, expect, it } from 'vitest';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const generator = createBiometricGenerator(0x5b1e5);
/** Person ids of this file: far from those of other test files sharing the gallery. */
const person = (n: number) => generator.person(910_000 + n);
/** A clean capture (quality 90) of face and two fingers; another session is another noisy capture. */
const capture = (n: number, session = 0) =>
  generator.biometrics(person(n), { session, quality: 90, fingers: [1, 2] });

const system = (name: 'EES' | 'VIS') =>
  caller(context, ['origin-system'], {
    system: name,
    authority: `${name}:DE`,
    userId: `${name.toLowerCase()}-sbms-it`,
  });
/** An immigration officer: the profile covers EES and VIS (the sBMS scopes candidates by profile). */
const searcher = (userId = 'asylum-sbms-it') =>
  caller(context, ['immigration-authority'], { userId, authority: 'NL-IND', profile: 'immigration-asylum' });
const dpo = () => caller(context, ['data-protection-officer'], { authority: 'EDPS', userId: 'dpo-sbms-it' });

const recordBody = (n: number, biometrics: object, version = 1) => ({
  identity: { surnames: [`SBMS${n}`], firstNames: ['TEST'], dateOfBirth: '1980-01-01', sex: 'M' },
  biometrics,
  version,
});

async function enrol(name: 'EES' | 'VIS', recordId: string, n: number) {
  const reply = await (await system(name)).request(
    'PUT',
    `/v1/systems/${name}/records/${recordId}`,
    recordBody(n, capture(n)),
  );
  expect(reply.status).toBe(201);
  return reply;
}

describe('sBMS API', () => {
  it('finds a record enrolled just before at rank 1 (a template written is searchable by the next search)', async () => {
    await enrol('EES', 'it-sbms-1', 1);
    const reply = await (await searcher()).request('POST', '/v1/sbms/identify', {
      templates: capture(1, 1),
      topK: 5,
      purpose: 'doubtful-identity',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.candidates[0]).toMatchObject({ system: 'EES', recordId: 'it-sbms-1' });
    expect(reply.body.candidates[0].score).toBeGreaterThanOrEqual(reply.body.threshold);
    expect(Object.keys(reply.body.candidates[0].perModality).sort()).toEqual(['FACE', 'FP01', 'FP02']);
    expect(reply.body.refusedTemplates).toEqual([]);
  });

  it('restricts a search to the systems asked for and returns nobody for a stranger', async () => {
    await enrol('EES', 'it-sbms-2', 2);
    const police = await searcher();
    const visOnly = await police.request('POST', '/v1/sbms/identify', {
      templates: capture(2, 1),
      systems: ['VIS'],
    });
    expect(visOnly.status).toBe(200);
    expect(visOnly.body.candidates.some((c: { recordId: string }) => c.recordId === 'it-sbms-2')).toBe(false);
    const stranger = await police.request('POST', '/v1/sbms/identify', { templates: capture(99, 0) });
    expect(
      stranger.body.candidates.filter((c: { recordId: string }) => c.recordId.startsWith('it-sbms-')),
    ).toEqual([]);
  });

  it('verifies 1:1: a mate matches, another person does not, an unknown record is 404', async () => {
    await enrol('VIS', 'it-sbms-3', 3);
    const police = await searcher();
    const mate = await police.request('POST', '/v1/sbms/verify', {
      templates: capture(3, 2),
      system: 'VIS',
      recordId: 'it-sbms-3',
    });
    expect(mate.status).toBe(200);
    expect(mate.body).toMatchObject({ decision: 'match', compared: ['FACE', 'FP01', 'FP02'] });
    const other = await police.request('POST', '/v1/sbms/verify', {
      templates: capture(4, 0),
      system: 'VIS',
      recordId: 'it-sbms-3',
    });
    expect(other.status).toBe(200);
    expect(other.body.decision).toBe('no-match');
    expect(other.body.score).toBeLessThan(mate.body.score);
    const unknown = await police.request('POST', '/v1/sbms/verify', {
      templates: capture(3, 2),
      system: 'VIS',
      recordId: 'it-sbms-none',
    });
    expect(unknown.status).toBe(404);
  });

  it('never returns a deleted record, neither in 1:N nor in 1:1', async () => {
    await enrol('EES', 'it-sbms-5', 5);
    // an internal component: the whole gallery and any threshold (a caller of a profile gets neither)
    const police = await caller(context, ['internal-component'], { userId: 'mid-sbms-it', authority: 'MID' });
    const search = () =>
      police.request('POST', '/v1/sbms/identify', { templates: capture(5, 1), topK: 100, threshold: -1000 });
    expect((await search()).body.candidates[0].recordId).toBe('it-sbms-5');
    expect((await (await system('EES')).request('DELETE', '/v1/systems/EES/records/it-sbms-5')).status).toBe(
      200,
    );
    const after = await search();
    expect(after.status).toBe(200);
    expect(after.body.candidates.length).toBeGreaterThan(0);
    expect(after.body.candidates.some((c: { recordId: string }) => c.recordId === 'it-sbms-5')).toBe(false);
    const verify = await police.request('POST', '/v1/sbms/verify', {
      templates: capture(5, 1),
      system: 'EES',
      recordId: 'it-sbms-5',
    });
    expect(verify.status).toBe(404);
  });

  it('records quality-gate refusals on the record and still accepts the rest of it', async () => {
    const good = capture(6);
    const biometrics = {
      face: { ...good.face!, quality: 5 },
      fingerprints: [good.fingerprints[0]!, { position: 2, vector: [1, 2, 3], quality: 80 }],
    };
    const ees = await system('EES');
    const put = await ees.request('PUT', '/v1/systems/EES/records/it-sbms-6', recordBody(6, biometrics));
    expect(put.status).toBe(201);
    const stored = await ees.request('GET', '/v1/systems/EES/records/it-sbms-6');
    expect(stored.body.templateModalities).toEqual(['FP01']);
    expect(
      stored.body.templateRefusals
        .map((r: { modality: string; reason: string }) => `${r.modality}:${r.reason}`)
        .sort(),
    ).toEqual(['FACE:low-quality', 'FP02:wrong-dimension']);
    // only the accepted finger is searchable
    const found = await (await searcher()).request('POST', '/v1/sbms/identify', {
      templates: { fingerprints: [capture(6, 1).fingerprints[0]] },
    });
    expect(found.body.candidates[0]).toMatchObject({
      recordId: 'it-sbms-6',
      perModality: { FP01: expect.any(Number) },
    });
  });

  it('refuses a probe whose every template fails the gate (400 naming it), and reports partial refusals', async () => {
    const police = await searcher();
    const probe = capture(7);
    const refused = await police.request('POST', '/v1/sbms/identify', {
      templates: { face: { ...probe.face!, quality: 3 } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.templates.face',
    ]);
    const zero = await police.request('POST', '/v1/sbms/verify', {
      templates: { fingerprints: [{ position: 4, vector: new Array(256).fill(0), quality: 90 }] },
      system: 'EES',
      recordId: 'it-sbms-1',
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.issues[0].field).toBe('body.templates.fingerprints.0');
    const partial = await police.request('POST', '/v1/sbms/identify', {
      templates: { face: probe.face, fingerprints: [{ position: 3, vector: [0.5], quality: 90 }] },
    });
    expect(partial.status).toBe(200);
    expect(partial.body.refusedTemplates).toEqual([
      expect.objectContaining({
        field: 'body.templates.fingerprints.0',
        modality: 'FP03',
        reason: 'wrong-dimension',
      }),
    ]);
  });

  it('names the invalid field of a malformed request and admits only sBMS roles', async () => {
    const police = await searcher();
    const badTopK = await police.request('POST', '/v1/sbms/identify', { templates: capture(1), topK: 0 });
    expect(badTopK.status).toBe(400);
    expect(badTopK.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('body.topK');
    const noTemplates = await police.request('POST', '/v1/sbms/identify', {
      templates: { fingerprints: [] },
    });
    expect(noTemplates.status).toBe(400);
    const badSystem = await police.request('POST', '/v1/sbms/verify', {
      templates: capture(1),
      system: 'XYZ',
      recordId: 'a',
    });
    expect(badSystem.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(
      'body.system',
    );
    const notJson = await police.request('POST', '/v1/sbms/identify', '{not json');
    expect(notJson.status).toBe(400);
    const ees = await system('EES');
    expect((await ees.request('POST', '/v1/sbms/identify', { templates: capture(1) })).status).toBe(403);
  });

  it('scopes candidates by the caller’s profile, with the calibrated threshold as a floor, and answers verify outside it as for an unknown record', async () => {
    await enrol('EES', 'it-sbms-9', 9);
    const eurodac = caller(context, ['origin-system'], { system: 'EURODAC', authority: 'EURODAC:DE' });
    const put = await (await eurodac).request(
      'PUT',
      '/v1/systems/EURODAC/records/it-sbms-9u',
      recordBody(9, capture(9, 2)),
    );
    expect(put.status).toBe(201);
    const guard = await caller(context, ['border-guard'], { profile: 'border-guard', authority: 'DE-BPOL' });
    const found = await guard.request('POST', '/v1/sbms/identify', {
      templates: capture(9, 1),
      topK: 100,
      threshold: -1000,
    });
    expect(found.status).toBe(200);
    expect(found.body.threshold).toBeGreaterThan(-1000);
    const systems = new Set(found.body.candidates.map((c: { system: string }) => c.system));
    expect(systems.has('EES')).toBe(true);
    for (const outside of ['EURODAC', 'ECRIS_TCN']) expect(systems.has(outside)).toBe(false);
    expect(found.body.candidates.every((c: { score: number }) => c.score >= found.body.threshold)).toBe(true);
    const outside = await guard.request('POST', '/v1/sbms/verify', {
      templates: capture(9, 1),
      system: 'EURODAC',
      recordId: 'it-sbms-9u',
    });
    const unknown = await guard.request('POST', '/v1/sbms/verify', {
      templates: capture(9, 1),
      system: 'EES',
      recordId: 'it-sbms-none',
    });
    expect(outside.status).toBe(404);
    expect(outside.body.error).toEqual({ ...unknown.body.error, requestId: outside.body.error.requestId });
  });

  it('logs every search (Art 16): biometric types, systems, result count and purpose, no templates', async () => {
    const police = await searcher('police-sbms-audit');
    await enrol('VIS', 'it-sbms-8', 8);
    const search = await police.request('POST', '/v1/sbms/identify', {
      templates: { face: capture(8, 1).face },
      systems: ['VIS', 'EES'],
      purpose: 'doubtful-identity',
    });
    expect(search.status).toBe(200);
    await police.request('POST', '/v1/sbms/verify', {
      templates: capture(8, 1),
      system: 'VIS',
      recordId: 'it-sbms-8',
    });
    const log = await (await dpo()).request('GET', '/v1/audit?userId=police-sbms-audit&limit=10');
    const [verify, identify] = log.body.entries;
    expect(identify).toMatchObject({
      action: 'identify',
      systems: ['VIS', 'EES'],
      purpose: 'doubtful-identity',
      resultCount: search.body.candidates.length,
      details: { biometricTypes: 'FACE', templatesRefused: 0 },
    });
    expect(verify).toMatchObject({
      action: 'verify',
      systems: ['VIS'],
      records: [{ system: 'VIS', recordId: 'it-sbms-8' }],
      resultCount: 1,
      details: { biometricTypes: 'FACE,FP01,FP02', decision: 'match' },
    });
    expect(JSON.stringify(log.body.entries)).not.toMatch(/vector|SBMS8/);
  });
});
