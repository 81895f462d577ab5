import { existsSync, readFileSync } from 'node:fs';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  CLOCK_SKEW_SECONDS,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  MAX_TOKEN_LIFETIME_SECONDS,
} from '../local/auth/tokens';
import { centralSystemsOfStage } from './central-systems';
import { projectPath } from './paths';
import { type DeploymentTarget, PlatformStack } from './platform-stack';
import { StatefulStack } from './stateful-stack';
import { WebStack } from './web-stack';

export interface InteropApp {
  stage: string;
  stateful: StatefulStack;
  platform: PlatformStack;
  /** The web app's content (AWS target; LocalStack serves the files from an S3 website bucket). */
  web?: WebStack;
}

const TARGETS: readonly DeploymentTarget[] = ['aws', 'localstack'];

/** Stage names become stack names, API stage names and resource names. */
const STAGE = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * Builds the stacks of one stage (context `stage`, default `dev`) and applies the cdk-nag
 * AwsSolutions pack through the Validations API (cdk-nag 3): an unacknowledged error fails the synth.
 */
export function buildInteropApp(app: App): InteropApp {
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!STAGE.test(stage)) throw new Error(`context stage must match ${STAGE}: got "${stage}"`);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const tags = { project: 'eu-interop', stage };

  const stateful = new StatefulStack(app, `EuInterop-${stage}-Stateful`, {
    stage,
    env,
    tags,
    terminationProtection: stage === 'prod',
    description: `EU interoperability components (${stage}): keys, tables, queues, snapshot storage`,
  });
  const target = String(app.node.tryGetContext('target') ?? 'aws') as DeploymentTarget;
  if (!TARGETS.includes(target))
    throw new Error(`context target must be one of ${TARGETS.join(', ')}: got "${target}"`);
  const sbmsShards = Number(app.node.tryGetContext('sbmsShards') ?? 2);
  if (!Number.isInteger(sbmsShards) || sbmsShards < 1)
    throw new Error('context sbmsShards must be a positive integer');
  const platform = new PlatformStack(app, `EuInterop-${stage}-Platform`, {
    stage,
    stateful,
    sbmsShards,
    sourceMaps: ['true', true].includes(app.node.tryGetContext('sourceMaps')),
    target,
    centralSystems: centralSystemsOfStage(stage, app.node.tryGetContext('centralSystems')),
    localIssuer: target === 'localstack' ? localIssuer(app) : undefined,
    env,
    tags,
    description: `EU interoperability components (${stage}): API, identity, functions`,
  });

  const web =
    target === 'aws'
      ? new WebStack(app, `EuInterop-${stage}-Web`, {
          platform,
          env,
          tags,
          description: `EU interoperability components (${stage}): terminal web app content`,
        })
      : undefined;

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stage, stateful, platform, web };
}

/**
 * The local issuer whose tokens the LocalStack target's authorizer accepts (`npm run token`): its
 * public key from context `localIssuerJwks` (a JWKS, as JSON), or from the key `npm run token` and
 * `npm start` keep under `.local/keys/`.
 */
function localIssuer(app: App) {
  const given = app.node.tryGetContext('localIssuerJwks');
  const keyFile = projectPath('.local/keys/token-signing-key.json');
  let jwks: { keys: object[] };
  if (given) jwks = typeof given === 'string' ? JSON.parse(given) : given;
  else if (existsSync(keyFile)) jwks = { keys: [JSON.parse(readFileSync(keyFile, 'utf8')).publicJwk] };
  else
    throw new Error(
      "the localstack target verifies the local issuer's tokens: run `npm run token -- --role police --authority DE-BKA` once to create its key under .local/keys/, or pass -c localIssuerJwks=<JWKS JSON>",
    );
  return {
    jwks,
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: CLOCK_SKEW_SECONDS,
  };
}
