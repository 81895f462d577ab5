// `npm run mid:replay -- --config candidate.json [--since YYYY-MM-DD] [--sample 200] [--segments 4]`
// Re-runs the MID's comparison and colour decision with a candidate configuration over the existing
// links and a sample of files; reads the CIR and the links, writes nothing. Progress on stderr, the
// report as one JSON object on stdout. `--print-current` prints the current configuration instead.
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { replayReport } from '../functions/mid/replay/replay';
import { CURRENT_RULE_CONFIG, ruleConfigOf, ruleConfigSchema } from '../functions/mid/replay/rule-config';
import { runReplay } from '../functions/mid/replay/run';
import { CIR_TABLE, LINKS_TABLE } from '../lib/resources';
import {
  type CommandSpec,
  exitWithUsageError,
  isConnectionRefused,
  localDynamoEndpoint,
  notRunningMessage,
  parseCommandLineOrExit,
} from './cli';
import { localTableName } from './provision';

const spec: CommandSpec = {
  command: 'npm run mid:replay --',
  summary:
    "Re-runs the MID's comparison and colour decision with a candidate configuration over the existing links and the blocking-index candidates of a sample of files; reads the CIR and the links, writes nothing (docs/mid-replay.md).",
  options: {
    config: {
      type: 'string',
      value: 'FILE',
      description: 'the candidate configuration (JSON; fields left out keep their current value)',
    },
    since: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'only links created, and sample files written, on or after this day',
    },
    sample: {
      type: 'string',
      value: 'N',
      description: 'files whose unlinked candidate pairs are replayed',
      default: '200',
    },
    segments: {
      type: 'string',
      value: 'N',
      description: 'Scan segments (the AWS job runs one per Map child)',
      default: '4',
    },
    'print-current': { type: 'boolean', description: 'print the current configuration and exit' },
    endpoint: {
      type: 'string',
      value: 'URL',
      description: 'DynamoDB endpoint',
      default: 'http://127.0.0.1:$DYNAMODB_PORT (8000), as npm start; none with --links-table',
    },
    'links-table': {
      type: 'string',
      value: 'NAME',
      description: 'physical links table name (against AWS: credentials from the usual chain)',
      default: localTableName(LINKS_TABLE, 'interop-local'),
    },
    'cir-table': {
      type: 'string',
      value: 'NAME',
      description: 'physical CIR table name',
      default: localTableName(CIR_TABLE, 'interop-local'),
    },
  },
};
const { values } = parseCommandLineOrExit(spec);
const fail: (message: string) => never = (message) => exitWithUsageError(spec, message);

if (values['print-current']) {
  process.stdout.write(`${JSON.stringify(CURRENT_RULE_CONFIG, null, 2)}\n`);
  process.exit(0);
}
if (!values.config) fail('--config FILE is required (--print-current prints the current configuration)');
if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since))
  fail(`--since must be a day, YYYY-MM-DD (got '${values.since}')`);
const sample = Number(values.sample ?? 200);
const segments = Number(values.segments ?? 4);
if (!Number.isInteger(sample) || sample < 0) fail('--sample must be a whole number of files, 0 or more');
if (!Number.isInteger(segments) || segments < 1 || segments > 1000) fail('--segments must be 1 to 1000');
const configFile = values.config!;

let text: string;
try {
  text = readFileSync(configFile, 'utf8');
} catch (error) {
  fail(`cannot read --config ${configFile}: ${(error as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch {
  fail(`--config ${configFile} is not JSON`);
}
const parsed = ruleConfigSchema.safeParse(json);
if (!parsed.success) {
  fail(
    `--config ${configFile}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
  );
}

const local = !values['links-table'];
const endpoint =
  values.endpoint ?? (local ? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` : undefined);
const client = new DynamoDBClient(
  endpoint
    ? { endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {},
);
const tables = {
  client: DynamoDBDocumentClient.from(client),
  linksTable: values['links-table'] ?? localTableName(LINKS_TABLE, 'interop-local'),
  cirTable: values['cir-table'] ?? localTableName(CIR_TABLE, 'interop-local'),
};
process.stderr.write(`replaying the MID over ${tables.linksTable} and ${tables.cirTable}...\n`);
try {
  const tally = await runReplay(
    tables,
    { since: values.since, sampleFiles: sample, totalSegments: segments },
    { current: CURRENT_RULE_CONFIG, candidate: ruleConfigOf(parsed.data) },
    (segment, links) => process.stderr.write(`  segment ${segment}: ${links} links\n`),
  );
  const report = replayReport(tally);
  const { totals } = report;
  process.stderr.write(
    `${report.linksReplayed} links, ${report.sample.pairs} sampled pairs: ${totals.changeColour} change colour, ` +
      `${totals.disappear} disappear (${report.wouldNotLink.verifiedSame} of the links the candidate would not create were verified as the same person), ` +
      `${totals.appear} appear, ${totals.reopen} re-opened; drift ${report.drift}\n`,
  );
  process.stdout.write(`${JSON.stringify({ since: values.since ?? null, ...report })}\n`);
} catch (error) {
  if (endpoint && isConnectionRefused(error)) {
    process.stderr.write(`${notRunningMessage('DynamoDB Local', endpoint, '--endpoint URL')}\n`);
    process.exit(1);
  }
  process.stderr.write(`mid:replay: replay failed: ${(error as Error).message}\n`);
  process.exit(1);
} finally {
  client.destroy();
}
