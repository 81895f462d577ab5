import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { WebAppDeployment } from './constructs/web-hosting';
import type { PlatformStack } from './platform-stack';

export interface WebStackProps extends StackProps {
  platform: PlatformStack;
}

/**
 * The terminal web app's content: built at synth, copied into the platform stack's site bucket with
 * a `config.json` naming this stage's API and Cognito hosted UI, then the distribution is
 * invalidated. A stack of its own, deployed after the platform (whose outputs it reads), so that
 * `cdk deploy EuInterop-<stage>-Web` ships a new build without touching the platform.
 */
export class WebStack extends Stack {
  public readonly deployment: WebAppDeployment;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    // The site bucket is imported by export name, which CDK does not see as a dependency.
    this.addStackDependency(props.platform);
    const { web, api, identity, webClient } = props.platform;
    this.deployment = new WebAppDeployment(this, 'WebApp', {
      siteBucketArnExport: web.siteBucketArnExport,
      distribution: web.distribution,
      config: {
        apiUrl: api.api.url,
        auth: {
          kind: 'cognito',
          domain: identity.hostedUi.baseUrl(),
          clientId: webClient.userPoolClientId,
          redirectUri: web.url,
        },
      },
    });
  }
}
