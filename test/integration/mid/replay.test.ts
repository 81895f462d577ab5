import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../../functions/mid/domain/links';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { scanAll } from '../../support/mid-integrity';
import { ownPlatform } from '../../support/own-platform';
import { eventually, type PlatformContext } from '../../support/platform-context';
import { dynamoClient, tableDigest } from '../../support/table-snapshot';

/**
 * `npm run mid:replay` as a user runs it, a child process against a platform of this file's own:
 * four links (a white one, a yellow one waiting, one verified as the same person, one as different
 * persons), replayed with the current configuration and with a much stricter identity threshold.
 */
const platform = ownPlatform('replay', { workers: true });
const run = promisify(execFile);
const generator = createBiometricGenerator(0x7e91a);
/** The platform as the table helpers take it (their client needs the endpoint in `env`). */
const context = (): PlatformContext => ({
  url: platform().url,
  keyDir: '',
  env: {
    ...platform().env,
    AWS_ENDPOINT_URL_DYNAMODB: platform().dynamo.endpoint,
    AWS_REGION: 'eu-central-1',
  },
});
const dir = mkdtempSync(join(tmpdir(), 'mid-replay-'));

const person = (surname: string, firstName: string, dateOfBirth: string) => ({
  surnames: [surname],
  firstNames: [firstName],
  dateOfBirth,
  sex: 'F' as const,
  nationalities: ['POL'],
});

