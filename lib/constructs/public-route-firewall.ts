import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/routes';
import { API_SECURITY_HEADERS } from '../../functions/shared/http';

export interface PublicRouteFirewallProps {
  stage: Stage;
  /** The routes without an authorizer (`public: true`): the rate-based rule applies to them only. */
  publicRoutes: readonly RouteDefinition[];
  /** Requests per source address and evaluation window before WAF answers 429. @default 100 */
  limit?: number;
  /** @default 300 (seconds; WAF accepts 60, 120, 300 or 600) */
  evaluationWindowSec?: 60 | 120 | 300 | 600;
}

/**
 * An AWS WAF web ACL on the API stage with one rate-based rule per source IP, scoped down to the
 * public routes (method and path, derived from the route table), so that an authority behind a
 * shared address is never throttled by the rights portal's limit. Blocked requests get a 429 with
 * `Retry-After`, like the local platform's token bucket, and, once `allowOrigin` names the portal's
 * origin, the CORS headers that let the portal read it.
 */
export class PublicRouteFirewall extends Construct {
  public readonly webAcl: CfnWebACL;
  private readonly limit: number;
  private readonly windowSec: number;
  private readonly scopeDownStatement: CfnWebACL.StatementProperty;

  constructor(scope: Construct, id: string, props: PublicRouteFirewallProps) {
    super(scope, id);
    this.limit = props.limit ?? 100;
    this.windowSec = props.evaluationWindowSec ?? 300;
    const matches = props.publicRoutes.map(routeMatch);
    this.scopeDownStatement = matches.length === 1 ? matches[0]! : { orStatement: { statements: matches } };
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'Rate limit per source address on the public routes, the data-subject requests',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'interop-api',
        // Sampled requests would keep addresses and headers of persons using the portal.
        sampledRequestsEnabled: false,
      },
      rules: [this.rateRule()],
    });
    new CfnWebACLAssociation(this, 'StageAssociation', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }

  /**
   * Lets the portal served from `origin` read the 429 and its `Retry-After`: without these headers
   * the browser withholds WAF's reply, and the portal can only say the service cannot be reached.
   */
  allowOrigin(origin: string): void {
    this.webAcl.rules = [this.rateRule(origin)];
  }

  private rateRule(origin?: string): CfnWebACL.RuleProperty {
    return {
      name: 'public-routes-rate-per-ip',
      priority: 0,
      statement: {
        rateBasedStatement: {
          limit: this.limit,
          evaluationWindowSec: this.windowSec,
          aggregateKeyType: 'IP',
          scopeDownStatement: this.scopeDownStatement,
        },
      },
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            responseHeaders: [
              { name: 'retry-after', value: String(this.windowSec) },
              ...Object.entries(API_SECURITY_HEADERS).map(([name, value]) => ({ name, value })),
              ...(origin
                ? [
                    { name: 'access-control-allow-origin', value: origin },
                    { name: 'access-control-expose-headers', value: 'retry-after' },
                  ]
                : []),
            ],
          },
        },
      },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'public-routes-rate-per-ip',
        sampledRequestsEnabled: false,
      },
    };
  }
}

/**
 * The request line of one route: its method, and its path as a regular expression (`{param}` is one
 * segment), after an optional first segment: the stage name on the execute-api URL, absent behind a
 * custom domain.
 */
export function routePathPattern(route: Pick<RouteDefinition, 'path'>): string {
  const escaped = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
  return `^(/[^/]+)?${escaped}/?$`;
}

function routeMatch(route: RouteDefinition): CfnWebACL.StatementProperty {
  return {
    andStatement: {
      statements: [
        {
          byteMatchStatement: {
            fieldToMatch: { method: {} },
            positionalConstraint: 'EXACTLY',
            searchString: route.method,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
        {
          regexMatchStatement: {
            fieldToMatch: { uriPath: {} },
            regexString: routePathPattern(route),
            // API Gateway routes a percent-encoded path as the decoded one.
            textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
          },
        },
      ],
    },
  };
}
