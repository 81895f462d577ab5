// `npm run audit:verify [-- --endpoint http://127.0.0.1:8000 --table interop-local-Audit]`
// Checks every hash chain of the audit log; exits 1 and lists the problems when an entry was altered or removed.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../functions/audit/store';
import { AUDIT_TABLE } from '../lib/resources';
import { isConnectionRefused, localDynamoEndpoint, notRunningMessage, parseCommandLineOrExit } from './cli';
import { localTableName } from './provision';

const { values: args } = parseCommandLineOrExit({
  command: 'npm run audit:verify --',
  summary:
    'Checks every hash chain of the audit log; exits 1 and names each entry that was altered or removed.',
  options: {
    endpoint: {
      type: 'string',
      value: 'URL',
      description: 'DynamoDB endpoint',
      default: 'http://127.0.0.1:$DYNAMODB_PORT (8000), as npm start; none with --table',
    },
    table: {
      type: 'string',
      value: 'NAME',
      description: 'physical audit table name (against AWS: credentials from the usual chain)',
      default: localTableName(AUDIT_TABLE, 'interop-local'),
    },
  },
});
// Against AWS: pass --table (the physical name) and leave --endpoint out; credentials from the usual chain.
const endpoint = args.endpoint ?? (args.table ? undefined : localDynamoEndpoint());
const table = args.table ?? localTableName(AUDIT_TABLE, 'interop-local');
const client = new DynamoDBClient(
  endpoint
    ? { endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {},
);
const log = new DynamoAuditLog(DynamoDBDocumentClient.from(client), table);
process.stderr.write(`verifying the audit log in ${table}${endpoint ? ` at ${endpoint}` : ''}...\n`);
const result = await log
  .verifyAll((done) => {
    if (done % 10 === 0) process.stderr.write(`  ${done} chains checked\n`);
  })
  .catch((error: unknown) => {
    if (!endpoint || !isConnectionRefused(error)) throw error;
    process.stderr.write(`${notRunningMessage('DynamoDB Local', endpoint, '--endpoint URL')}\n`);
    process.exit(1);
  });
client.destroy();
for (const problem of result.problems) {
  process.stderr.write(`  chain ${problem.chain}, entry ${problem.seq}: ${problem.problem}\n`);
}
process.stderr.write(
  result.problems.length
    ? `TAMPERING DETECTED: ${result.problems.length} problem(s) in ${result.chains} chains\n`
    : `intact: ${result.entries} entries in ${result.chains} chains\n`,
);
process.stdout.write(
  `${JSON.stringify({ chains: result.chains, entries: result.entries, problems: result.problems.length })}\n`,
);
process.exit(result.problems.length ? 1 : 0);
