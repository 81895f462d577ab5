import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, ROUTES } from '../../functions/routes';
import { SPA_ROUTING_CODE } from '../../lib/constructs/web-hosting';
import { contentSecurityPolicy } from '../../web/security-headers';
import { resourcesOfType, synthesise } from './synth';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in the assertions
type Cfn = any;

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
// Bundles the web stack's asset only: the web app is built from source by the synth (as on a
// clean clone, where web/dist does not exist), the functions are not bundled.
const built = synthesise({ bundle: true, context: { 'aws:cdk:bundling-stacks': ['EuInterop-test-Web'] } });
const webTemplate = Template.fromStack(built.web!);

const platformId = (construct: { node: { defaultChild?: unknown } }) =>
  built.platform.getLogicalId(construct.node.defaultChild as CfnElement);
const distributionDomain = () => ({
  'Fn::GetAtt': [platformId(built.platform.web.distribution), 'DomainName'],
});

/** The platform stack's export that a `Fn::ImportValue` in the web stack reads, as its value. */
function exportedValue(value: unknown): unknown {
  const name = (value as { 'Fn::ImportValue'?: string })['Fn::ImportValue'];
  expect(name, JSON.stringify(value)).toBeDefined();
  const outputs = built.platformTemplate.toJSON().Outputs as Record<
    string,
    { Value: unknown; Export: { Name: string } }
  >;
  const output = Object.values(outputs).find((o) => o.Export?.Name === name);
  expect(output, name).toBeDefined();
  return output!.Value;
}

describe('web app hosting: bucket', () => {
  it('blocks every kind of public access, encrypts, and denies requests without TLS', () => {
    built.platformTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: platformId(built.platform.web.node.findChild('AccessLogs')) },
      },
    });
  });

  it('lets only this distribution read objects (OAC), and nobody else in', () => {
    const site = platformId(built.platform.web.bucket);
    const policy = Object.values(resourcesOfType(built.platformTemplate, 'AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: site }),
    );
    const statements = (policy!.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Action: 's3:GetObject',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [site, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: platformId(built.platform.web.distribution) },
                ],
              ],
            },
          },
        },
      },
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});

