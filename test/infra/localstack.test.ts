import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, synthesiseInChildProcess } from './synth';

// What LocalStack's free tier does not offer (docs/deploy.md): none of it may be in the variant.
const PAID_TIER_TYPES = [
  /^AWS::Cognito::/,
  /^AWS::WAFv2::/,
  /^AWS::CloudFront::/,
  /^Custom::CDKBucketDeployment/,
];

let synthesised: Awaited<ReturnType<typeof synthesiseInChildProcess>>;
let stacks: Record<string, ReturnType<typeof synthesised.template>>;
let jwks: { keys: object[] };
beforeAll(async () => {
  const { publicKey } = await generateKeyPair('ES256', { extractable: true });
  jwks = { keys: [await exportJWK(publicKey)] };
  // In a child process (the worker's event loop stays free); cdk-nag runs and fails it on a finding.
  synthesised = await synthesiseInChildProcess({
    context: { target: 'localstack', localIssuerJwks: JSON.stringify(jwks) },
  });
  const manifest = synthesised.read('manifest.json') as { artifacts: Record<string, { type: string }> };
  stacks = Object.fromEntries(
    Object.entries(manifest.artifacts)
      .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
      .map(([name]) => [name, synthesised.template(name)]),
  );
});

describe('the LocalStack target (-c target=localstack)', () => {
  it('synthesises the stateful and platform stacks, and no web content stack', () => {
    expect(Object.keys(stacks).sort()).toEqual(['EuInterop-test-Platform', 'EuInterop-test-Stateful']);
  });

  it('contains no Cognito, WAF, CloudFront or BucketDeployment resource, and no Lambda layer', () => {
    for (const [name, template] of Object.entries(stacks)) {
      const types = Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map(
        (resource) => resource.Type,
      );
      expect(types.length, name).toBeGreaterThan(0);
      const paid = types.filter((type) => PAID_TIER_TYPES.some((pattern) => pattern.test(type)));
      expect(paid, name).toEqual([]);
      expect(types, name).not.toContain('AWS::Lambda::LayerVersion');
    }
  });

  it('runs every function on x86_64', () => {
    const functions = Object.values(stacks).flatMap((template) =>
      Object.values(resourcesOfType(template, 'AWS::Lambda::Function')),
    );
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions) expect(fn.Properties.Architectures).toEqual(['x86_64']);
  });

  it("guards every non-public method with a TOKEN authorizer that verifies the local issuer's JWKS", () => {
    const platform = stacks['EuInterop-test-Platform']!;
    const authorizers = Object.entries(resourcesOfType(platform, 'AWS::ApiGateway::Authorizer'));
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties.Type).toBe('TOKEN');
    const methods = Object.values(resourcesOfType(platform, 'AWS::ApiGateway::Method')).filter(
      (method) => method.Properties.AuthorizationType !== 'NONE',
    );
    expect(methods.length).toBeGreaterThan(20);
    for (const method of methods) {
      expect(method.Properties.AuthorizationType).toBe('CUSTOM');
      expect(method.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
    }
    platform.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          AUTHORIZER_JWKS: JSON.stringify(jwks),
          AUTHORIZER_ISSUER: 'urn:eu-interop:local-platform',
          AUTHORIZER_AUDIENCE: 'eu-interop-api',
        },
      },
    });
  });

  it('serves the web app files from an S3 website bucket, the API admitting its origin', () => {
    const platform = stacks['EuInterop-test-Platform']!;
    platform.hasResourceProperties('AWS::S3::Bucket', {
      WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'index.html' },
    });
    platform.hasOutput('WebAppUrl', {});
  });
});
