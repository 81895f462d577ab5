import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { caller, platformContext } from '../support/platform-context';

const context = platformContext();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run -s <script> -- <args>` in the repository, as a user types it, with the given environment. */
function npmRun(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const COMMANDS: [script: string, subcommand: string[], knownFlag: string][] = [
  ['token', [], '--authority'],
  ['load', [], '--file'],
  ['generate', [], '--people'],
  ['audit:verify', [], '--endpoint'],
  ['mid:replay', [], '--config'],
  ['bench', ['sbms'], '--gallery'],
  ['capacity', [], '--templates'],
  ['capacity', ['simulate'], '--verifiers'],
];

describe('every CLI follows one convention (node:util parseArgs, strict)', () => {
  it.each(COMMANDS)(
    'npm run %s %j: --help prints the usage, an unknown flag is refused naming the known ones',
    async (script, sub, known) => {
      const help = await npmRun(script, [...sub, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`usage: npm run ${script} --${sub.length ? ` ${sub.join(' ')}` : ''}`);
      expect(help.stdout).toContain(known);

      const typo = await npmRun(script, [...sub, '--profil', 'x']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('unknown option --profil');
      expect(typo.stderr).toContain(`known options: `);
      expect(typo.stderr).toContain(known);
      expect(typo.stdout).toBe('');
    },
  );

  it('suggests the flag meant', async () => {
    const typo = await npmRun('token', [
      '--role',
      'border-guard',
      '--authority',
      'DE-BPOL',
      '--profil',
      'border-guard',
    ]);
    expect(typo.stderr).toContain('unknown option --profil (did you mean --profile?)');
    const bench = await npmRun('bench', ['sbms', '--galery', '10']);
    expect(bench.stderr).toContain('did you mean --gallery?');
  });

  it('a refused connection names the URL tried and how to start the platform (ports from PORT / DYNAMODB_PORT)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'p.csv');
    expect((await npmRun('generate', ['--people', '3', '--out', file])).code).toBe(0);
    const [apiPort, dynamoPort] = [await freePort(), await freePort()];
    const load = await npmRun('load', ['--file', file], { PORT: String(apiPort), LOCAL_DATA_DIR: dir });
    expect(load.code).toBe(1);
    expect(load.stderr).toContain(`nothing answers at http://localhost:${apiPort}`);
    expect(load.stderr).toContain('npm start');
    expect(load.stderr).not.toContain('resume');

    const verify = await npmRun('audit:verify', [], { DYNAMODB_PORT: String(dynamoPort) });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`nothing answers at http://127.0.0.1:${dynamoPort}`);
    expect(verify.stderr).toContain('npm start');
    expect(verify.stderr).not.toContain('    at ');
  });
});

describe('generate, load, search: what you load you find through the ESP', () => {
  it('npm run generate -- --people 300 --out p.csv && npm run load -- --file p.csv: every row in its own system, no 409; a border guard finds a generated person', async () => {
    const shell = context.shell!;
    const dir = mkdtempSync(join(tmpdir(), 'generate-load-'));
    const file = join(dir, 'p.csv');
    const generated = await npmRun('generate', ['--people', '300', '--out', file], shell);
    expect(generated.code, generated.stderr).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

    const load = await npmRun('load', ['--file', file], shell);
    expect(load.code, load.stderr).toBe(0);
    expect(load.stderr).not.toContain('409');
    const summary = JSON.parse(load.stdout.trim().split('\n').at(-1)!);
    const bySystem: Record<string, number> = {};
    for (const row of rows) bySystem[row.system!] = (bySystem[row.system!] ?? 0) + 1;
    // the generator's own validation faults aside (none for this seed), every row is accepted into its system
    expect(summary).toMatchObject({ total: rows.length, accepted: rows.length, rejected: 0, complete: true });
    expect(summary.bySystem).toEqual(bySystem);
    expect(Object.keys(bySystem).length).toBeGreaterThanOrEqual(5);

    const guard = await caller(context, ['border-guard'], {
      authority: 'DE-BPOL',
      memberState: 'DE',
      profile: 'border-guard',
    });
    const person = rows.find(
      (row) =>
        row.system === 'SIS' &&
        row.surname &&
        row.given_names &&
        /^\d{4}-\d{2}-\d{2}$/.test(row.date_of_birth ?? ''),
    )!;
    const reply = await guard.request('POST', '/v1/esp/search', {
      query: {
        identity: {
          surnames: [person.surname],
          firstNames: [person.given_names],
          dateOfBirth: person.date_of_birth,
        },
      },
      purpose: 'first-line-check',
    });
    expect(reply.status).toBe(200);
    const sis = reply.body.results.find((result: { source: string }) => result.source === 'SIS');
    expect(sis.status).toBe('hit');
    expect(sis.hits.map((hit: { record: { recordId: string } }) => hit.record.recordId)).toContain(
      person.record_id,
    );
  }, 600_000);
});

describe('npm start refuses what cannot work, before it builds or starts anything', () => {
  it('a second npm start on the same data is refused, and the web app is not rebuilt under the first', async () => {
    const index = 'web/dist/index.html';
    const before = statSync(index).mtimeMs;
    const second = await npmRun('start', [], context.shell!);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another npm start \(pid \d+\) is running with the data in/);
    expect(second.stderr).not.toContain('building the web app');
    expect(statSync(index).mtimeMs).toBe(before);
  });

  it('a taken port is named with its variable and the process holding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    const taken = await npmRun('start', [], {
      LOCAL_DATA_DIR: dir,
      PORT: context.shell!.PORT!,
      DYNAMODB_PORT: String(await freePort()),
      SQS_PORT: String(await freePort()),
    });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      new RegExp(`port ${context.shell!.PORT} \\(PORT\\) is in use by pid \\d+ \\(.*node`),
    );
    expect(taken.stderr).not.toContain('EADDRINUSE');
    expect(taken.stderr).not.toContain('starting the local platform');
  });
});