describe('web app hosting: distribution', () => {
  const distribution = () =>
    resourcesOfType(built.platformTemplate, 'AWS::CloudFront::Distribution')[
      platformId(built.platform.web.distribution)
    ]!.Properties.DistributionConfig as Cfn;

  it('reads the bucket through Origin Access Control (SigV4), not a public website endpoint or an OAI', () => {
    const [origin] = distribution().Origins;
    expect(origin.DomainName).toEqual({
      'Fn::GetAtt': [platformId(built.platform.web.bucket), 'RegionalDomainName'],
    });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const oacId = origin.OriginAccessControlId['Fn::GetAtt'][0];
    expect(
      resourcesOfType(built.platformTemplate, 'AWS::CloudFront::OriginAccessControl')[oacId]?.Properties,
    ).toEqual({
      OriginAccessControlConfig: expect.objectContaining({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
  });

  it('serves HTTPS only, with access logs', () => {
    const config = distribution();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(config.Logging.Prefix).toBe('cloudfront/');
  });

  it('adds the security headers: the local CSP plus the API and hosted UI origins, HSTS, nosniff, DENY', () => {
    const config = distribution();
    const policyId = config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    const policy = resourcesOfType(built.platformTemplate, 'AWS::CloudFront::ResponseHeadersPolicy')[
      policyId
    ]!.Properties.ResponseHeadersPolicyConfig as Cfn;
    const headers = policy.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[];
    const text = csp.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('');
    // Every directive the local platform sends, plus connect-src naming the two other origins.
    for (const directive of contentSecurityPolicy().split('; ')) expect(text).toContain(directive);
    expect(text).toContain(
      `connect-src 'self' https://{"Ref":"${platformId(built.platform.api.api)}"}.execute-api.`,
    );
    expect(text).toContain(`https://{"Ref":"${platformId(built.platform.identity.hostedUi)}"}.auth.`);
  });

  it('routes app paths to /index.html and portal paths to /portal/index.html, files unchanged', () => {
    const config = distribution();
    const [association] = config.DefaultCacheBehavior.FunctionAssociations;
    expect(association.EventType).toBe('viewer-request');
    const fn = resourcesOfType(built.platformTemplate, 'AWS::CloudFront::Function')[
      association.FunctionARN['Fn::GetAtt'][0]
    ]!;
    expect(fn.Properties.FunctionCode).toBe(SPA_ROUTING_CODE);
    expect((fn.Properties.FunctionConfig as { Runtime: string }).Runtime).toBe('cloudfront-js-2.0');

    const handler = new Function(`${SPA_ROUTING_CODE}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const routed = (uri: string) => handler({ request: { uri } }).uri;
    expect(routed('/')).toBe('/index.html');
    expect(routed('/statistics')).toBe('/index.html');
    expect(routed('/links/L-1')).toBe('/index.html');
    expect(routed('/app.js')).toBe('/app.js');
    expect(routed('/config.json')).toBe('/config.json');
    expect(routed('/portal')).toBe('/portal/index.html');
    expect(routed('/portal/')).toBe('/portal/index.html');
    expect(routed('/portal/requests/R-1')).toBe('/portal/index.html');
    expect(routed('/portal/portal.js')).toBe('/portal/portal.js');
    expect(routed('/portals')).toBe('/index.html');
  });
});

describe('web app hosting: Cognito hosted UI', () => {
  it('has a public client for the authorization code grant only, calling back to the distribution', () => {
    const client = resourcesOfType(built.platformTemplate, 'AWS::Cognito::UserPoolClient')[
      platformId(built.platform.webClient)
    ]!.Properties;
    const appUrl = { 'Fn::Join': ['', ['https://', distributionDomain(), '/']] };
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [appUrl],
      LogoutURLs: [appUrl],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      WriteAttributes: [],
    });
    // The ID token must carry the claims the API reads.
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:authority', 'custom:member_state']),
    );
  });

  it('has a hosted UI domain on the user pool', () => {
    built.platformTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: platformId(built.platform.identity.userPool) },
    });
  });
});

describe('web app hosting: API CORS', () => {
  const resources = new Set(ROUTES.map((route) => route.path));

  it('answers a preflight on every route resource with the distribution origin only, anonymously from a MOCK', () => {
    const preflights = Object.values(
      resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Method'),
    ).filter((m) => m.Properties.HttpMethod === 'OPTIONS');
    expect(preflights).toHaveLength(resources.size);
    for (const preflight of preflights) {
      const integration = preflight.Properties.Integration as { Type: string; IntegrationResponses: Cfn[] };
      expect(integration.Type).toBe('MOCK');
      expect(preflight.Properties.AuthorizationType).toBe('NONE');
      expect(integration.IntegrationResponses[0].ResponseParameters).toMatchObject({
        'method.response.header.Access-Control-Allow-Origin': {
          'Fn::Join': ['', ["'https://", distributionDomain(), "'"]],
        },
        'method.response.header.Access-Control-Allow-Headers': expect.stringMatching(
          /^'Authorization,Content-Type[,']/,
        ),
      });
    }
  });

  it("puts the origin on API Gateway's own error replies and in every API function's environment", () => {
    const responses = Object.values(
      resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::GatewayResponse'),
    );
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      expect(response.Properties.ResponseParameters).toEqual({
        'gatewayresponse.header.Access-Control-Allow-Origin': {
          'Fn::Join': ['', ["'https://", distributionDomain(), "'"]],
        },
        'gatewayresponse.header.cache-control': "'no-store'",
        'gatewayresponse.header.x-content-type-options': "'nosniff'",
      });
    }
    const functions = resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function');
    for (const component of COMPONENTS) {
      const fn = functions[platformId(built.platform.componentFunctions[component])]!;
      expect(
        (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.CORS_ALLOWED_ORIGIN,
        component,
      ).toEqual({ 'Fn::Join': ['', ['https://', distributionDomain()]] });
    }
  });
});

describe('web app content deployment (web stack)', () => {
  const deployment = () =>
    Object.values(resourcesOfType(webTemplate, 'Custom::CDKBucketDeployment'))[0]!.Properties as Cfn;

  it('copies into the site bucket, prunes, and invalidates the distribution', () => {
    const props = deployment();
    expect(JSON.stringify(props.DestinationBucketName)).toContain(
      JSON.stringify({ 'Fn::ImportValue': built.platform.web.siteBucketArnExport }),
    );
    expect(exportedValue(props.DistributionId)).toEqual({ Ref: platformId(built.platform.web.distribution) });
    expect(props).toMatchObject({ Prune: true, DistributionPaths: ['/*'] });
  });

  /** The staged directory of the deployment's n-th source. */
  function sourceDir(index: number): string {
    const key = (deployment().SourceObjectKeys[index] as string).replace(/\.zip$/, '');
    const assets = JSON.parse(
      readFileSync(join(built.outdir, `${built.web!.artifactId}.assets.json`), 'utf8'),
    ) as { files: Record<string, { source: { path: string } }> };
    return join(built.outdir, assets.files[key]!.source.path);
  }

  it('deploys the app built from source by the synth, without the local config.json', () => {
    const dir = sourceDir(0);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'app.js'), 'utf8').length).toBeGreaterThan(10_000);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('writes config.json with the API URL and the hosted UI, client and redirect of this stage', () => {
    const markers = deployment().SourceMarkers[1] as Record<string, unknown>;
    const raw = readFileSync(join(sourceDir(1), 'config.json'), 'utf8');
    // Resolve each deploy-time marker to what it stands for in the platform stack.
    const resolve = (text: string) =>
      text.replace(/<<marker:0xbaba:\d+>>/g, (marker) => {
        const value = markers[marker] as Record<string, unknown>;
        return `{${JSON.stringify('Fn::ImportValue' in value ? exportedValue(value) : value)}}`;
      });
    const config = JSON.parse(raw) as { apiUrl: string; auth: Record<string, string> };
    const api = platformId(built.platform.api.api);
    expect(resolve(config.apiUrl)).toMatch(
      new RegExp(`^https://\\{\\{"Ref":"${api}"\\}\\}\\.execute-api\\.`),
    );
    expect(config.auth.kind).toBe('cognito');
    expect(resolve(config.auth.clientId!)).toBe(
      `{${JSON.stringify({ Ref: platformId(built.platform.webClient) })}}`,
    );
    expect(resolve(config.auth.domain!)).toContain(
      `https://{${JSON.stringify({ Ref: platformId(built.platform.identity.hostedUi) })}}.auth.`,
    );
    expect(resolve(config.auth.redirectUri!)).toBe(`https://{${JSON.stringify(distributionDomain())}}/`);
  });
});
