// `npm run load -- --system EES --file records.csv|records.jsonl [--api URL] [--token JWT] [--batch 50]`
import { SingleBar } from 'cli-progress';
import { numberArg, parseArgs } from '../bench/args';
import { isOriginSystem } from '../functions/shared/systems';
import { localTokenIssuer } from './auth/tokens';
import { SYSTEM_AUTHORITY } from './demo-users';
import { loadRecords, rejectedFileOf, stateFileOf } from './loader';
import { LOCAL_DATA_DIR } from './paths';

const args = parseArgs(process.argv.slice(2));
const system = args.system ?? '';
if (!isOriginSystem(system) || !args.file) {
  process.stderr.write(
    'usage: npm run load -- --system EES|VIS|ETIAS|EURODAC|SIS|ECRIS_TCN --file FILE.csv|FILE.jsonl [--api URL] [--token JWT]\n',
  );
  process.exit(2);
}
const api = (args.api ?? 'http://localhost:3000').replace(/\/$/, '');
// In AWS, pass a Cognito token of the origin system's account; locally, one is signed with the local key.
const token =
  args.token ??
  process.env.INTEROP_TOKEN ??
  (await (
    await localTokenIssuer(`${LOCAL_DATA_DIR}/keys`)
  ).sign({
    userId: `loader-${system.toLowerCase()}`,
    roles: ['origin-system'],
    system,
    ...SYSTEM_AUTHORITY[system]!,
  }));

const bar = new SingleBar({
  format: 'loading {bar} {percentage}% | {value}/{total} rows | {eta_buffer}s left',
  stream: process.stderr,
});
let started = false;
const summary = await loadRecords({
  api,
  system,
  file: args.file,
  token,
  batchSize: numberArg(args, 'batch', 50),
  concurrency: numberArg(args, 'concurrency', 8),
  version: numberArg(args, 'version', 1),
  onProgress: (done, total) => {
    if (!started) {
      bar.start(total, done);
      started = true;
    }
    bar.update(done);
  },
}).catch((error: unknown) => {
  bar.stop();
  process.stderr.write(
    `\nstopped: ${(error as Error).message}\nrun the same command again to resume (${stateFileOf(args.file!)})\n`,
  );
  process.exit(1);
});
bar.stop();
process.stderr.write(
  `${summary.accepted} accepted, ${summary.rejected} rejected${summary.rejected ? ` (reasons in ${rejectedFileOf(args.file)})` : ''}` +
    `${summary.skippedFromEarlierRun ? `, resumed after row ${summary.skippedFromEarlierRun}` : ''}\n`,
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
