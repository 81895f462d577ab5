// `npm run load -- --file records.csv|records.jsonl [--system EES] [--api URL] [--token JWT] [--batch 50]`
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { CentralSystem } from '../functions/esp/source-store';
import { isOriginSystem, ORIGIN_SYSTEMS, type OriginSystem } from '../functions/shared/systems';
import { CENTRAL_SYSTEMS_TABLE } from '../lib/resources';
import { localTokenIssuer } from './auth/tokens';
import {
  type CommandSpec,
  exitWithUsageError,
  isConnectionRefused,
  localApiUrl,
  localDynamoEndpoint,
  notRunningMessage,
  numberArg,
  parseCommandLineOrExit,
} from './cli';
import { SYSTEM_AUTHORITY } from './demo-users';
import { LoadError, type LoadOptions, loadRecords, rejectedFileOf } from './loader';
import { LOCAL_DATA_DIR } from './paths';
import { localTableName } from './provision';
import { centralRecordOf, centralSystemsStore } from './seed-central-systems';
import { createRng } from './synthetic/people';

const SPEC: CommandSpec = {
  command: 'npm run load --',
  summary: [
    "Pushes records through the ingestion API in batches, each row into its own origin system (the file's",
    '`system` column). An interrupted load resumes where it stopped: its state is kept under',
    '.local/load-state/, one per target API, file and --system (a reset of .local/ starts afresh).',
    'Rejected rows and their reasons go to <file>.rejected.jsonl.',
  ].join('\n'),
  options: {
    file: {
      type: 'string',
      value: 'FILE',
      description: '.csv (benchmark format, as npm run generate writes) or .jsonl (one record a line)',
    },
    system: {
      type: 'string',
      value: 'SYSTEM',
      description: `load only this system's rows (rows without a system go to it): ${ORIGIN_SYSTEMS.join('|')}`,
    },
    api: {
      type: 'string',
      value: 'URL',
      description: 'the platform API',
      default: 'http://localhost:$PORT (3000), as npm start',
    },
    token: {
      type: 'string',
      value: 'JWT',
      description: "an origin system's token (with --system; env INTEROP_TOKEN)",
      default: 'signed per system with the local key in .local/keys',
    },
    central: {
      type: 'boolean',
      description:
        "also write the records to the demo central systems' sources, so the ESP finds them (default against the local platform)",
    },
    'no-central': { type: 'boolean', description: 'do not write to the demo central systems' },
    dynamodb: {
      type: 'string',
      value: 'URL',
      description: 'DynamoDB Local of the demo central systems',
      default: 'http://127.0.0.1:$DYNAMODB_PORT (8000)',
    },
    batch: { type: 'string', value: 'N', description: 'rows per batch (the resume point)', default: '50' },
    concurrency: { type: 'string', value: 'N', description: 'requests at once', default: '8' },
    version: { type: 'string', value: 'N', description: 'record version given to CSV rows', default: '1' },
  },
  notes: ['example: npm run generate -- --people 300 --out p.csv && npm run load -- --file p.csv'],
};

const { values: args } = parseCommandLineOrExit(SPEC);
if (!args.file) exitWithUsageError(SPEC, '--file is required');
if (args.system !== undefined && !isOriginSystem(args.system))
  exitWithUsageError(
    SPEC,
    `--system: unknown system "${args.system}" (systems: ${ORIGIN_SYSTEMS.join(', ')})`,
  );
const token = args.token ?? process.env.INTEROP_TOKEN;
if (token && !args.system)
  exitWithUsageError(SPEC, "a token is one origin system's: give --system with --token");
if (args.central && args['no-central'])
  exitWithUsageError(SPEC, '--central and --no-central exclude each other');
const file = args.file;
const only = args.system as OriginSystem | undefined;
const api = (args.api ?? localApiUrl()).replace(/\/$/, '');
const central = args.central ? true : args['no-central'] ? false : isLocal(api);

function isLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

