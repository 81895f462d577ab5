import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

type Method = { Properties: Record<string, unknown> & { HttpMethod: string; ResourceId: unknown } };

/** `/v1/audit` from the chain of AWS::ApiGateway::Resource parents of a method. */
function pathOf(method: Method): string {
  const resources = resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Resource');
  const parts: string[] = [];
  let ref = method.Properties.ResourceId as { Ref?: string };
  while (ref?.Ref && resources[ref.Ref]) {
    const resource = resources[ref.Ref]!.Properties;
    parts.unshift(resource.PathPart as string);
    ref = resource.ParentId as { Ref?: string };
  }
  return `/${parts.join('/')}`;
}

/** The route methods; the CORS preflights (OPTIONS) are checked in web-hosting.test.ts. */
function methods() {
  return (
    Object.values(resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Method')) as Method[]
  ).filter((m) => m.Properties.HttpMethod !== 'OPTIONS');
}

describe('REST API', () => {
  it('has one method per route of the route table, plus GET /health', () => {
    const found = methods()
      .map((m) => `${m.Properties.HttpMethod} ${pathOf(m)}`)
      .sort();
    const expected = [...ROUTES.map((r) => `${r.method} ${r.path}`), 'GET /health'].sort();
    expect(found).toEqual(expected);
  });

  it('puts the Cognito user-pool authorizer on every method but GET /health and the public routes', () => {
    const authorizers = resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Authorizer');
    const [authorizerId] = Object.keys(authorizers);
    expect(authorizers[authorizerId!]!.Properties).toMatchObject({ Type: 'COGNITO_USER_POOLS' });
    const publicRoutes = new Set(ROUTES.filter((r) => r.public).map((r) => `${r.method} ${r.path}`));
    const guarded = methods().filter(
      (m) => pathOf(m) !== '/health' && !publicRoutes.has(`${m.Properties.HttpMethod} ${pathOf(m)}`),
    );
    expect(guarded.length).toBe(ROUTES.length - publicRoutes.size);
    for (const method of guarded) {
      expect(method.Properties, pathOf(method)).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: authorizerId },
      });
    }
  });

  it('answers GET /health anonymously from a MOCK integration', () => {
    const [health] = methods().filter((m) => pathOf(m) === '/health');
    expect(health?.Properties).toMatchObject({
      HttpMethod: 'GET',
      AuthorizationType: 'NONE',
      Integration: {
        Type: 'MOCK',
        IntegrationResponses: [
          { StatusCode: '200', ResponseTemplates: { 'application/json': '{"status":"ok"}' } },
        ],
      },
    });
    expect(health?.Properties.AuthorizerId).toBeUndefined();
  });

  it('validates the body of every body route against a model generated from its zod schema', () => {
    const validators = resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::RequestValidator');
    const bodyValidator = Object.entries(validators).find(
      ([, v]) => v.Properties.ValidateRequestBody === true,
    );
    expect(bodyValidator).toBeDefined();
    const bodyRoutes = ROUTES.filter((r) => r.request.body);
    expect(bodyRoutes.length).toBeGreaterThan(0);
    for (const route of bodyRoutes) {
      built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Model', {
        Name: `${route.operationId}Body`,
        ContentType: 'application/json',
        Schema: Match.objectLike({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }),
      });
      built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
        OperationName: route.operationId,
        RequestValidatorId: { Ref: bodyValidator![0] },
        RequestModels: { 'application/json': { Ref: Match.stringLikeRegexp(`${route.operationId}Body`) } },
      });
    }
  });

  it('requires every path parameter of a route', () => {
    for (const route of ROUTES.filter((r) => r.request.path)) {
      const names = Object.keys(route.request.path!.shape);
      built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
        OperationName: route.operationId,
        RequestParameters: Object.fromEntries(names.map((n) => [`method.request.path.${n}`, true])),
        RequestValidatorId: Match.anyValue(),
      });
    }
  });

  it('throttles the stage', () => {
    built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
          DataTraceEnabled: false,
        }),
      ]),
    });
  });

  it('writes JSON access logs to a KMS-encrypted log group', () => {
    const stage = Object.values(resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Stage'))[0]!;
    const setting = stage.Properties.AccessLogSetting as { DestinationArn: unknown; Format: string };
    const groupId = built.platform.getLogicalId(
      built.platform.api.accessLogs.node.defaultChild as CfnElement,
    );
    expect(JSON.stringify(setting.DestinationArn)).toContain(`{"Ref":"${groupId}"}`);
    const logGroup = resourcesOfType(built.platformTemplate, 'AWS::Logs::LogGroup')[groupId];
    expect(logGroup?.Properties.KmsKeyId).toBeDefined();
    expect(logGroup?.Properties.RetentionInDays).toBe(365);
    // What records a request refused before any function ran (401, 403, 413, 429, 431): no audit entry is written for it.
    expect(JSON.parse(setting.Format)).toMatchObject({
      requestId: '$context.requestId',
      sourceIp: '$context.identity.sourceIp',
      status: '$context.status',
      httpMethod: '$context.httpMethod',
      resourcePath: '$context.resourcePath',
    });
  });

  it("marks API Gateway's own replies and the firewall's 429 nosniff and no-store, like the functions' replies", () => {
    const responses = Object.values(
      resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::GatewayResponse'),
    );
    expect(responses.length).toBeGreaterThanOrEqual(8);
    for (const response of responses) {
      expect(response.Properties.ResponseParameters).toMatchObject({
        'gatewayresponse.header.x-content-type-options': "'nosniff'",
        'gatewayresponse.header.cache-control': "'no-store'",
      });
    }
    built.platformTemplate.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: {
            Block: {
              CustomResponse: Match.objectLike({
                ResponseCode: 429,
                ResponseHeaders: Match.arrayWith([
                  { Name: 'x-content-type-options', Value: 'nosniff' },
                  { Name: 'cache-control', Value: 'no-store' },
                ]),
              }),
            },
          },
        }),
      ]),
    });
  });

  it('traces the stage with X-Ray', () => {
    built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: true });
  });

  it('sends each route to the function of its component', () => {
    for (const route of ROUTES) {
      const fn = built.platform.componentFunctions[route.component];
      const fnId = built.platform.getLogicalId(fn.node.defaultChild as CfnElement);
      built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
        OperationName: route.operationId,
        Integration: {
          Type: 'AWS_PROXY',
          Uri: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [fnId, 'Arn'] }])] },
        },
      });
    }
  });

  it('outputs the API URL, the user pool id and the client id', () => {
    built.platformTemplate.hasOutput('ApiUrl', {});
    built.platformTemplate.hasOutput('UserPoolId', {});
    built.platformTemplate.hasOutput('UserPoolClientId', {});
  });
});
