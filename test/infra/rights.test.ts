import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { routePathPattern } from '../../lib/constructs/public-route-firewall';
import { RIGHTS_TABLE } from '../../lib/resources';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise();

const publicRoutes = ROUTES.filter((route) => route.public);

describe("data subjects' rights: public routes and the Rights table", () => {
  it('leaves the public routes without an authorizer and every other route with the Cognito one', () => {
    expect(publicRoutes.map((r) => r.operationId).sort()).toEqual([
      'getDataSubjectRequestStatus',
      'submitDataSubjectRequest',
    ]);
    const methods = Object.values(resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Method'));
    for (const route of ROUTES) {
      const method = methods.find((m) => m.Properties.OperationName === route.operationId);
      expect(method?.Properties.AuthorizationType, route.operationId).toBe(
        route.public ? 'NONE' : 'COGNITO_USER_POOLS',
      );
    }
    // The access code is a required header of the status route (checked by API Gateway first).
    built.platformTemplate.hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'getDataSubjectRequestStatus',
      RequestParameters: Match.objectLike({ 'method.request.header.x-access-code': true }),
    });
  });

  it('protects the public routes with a WAF rate-based rule per source IP, on the API stage', () => {
    const acls = Object.values(resourcesOfType(built.platformTemplate, 'AWS::WAFv2::WebACL'));
    expect(acls).toHaveLength(1);
    const acl = acls[0]!.Properties as {
      Scope: string;
      DefaultAction: object;
      Rules: {
        Statement: { RateBasedStatement: Record<string, unknown> };
        Action: {
          Block: {
            CustomResponse: { ResponseCode: number; ResponseHeaders: { Name: string; Value: unknown }[] };
          };
        };
      }[];
    };
    expect(acl.Scope).toBe('REGIONAL');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules).toHaveLength(1);
    const rate = acl.Rules[0]!.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: 'IP', Limit: 100, EvaluationWindowSec: 300 });
    expect(acl.Rules[0]!.Action.Block.CustomResponse.ResponseCode).toBe(429);
    // The portal (same origin as the web app) can read the 429 and its Retry-After: without CORS
    // headers the browser withholds WAF's reply and the portal says the service cannot be reached.
    const origins = new Set(
      Object.values(resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function'))
        .map(
          (fn) =>
            (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables,
        )
        .filter((variables) => variables?.CORS_ALLOWED_ORIGIN !== undefined)
        .map((variables) => JSON.stringify(variables!.CORS_ALLOWED_ORIGIN)),
    );
    expect(origins.size).toBe(1);
    expect(acl.Rules[0]!.Action.Block.CustomResponse.ResponseHeaders).toEqual([
      { Name: 'retry-after', Value: '300' },
      { Name: 'x-content-type-options', Value: 'nosniff' },
      { Name: 'cache-control', Value: 'no-store' },
      { Name: 'access-control-allow-origin', Value: JSON.parse([...origins][0]!) },
      { Name: 'access-control-expose-headers', Value: 'retry-after' },
    ]);
    // Scoped down to exactly the public routes: method and path pattern of each.
    const scoped = (rate.ScopeDownStatement as { OrStatement: { Statements: unknown[] } }).OrStatement
      .Statements;
    const requestLines = scoped.map((statement) => {
      const [method, path] = (statement as { AndStatement: { Statements: Record<string, any>[] } })
        .AndStatement.Statements;
      return `${method!.ByteMatchStatement.SearchString} ${path!.RegexMatchStatement.RegexString}`;
    });
    expect(requestLines.sort()).toEqual(publicRoutes.map((r) => `${r.method} ${routePathPattern(r)}`).sort());

    const [stageId] = Object.keys(resourcesOfType(built.platformTemplate, 'AWS::ApiGateway::Stage'));
    const [aclId] = Object.keys(resourcesOfType(built.platformTemplate, 'AWS::WAFv2::WebACL'));
    const associations = Object.values(
      resourcesOfType(built.platformTemplate, 'AWS::WAFv2::WebACLAssociation'),
    );
    expect(associations).toHaveLength(1);
    const association = associations[0]!.Properties;
    expect(association.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(JSON.stringify(association.ResourceArn)).toContain(`"Ref":"${stageId}"`);
  });

  it('matches the public paths only (with or without the stage segment), never the authority routes', () => {
    const submit = new RegExp(routePathPattern(publicRoutes.find((r) => r.method === 'POST')!));
    const status = new RegExp(routePathPattern(publicRoutes.find((r) => r.method === 'GET')!));
    expect(submit.test('/prod/v1/data-subject-requests')).toBe(true);
    expect(submit.test('/v1/data-subject-requests')).toBe(true);
    expect(status.test('/prod/v1/data-subject-requests/DSR-0123456789ABCDEF')).toBe(true);
    expect(status.test('/prod/v1/data-subject-requests/DSR-0123456789ABCDEF/answer')).toBe(false);
    expect(status.test('/prod/v1/data-subject-requests')).toBe(false);
    expect(submit.test('/prod/v1/notifications')).toBe(false);
  });

  it('creates the Rights table with its indexes, encrypted with the customer key', () => {
    const tables = Object.entries(resourcesOfType(built.statefulTemplate, 'AWS::DynamoDB::Table')).filter(
      ([id]) => id.startsWith(RIGHTS_TABLE.name),
    );
    expect(tables).toHaveLength(1);
    const table = tables[0]![1].Properties as Record<string, any>;
    expect(table.GlobalSecondaryIndexes.map((gsi: { IndexName: string }) => gsi.IndexName)).toEqual(
      RIGHTS_TABLE.gsis.map((gsi) => gsi.indexName),
    );
    expect(table.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });
});
