// `npm run audit:verify [-- --endpoint http://127.0.0.1:8000 --table interop-local-Audit]`
// Against AWS: `--table <physical name> --anchor-bucket <bucket> --signing-key <key ARN>` (stateful stack outputs).
// Checks every hash chain of the audit log and, against the signed heads anchored outside the table, the
// chains and the chain registry; exits 1 and lists the problems when anything was altered or removed.
import { AUDIT_TABLE } from '../lib/resources';
import { auditVerificationTarget, describeProblem, verifyAuditLog } from './audit-verification';
import { isConnectionRefused, notRunningMessage, parseCommandLineOrExit } from './cli';
import { localTableName } from './provision';

const { values: args } = parseCommandLineOrExit({
  command: 'npm run audit:verify --',
  summary:
    'Checks every hash chain of the audit log, the signatures of the anchored chain heads, and the chains and the chain registry against them; exits 1 and names each chain and entry that was altered or removed.',
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
    'anchor-bucket': {
      type: 'string',
      value: 'BUCKET',
      description: "the anchors' S3 bucket (AWS; the stateful stack's AuditAnchorBucket output)",
      default: 'locally $LOCAL_DATA_DIR/audit-anchors (.local/)',
    },
    'signing-key': {
      type: 'string',
      value: 'ARN',
      description: 'the KMS signing key, read with kms:GetPublicKey (AWS; the AuditSigningKeyArn output)',
      default: 'locally $LOCAL_DATA_DIR/keys/audit-signing-key.pub.pem',
    },
  },
});
const target = auditVerificationTarget({
  endpoint: args.endpoint,
  table: args.table,
  anchorBucket: args['anchor-bucket'],
  signingKey: args['signing-key'],
});
process.stderr.write(
  `verifying the audit log in ${target.table}${target.endpoint ? ` at ${target.endpoint}` : ''}...\n`,
);
const result = await verifyAuditLog(target, (done) => {
  if (done % 10 === 0) process.stderr.write(`  ${done} chains checked\n`);
}).catch((error: unknown) => {
  if (!target.endpoint || !isConnectionRefused(error)) throw error;
  process.stderr.write(`${notRunningMessage('DynamoDB Local', target.endpoint, '--endpoint URL')}\n`);
  process.exit(1);
});
for (const problem of result.problems) process.stderr.write(`  ${describeProblem(problem)}\n`);
if (result.anchors === 0)
  process.stderr.write('  no signed head anchors found: only the hash chains were checked\n');
process.stderr.write(
  result.problems.length
    ? `TAMPERING DETECTED: ${result.problems.length} problem(s) in ${result.chains} chains\n`
    : `intact: ${result.entries} entries in ${result.chains} chains, ${result.anchors} anchors (${result.unanchoredChains} chains not anchored yet)\n`,
);
process.stdout.write(
  `${JSON.stringify({ chains: result.chains, entries: result.entries, anchors: result.anchors, unanchoredChains: result.unanchoredChains, problems: result.problems.length })}\n`,
);
process.exit(result.problems.length ? 1 : 0);