async function request(
  roles: string[],
  claims: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
) {
  const token = await platform().tokens.sign({
    userId: claims.userId ?? 'replay-test',
    authority: claims.authority ?? 'TEST',
    memberState: 'DE',
    roles: roles as never,
    system: claims.system as never,
  });
  const response = await fetch(`${platform().url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

async function put(system: 'EES' | 'VIS', recordId: string, identity: object, biometricsOf: number) {
  const reply = await request(
    ['origin-system'],
    { system, authority: `${system}:DE` },
    'PUT',
    `/v1/systems/${system}/records/${recordId}`,
    {
      identity,
      biometrics: generator.biometrics(generator.person(biometricsOf), {
        session: system === 'EES' ? 0 : 1,
        quality: 90,
        fingers: [1, 2],
      }),
      memberState: 'DE',
      version: 1,
    },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
}

async function replay(...args: string[]) {
  const env = platform().env;
  try {
    const { stdout, stderr } = await run(
      'npx',
      [
        'tsx',
        'local/mid-replay-cli.ts',
        ...args,
        '--endpoint',
        platform().dynamo.endpoint,
        '--links-table',
        env.LINKS_TABLE!,
        '--cir-table',
        env.CIR_TABLE!,
      ],
      { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run mid:replay', () => {
  it('changes nothing with the current configuration; a stricter identity threshold removes links, verified ones included', async () => {
    // P1, P2, P4: similar identity data (one letter), biometrics of different persons: yellow.
    // P3: the same identity and biometrics: white (Art 33(1)(a)).
    const pairs = [
      {
        id: 'p1',
        ees: person('NOWAKOWSKA', 'AGNIESZKA', '1984-03-12'),
        vis: person('NOWAKOWSKAA', 'AGNIESZKA', '1984-03-12'),
        bio: [941_001, 941_002],
      },
      {
        id: 'p2',
        ees: person('WISNIEWSKA', 'MARTA', '1971-10-05'),
        vis: person('WISNIEWSKAA', 'MARTA', '1971-10-05'),
        bio: [941_003, 941_004],
      },
      {
        id: 'p3',
        ees: person('KOWALCZYK', 'EWA', '1990-07-21'),
        vis: person('KOWALCZYK', 'EWA', '1990-07-21'),
        bio: [941_005, 941_005],
      },
      {
        id: 'p4',
        ees: person('ZIELINSKA', 'ANNA', '1966-01-30'),
        vis: person('ZIELINSKAA', 'ANNA', '1966-01-30'),
        bio: [941_006, 941_007],
      },
    ];
    for (const pair of pairs) {
      await put('EES', `replay-${pair.id}-ees`, pair.ees, pair.bio[0]!);
      await put('VIS', `replay-${pair.id}-vis`, pair.vis, pair.bio[1]!);
    }
    const client = DynamoDBDocumentClient.from(dynamoClient(context()));
    const links = await eventually(
      async () => {
        const items = (await scanAll(client, platform().env.LINKS_TABLE!)).filter(
          (item) => item.sk === 'LINK',
        );
        return items.length >= pairs.length ? items.map((item) => item.link as Link) : undefined;
      },
      120_000,
      'the four links',
    );
    const linkOf = (id: string) =>
      links.find((link) => link.records.some((ref) => ref.recordId.includes(`-${id}-`)))!;
    expect(pairs.map((pair) => linkOf(pair.id).colour)).toEqual(['yellow', 'yellow', 'white', 'yellow']);
    for (const [id, colour] of [
      ['p1', 'white'],
      ['p2', 'green'],
    ] as const) {
      const link = linkOf(id);
      const verified = await request(
        ['link-verifier'],
        { authority: link.responsibleAuthority },
        'POST',
        `/v1/mid/links/${link.linkId}/verification`,
        {
          colour,
          justification: 'compared with the documents',
          expectedVersion: link.version,
        },
      );
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    }
    const before = [await tableDigest(context(), 'LINKS_TABLE'), await tableDigest(context(), 'CIR_TABLE')];

    // The current configuration, as the CLI prints it: nothing changes, nothing drifts.
    const printed = await replay('--print-current');
    expect(printed.code, printed.stderr).toBe(0);
    writeFileSync(join(dir, 'current.json'), printed.stdout);
    const current = await replay('--config', join(dir, 'current.json'), '--segments', '2');
    expect(current.code, current.stderr).toBe(0);
    const same = JSON.parse(current.stdout);
    expect(same).toMatchObject({
      linksReplayed: 4,
      drift: 0,
      totals: { changeColour: 0, changeReason: 0, disappear: 0, appear: 0, reopen: 0 },
      changes: [],
      wouldNotLink: { total: 0 },
      decided: {
        current: { right: 0, wrong: 0, verification: 2 },
        candidate: { right: 0, wrong: 0, verification: 2 },
      },
    });
    expect(same.sample.files).toBe(8);

    // Identity data never match below a score of 1000 (none reaches it).
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ minimumIdentityScore: 1000 }));
    const strict = await replay('--config', join(dir, 'strict.json'));
    expect(strict.code, strict.stderr).toBe(0);
    const report = JSON.parse(strict.stdout);
    expect(report.totals).toEqual({ changeColour: 1, changeReason: 0, disappear: 1, appear: 0, reopen: 2 });
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'disappear',
          from: 'yellow',
          to: null,
          fromReason: 'identity-match-biometrics-different',
          toReason: 'no-match',
          article: 'Art 28',
          count: 1,
        }),
        expect.objectContaining({
          kind: 'colour',
          from: 'white',
          to: 'yellow',
          fromReason: 'art33-1a-biometrics-and-identity',
          toReason: 'biometrics-same-identity-different',
          article: 'Art 28(4), Art 30',
          count: 1,
        }),
      ]),
    );
    // Of the three links the candidate would not create, one had been verified as the same person.
    expect(report.wouldNotLink).toEqual({ total: 3, verifiedSame: 1, verifiedDifferent: 1, unverified: 1 });
    expect(report.decided.candidate).toEqual({ right: 1, wrong: 1, verification: 0 });
    expect(report.fairness.latinScript).toEqual({
      links: { current: 4, candidate: 3 },
      yellow: { current: 1, candidate: 3 },
      decidedWrong: { current: 0, candidate: 1 },
    });
    expect(strict.stderr).toContain(
      '1 disappear (1 of the links the candidate would not create were verified as the same person)',
    );

    // It wrote nothing.
    expect([await tableDigest(context(), 'LINKS_TABLE'), await tableDigest(context(), 'CIR_TABLE')]).toEqual(
      before,
    );
  }, 400_000);

  it('refuses a bad configuration or argument with a message naming it, and exit code 2', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ minimumIdentityScore: 'high', threshold: 3 }));
    const bad = await replay('--config', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('minimumIdentityScore');
    expect(bad.stderr).toContain('threshold');
    const unknown = await replay('--config', join(dir, 'bad.json'), '--colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--colour');
    const since = await replay('--config', join(dir, 'bad.json'), '--since', 'last week');
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since');
    expect((await replay()).stderr).toContain('--config FILE is required');
  }, 120_000);
});
