import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CfnOutput,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  type IDistribution,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AppConfig } from '../../web/app/config-types';
import { contentSecurityPolicy } from '../../web/security-headers';
import { acknowledge, acknowledgeWildcardResources } from '../nag';
import { PROJECT_ROOT } from '../paths';

/**
 * CloudFront Function (viewer request) for the single-page apps: a path without a file extension is
 * an app route, answered with the app's `index.html`; the public portal (`/portal/...`) has its own.
 * Files (`/app.js`, `/portal/portal.css`) pass through unchanged. Plain ES5 for the cloudfront-js runtime.
 */
export const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = uri === '/portal' || uri.indexOf('/portal/') === 0 ? '/portal/index.html' : '/index.html';
  }
  return request;
}`;

export interface WebHostingProps {
  /** Origins the app calls from the browser (the API, the Cognito hosted UI): the CSP's connect-src. */
  connectSources: readonly string[];
}

/**
 * Where the terminal web app is served from: a private, encrypted, TLS-only S3 bucket read by
 * CloudFront through Origin Access Control, HTTPS only, with security headers and the SPA routing
 * function. The content is deployed separately (`WebAppDeployment`), once the API and Cognito exist.
 */
export class WebHosting extends Construct {
  public readonly bucket: Bucket;
  public readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net`, no trailing slash: the origin the API admits (CORS). */
  public readonly origin: string;
  /** `https://<id>.cloudfront.net/`: where users open the app, Cognito's callback and logout URL. */
  public readonly url: string;
  /** Export name of the site bucket's ARN, for the content deployment in another stack. */
  public readonly siteBucketArnExport: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    // S3 server access logs of the site bucket and CloudFront standard logs (which need ACLs).
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      logs,
      'AwsSolutions-S1',
      'This bucket is the access-log target of the web app bucket and the distribution; logging it into itself would log its own log deliveries.',
    );

    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Terminal web app: CSP, HSTS, nosniff, frame options, referrer policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.connectSources),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const routing = new CloudFrontFunction(this, 'SpaRouting', {
      comment: 'App routes to /index.html, portal routes to /portal/index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_ROUTING_CODE),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'EU interoperability terminal web app',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: routing, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    const distribution = this.distribution;
    acknowledge(
      distribution,
      'AwsSolutions-CFR1',
      'The terminal is used by authorities of the Member States wherever they are posted; access is controlled by Cognito sign-in with MFA and by the API, not by the viewer country.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      'The distribution serves static files only (no data, no API); the API it calls has its own protections. A CloudFront WAF web ACL (us-east-1) is an operator choice, listed as an open item in docs/deploy.md.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, for which CloudFront does not let the minimum TLS version be set; a custom domain with an ACM certificate (TLSv1.2_2021) is an operator choice, listed in docs/deploy.md.',
    );

    this.siteBucketArnExport = `${Stack.of(this).stackName}-WebSiteArn`;
    new CfnOutput(this, 'SiteArn', { value: this.bucket.bucketArn, exportName: this.siteBucketArnExport });

    this.origin = `https://${distribution.distributionDomainName}`;
    this.url = `${this.origin}/`;
  }
}

export interface WebAppDeploymentProps {
  /** Export name of the site bucket's ARN (`WebHosting.siteBucketArnExport`); imported by name. */
  siteBucketArnExport: string;
  distribution: IDistribution;
  /** Written as `/config.json` next to the app (read by `web/app/config.ts`). */
  config: AppConfig;
}

/**
 * Builds the web app (`web/build.ts`, esbuild, at synth time as CDK asset bundling: nothing has to
 * be built beforehand) and deploys it with the `config.json` of this deployment, then invalidates
 * the distribution. File names are not content-hashed, so browsers revalidate (`no-cache`).
 */
export class WebAppDeployment extends Construct {
  public readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: WebAppDeploymentProps) {
    super(scope, id);
    const app = Source.asset(join(PROJECT_ROOT, 'web'), {
      exclude: ['dist', 'node_modules'],
      bundling: {
        // Never used: local bundling always succeeds or throws (no Docker on build machines).
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
        local: {
          tryBundle(outputDir) {
            execFileSync('npx', ['tsx', 'web/build.ts', '--out-dir', outputDir], {
              cwd: PROJECT_ROOT,
              stdio: ['ignore', 'inherit', 'inherit'],
            });
            // The local platform's config.json; this deployment writes its own below.
            rmSync(join(outputDir, 'config.json'));
            return true;
          },
        },
      },
    });

    // Imported by export name, so that the object-level grant is acknowledged by a stable id.
    const bucket = Bucket.fromBucketAttributes(this, 'Site', {
      bucketArn: Fn.importValue(props.siteBucketArnExport),
    });
    this.deployment = new BucketDeployment(this, 'Content', {
      destinationBucket: bucket,
      sources: [app, Source.jsonData('config.json', props.config)],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'DeploymentLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });

    const handler = Stack.of(this)
      .node.findAll()
      .find((construct) => construct.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found');
    acknowledge(
      handler,
      'AwsSolutions-L1',
      "CDK's BucketDeployment handler (Python, with the AWS CLI layer) runs only at deployment; its runtime is the one the pinned aws-cdk-lib ships and moves with CDK upgrades.",
    );
    acknowledge(
      handler,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "The deployment handler's role writes its own logs with the AWS managed basic execution policy, which grants nothing else.",
    );
    const copying =
      "The deployment handler copies the build from CDK's asset bucket into the one site bucket and prunes what the build no longer has: BucketDeployment's read/write action families on the objects of those two buckets only.";
    for (const finding of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::${props.siteBucketArnExport}/*`,
    ]) {
      acknowledge(handler, `AwsSolutions-IAM5[${finding}]`, copying);
    }
    // The asset bucket's name carries the account and region wherever the CLI supplies them.
    acknowledgeWildcardResources(
      handler,
      new RegExp(
        `^arn:(aws[a-z-]*|<AWS::Partition>):s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-[^/]+/\\*$`,
      ),
      copying,
    );
    acknowledge(
      handler,
      'AwsSolutions-IAM5[Resource::*]',
      'cloudfront:CreateInvalidation and GetInvalidation, for the invalidation after each deployment, have no resource-level permissions.',
    );
  }
}
