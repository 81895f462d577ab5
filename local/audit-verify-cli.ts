// `npm run audit:verify [-- --endpoint http://127.0.0.1:8000 --table interop-local-Audit]`
// Checks every hash chain of the audit log; exits 1 and lists the problems when an entry was altered or removed.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseArgs } from '../bench/args';
import { DynamoAuditLog } from '../functions/audit/store';
import { AUDIT_TABLE } from '../lib/resources';
import { localTableName } from './provision';

const args = parseArgs(process.argv.slice(2));
// Against AWS: pass --table (the physical name) and leave --endpoint out; credentials from the usual chain.
const endpoint =
  args.endpoint ?? (args.table ? undefined : `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`);
const table = args.table ?? localTableName(AUDIT_TABLE, 'interop-local');
const client = new DynamoDBClient(
  endpoint
    ? { endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {},
);
const log = new DynamoAuditLog(DynamoDBDocumentClient.from(client), table);
process.stderr.write(`verifying the audit log in ${table}${endpoint ? ` at ${endpoint}` : ''}...\n`);
const result = await log.verifyAll((done) => {
  if (done % 10 === 0) process.stderr.write(`  ${done} chains checked\n`);
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
