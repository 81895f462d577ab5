import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlatformStack } from './platform-stack';
import { StatefulStack } from './stateful-stack';
import { WebStack } from './web-stack';

export interface InteropApp {
  stage: string;
  stateful: StatefulStack;
  platform: PlatformStack;
  web: WebStack;
}

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
  const sbmsShards = Number(app.node.tryGetContext('sbmsShards') ?? 2);
  if (!Number.isInteger(sbmsShards) || sbmsShards < 1)
    throw new Error('context sbmsShards must be a positive integer');
  const platform = new PlatformStack(app, `EuInterop-${stage}-Platform`, {
    stage,
    stateful,
    sbmsShards,
    env,
    tags,
    description: `EU interoperability components (${stage}): API, identity, functions`,
  });

  const web = new WebStack(app, `EuInterop-${stage}-Web`, {
    platform,
    env,
    tags,
    description: `EU interoperability components (${stage}): terminal web app content`,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stage, stateful, platform, web };
}