// In AWS, pass a Cognito token of the origin system's account; locally, one per system is signed with the local key.
const issuer = token ? undefined : await localTokenIssuer(`${LOCAL_DATA_DIR}/keys`);
const tokens = new Map<OriginSystem, Promise<string>>();
const tokenFor = (system: OriginSystem) => {
  if (token) return token;
  if (!tokens.has(system))
    tokens.set(
      system,
      issuer!.sign({
        userId: `loader-${system.toLowerCase()}`,
        roles: ['origin-system'],
        system,
        ...SYSTEM_AUTHORITY[system]!,
      }),
    );
  return tokens.get(system)!;
};

if (!existsSync(file)) {
  process.stderr.write(`${file}: no such file (check the path given to --file)\n`);
  process.exit(1);
}
await fetch(`${api}/health`).catch((error: unknown) => {
  if (!isConnectionRefused(error)) return;
  process.stderr.write(`${notRunningMessage('API', api, '--api URL')}\nnothing was loaded\n`);
  process.exit(1);
});

const dynamoEndpoint = args.dynamodb ?? localDynamoEndpoint();
const centralStore = central
  ? centralSystemsStore(dynamoEndpoint, localTableName(CENTRAL_SYSTEMS_TABLE, 'interop-local'))
  : undefined;
/** The file's record as the demo central system holds it, with that system's part drawn from the record id. */
const onAccepted: LoadOptions['onAccepted'] = centralStore
  ? async (system, recordId, body) => {
      const seed = createHash('sha256').update(`${system}/${recordId}`).digest().readUInt32LE(0);
      await centralStore.store
        .put(
          system as CentralSystem,
          centralRecordOf(system as CentralSystem, { recordId, ...body }, createRng(seed)),
        )
        .catch((error: unknown) => {
          throw isConnectionRefused(error)
            ? new LoadError(
                'unreachable',
                notRunningMessage('DynamoDB Local', dynamoEndpoint, '--dynamodb URL or --no-central'),
              )
            : error;
        });
    }
  : undefined;

const bar = new SingleBar({
  format: 'loading {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left',
  stream: process.stderr,
});
let started = false;
const summary = await loadRecords({
  api,
  system: only,
  file,
  tokenFor,
  stateDir: LOCAL_DATA_DIR,
  batchSize: numberArg(args, 'batch', 50),
  concurrency: numberArg(args, 'concurrency', 8),
  version: numberArg(args, 'version', 1),
  onAccepted,
  onProgress: (done, total) => {
    if (!started) {
      bar.start(total, done);
      started = true;
    }
    bar.update(done);
  },
})
  .catch((error: unknown) => {
    bar.stop();
    if (!(error instanceof LoadError)) throw error;
    process.stderr.write(`\nstopped: ${error.message}\n${adviceFor(error)}\n`);
    process.exit(1);
  })
  .finally(() => centralStore?.client.destroy());
bar.stop();

/** What will help: a rerun resumes only where the cause was outside the file and has gone. */
function adviceFor(error: LoadError): string {
  const resume = `the first ${error.rowsDone} rows are loaded; the same command resumes after them`;
  switch (error.failure) {
    case 'file':
      return 'check the path given to --file, then run the command again';
    case 'format':
      return 'nothing was loaded: correct the file (its line is named above), then run the command again';
    case 'token':
      return `${resume} once it has a token the API accepts: --token of the origin system's account with --system, or no --token to sign one with the local key (.local/keys of the running platform)`;
    case 'unreachable':
      return `${resume} once the platform answers again (npm start)`;
    case 'server':
      return `the platform kept failing (see its log); ${resume} when it answers again`;
  }
}

const systems = Object.entries(summary.bySystem)
  .map(([system, count]) => `${system} ${count}`)
  .join(', ');
process.stderr.write(
  `${summary.accepted} accepted${systems ? ` (${systems})` : ''}, ${summary.rejected} rejected${summary.rejected ? ` (reasons in ${rejectedFileOf(file)})` : ''}` +
    `${summary.otherSystems ? `, ${summary.otherSystems} rows of other systems left out` : ''}` +
    `${summary.skippedFromEarlierRun ? `, resumed after row ${summary.skippedFromEarlierRun}` : ''}` +
    `${centralStore ? "; also written to the demo central systems' sources (the ESP finds them)" : ''}\n`,
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
