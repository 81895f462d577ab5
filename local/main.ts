// `npm start`: the embedded local platform with demo data, on http://localhost:3000.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWebApp } from '../web/build';
import { FIRST_SEARCHES } from './demo-tour';
import { DEMO_USERS } from './demo-users';
import { assertJava } from './emulators/dynamodb';
import { LOCAL_DATA_DIR } from './paths';
import { startPlatform } from './platform';
import { seedDemoData } from './seed';
import { seedCentralSystems } from './seed-central-systems';
import { assertPortsFree, lockDataDir } from './start-checks';
import { serveWebApp } from './static-files';

const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const sqsPort = Number(process.env.SQS_PORT ?? 9324);
const firstStart = !existsSync(join(LOCAL_DATA_DIR, 'dynamodb'));
const say = (message: string) => process.stderr.write(`${message}\n`);

// Everything that can refuse the start is checked before anything is built or started.
let unlock: () => void;
try {
  mkdirSync(LOCAL_DATA_DIR, { recursive: true });
  unlock = lockDataDir(LOCAL_DATA_DIR);
  process.once('exit', () => unlock());
  await assertPortsFree({ PORT: port, DYNAMODB_PORT: dynamoPort, SQS_PORT: sqsPort });
  assertJava();
} catch (error) {
  say((error as Error).message);
  process.exit(1);
}

say('building the web app...');
await buildWebApp();
say('starting the local platform (DynamoDB Local, SQS emulator, API, MID consumer)...');
const platform = await startPlatform({
  port,
  dynamoPort,
  sqsPort,
  dataDir: LOCAL_DATA_DIR,
  workers: true,
  staticFiles: serveWebApp(),
  log: say,
});

if (firstStart || process.env.SEED === 'true') {
  const people = Number(process.env.DEMO_PEOPLE ?? 150);
  say(`seeding demo data: ${people} synthetic persons across the origin systems...`);
  let last = 0;
  const seeded = await seedDemoData({
    url: platform.url,
    tokens: platform.tokens,
    people,
    seed: 2019817,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > last) {
        last = percent;
        say(`  ${percent}% (${done}/${total} records)`);
      }
    },
  });
  say(`seeded ${seeded.records} records (${seeded.rejected} rejected); MID checks run in the background`);
  say(
    `seeded ${(await seedCentralSystems({ platform, people, seed: 2019817 })).records} records of the reference central systems`,
  );
} else {
  say('found the data of an earlier run under .local/ (delete .local/ to start afresh)');
}

const searches = FIRST_SEARCHES.map(
  (search) =>
    `    ${search.who}: sign in as ${search.userId} (profile ${search.profile}) and search ${search.typed}\n` +
    `      hits: ${Object.entries(search.hits)
      .map(([system, what]) => `${system} (${what})`)
      .join(', ')}`,
).join('\n');

say(`
  EU interoperability platform (local) is up
  API:        ${platform.url}   (health: ${platform.url}/health, OpenAPI: ${platform.url}/openapi.json)
  Web app:    ${platform.url}/
  Data:       ${LOCAL_DATA_DIR}
  Token:      npm run token -- --role border-guard --authority DE-BPOL --profile border-guard
  Demo users: ${DEMO_USERS.map((user) => user.userId).join(', ')}
  Example:    curl -H "Authorization: Bearer $(npm run -s token -- --role data-protection-officer --authority EDPS)" ${platform.url}/v1/audit
  Stop:       Ctrl-C

  Three searches that hit, in the web app:
${searches}
  Then the five-minute tour of README.md: the verification queue, a consultation, the audit log.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  say('stopping...');
  await platform.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
