import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  type CfnGatewayResponse,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  type GatewayResponse,
  type IAuthorizer,
  type IModel,
  type IResource,
  type JsonSchema,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  MockIntegration,
  PassthroughBehavior,
  type RequestValidator,
  ResponseType,
  RestApi,
  TokenAuthorizer,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { z } from 'zod';
import type { Component, RouteDefinition } from '../../functions/routes';
import { API_SECURITY_HEADERS } from '../../functions/shared/http';
import { requestModelSchema } from '../../functions/shared/openapi';
import { acknowledge } from '../nag';
import { PublicRouteFirewall } from './public-route-firewall';

export interface InteropApiProps {
  stage: string;
  routes: readonly RouteDefinition[];
  /** The function serving each component's routes. */
  functions: Record<Component, IFunction>;
  /**
   * Who verifies the bearer tokens: a Cognito user pool (AWS), or a Lambda TOKEN authorizer that
   * verifies the local issuer's tokens against its JWKS (LocalStack, whose free tier has no Cognito).
   */
  tokens: { userPool: IUserPool } | { authorizerFunction: IFunction };
  /** A WAFv2 web ACL rate-limiting the public routes; off where WAF is not offered (LocalStack). @default true */
  firewall?: boolean;
  /** Encrypts the access log group. */
  logKey: IKey;
  /** Steady-state requests per second for the whole stage. @default 200 */
  throttlingRateLimit?: number;
  /** @default 400 */
  throttlingBurstLimit?: number;
  /** Requests per source address in 5 minutes on the public routes (WAF rate-based rule). @default 100 */
  publicRateLimit?: number;
}

/** The API's error shape (`{ error: { code, message, requestId } }`), also for API Gateway's own refusals. */
const GATEWAY_ERRORS: [ResponseType, string, string?][] = [
  [ResponseType.UNAUTHORIZED, 'UNAUTHENTICATED'],
  [ResponseType.ACCESS_DENIED, 'FORBIDDEN'],
  [ResponseType.BAD_REQUEST_BODY, 'VALIDATION_FAILED'],
  [ResponseType.BAD_REQUEST_PARAMETERS, 'VALIDATION_FAILED'],
  [ResponseType.THROTTLED, 'THROTTLED'],
  // What API Gateway answers for a path or method it does not know: a 404, not its default 403.
  [ResponseType.MISSING_AUTHENTICATION_TOKEN, 'NO_SUCH_ROUTE', '404'],
  [ResponseType.DEFAULT_4XX, 'BAD_REQUEST'],
  [ResponseType.DEFAULT_5XX, 'INTERNAL'],
];

/**
 * The REST API, derived from the route table: one resource per path, one method per route, a
 * Cognito user-pool authorizer on every method but `GET /health`, request validation from the zod
 * schemas (bodies as models, path and query parameters as required flags), stage throttling,
 * JSON access logs in a KMS-encrypted log group, X-Ray tracing.
 */
export class InteropApi extends Construct {
  public readonly api: RestApi;
  public readonly accessLogs: LogGroup;
  public readonly authorizer: IAuthorizer;
  /** The web ACL on the stage, where the route table has public routes. */
  public readonly firewall?: PublicRouteFirewall;

  private readonly bodyValidator: RequestValidator;
  private readonly parameterValidator: RequestValidator;
  private readonly gatewayResponses: GatewayResponse[] = [];
  /** The methods of each route resource, for its CORS preflight. */
  private readonly routeMethods = new Map<IResource, string[]>();

  constructor(scope: Construct, id: string, props: InteropApiProps) {
    super(scope, id);

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      encryptionKey: props.logKey,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.api = new RestApi(this, 'Api', {
      restApiName: `eu-interop-${props.stage}`,
      description: 'EU interoperability components (Regulations (EU) 2019/817 and 2019/818)',
      endpointTypes: [EndpointType.REGIONAL],
      // Execution logging needs the account-level CloudWatch role; CDK manages it here.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stage,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        // Never log request or response bodies: they carry personal data.
        dataTraceEnabled: false,
        throttlingRateLimit: props.throttlingRateLimit ?? 200,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 400,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            extendedRequestId: AccessLogField.contextExtendedRequestId(),
            requestTime: AccessLogField.contextRequestTime(),
            httpMethod: AccessLogField.contextHttpMethod(),
            resourcePath: AccessLogField.contextResourcePath(),
            status: AccessLogField.contextStatus(),
            responseLength: AccessLogField.contextResponseLength(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
            responseLatency: AccessLogField.contextResponseLatency(),
            sourceIp: AccessLogField.contextIdentitySourceIp(),
            userId:
              'userPool' in props.tokens
                ? AccessLogField.contextAuthorizerClaims('sub')
                : AccessLogField.contextAuthorizerPrincipalId(),
            error: AccessLogField.contextErrorMessage(),
            validationError: AccessLogField.contextErrorValidationErrorString(),
            xrayTraceId: AccessLogField.contextXrayTraceId(),
          }),
        ),
      },
    });
    acknowledge(
      this.api,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The account-level role API Gateway uses to write execution logs; AWS documents this managed policy for exactly that purpose and it grants nothing else.',
    );
    // The public routes (data-subject requests) have no authorizer: a WAF rate-based rule per
    // source address guards them (lib/constructs/public-route-firewall.ts).
    const publicRoutes = props.routes.filter((route) => route.public);
    if (publicRoutes.length > 0 && props.firewall !== false) {
      this.firewall = new PublicRouteFirewall(this, 'PublicRouteFirewall', {
        stage: this.api.deploymentStage,
        publicRoutes,
        limit: props.publicRateLimit,
      });
    } else {
      acknowledge(
        this.api.deploymentStage,
        'AwsSolutions-APIG3',
        publicRoutes.length > 0
          ? 'LocalStack target only (context target=localstack): its free tier has no WAFv2, so the public routes are not rate-limited there; the AWS target attaches the web ACL.'
          : 'No WAF web ACL in the baseline: every method but /health requires a Cognito token, the stage is throttled, and bodies are validated; an operator attaches a WAFv2 web ACL per account (open item in docs/deploy.md).',
      );
    }

    for (const [type, code, statusCode] of GATEWAY_ERRORS) {
      const response = this.api.addGatewayResponse(`Error${type.responseType}`, {
        type,
        statusCode,
        // As on the functions' replies (API_SECURITY_HEADERS): never sniffed, never cached.
        responseHeaders: Object.fromEntries(
          Object.entries(API_SECURITY_HEADERS).map(([name, value]) => [name, `'${value}'`]),
        ),
        templates: {
          'application/json': `{"error":{"code":"${code}","message":$context.error.messageString,"requestId":"$context.requestId"}}`,
        },
      });
      this.gatewayResponses.push(response);
    }

    this.authorizer =
      'userPool' in props.tokens
        ? new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
            cognitoUserPools: [props.tokens.userPool],
            authorizerName: 'cognito',
          })
        : new TokenAuthorizer(this, 'TokenAuthorizer', {
            handler: props.tokens.authorizerFunction,
            authorizerName: 'local-issuer-jwt',
            resultsCacheTtl: Duration.minutes(5),
          });
    this.bodyValidator = this.api.addRequestValidator('BodyAndParameters', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    this.parameterValidator = this.api.addRequestValidator('Parameters', {
      requestValidatorName: 'parameters',
      validateRequestBody: false,
      validateRequestParameters: true,
    });

    this.addHealth();
    for (const route of props.routes) this.addRoute(route, props.functions[route.component]);
  }

  /**
   * Lets a browser app served from `origin` (the terminal web app's CloudFront URL) call the API:
   * a preflight (OPTIONS, MOCK, anonymous) on every route resource, answering that one origin only,
   * and the `Access-Control-Allow-Origin` header on API Gateway's own error replies, so that the app
   * can read a 401 or a throttling error, and on the firewall's 429. The functions add the header
   * to their replies (`CORS_ALLOWED_ORIGIN`, set by the platform stack).
   */
  allowOrigin(origin: string): void {
    this.firewall?.allowOrigin(origin);
    for (const response of this.gatewayResponses) {
      (response.node.defaultChild as CfnGatewayResponse).addPropertyOverride(
        'ResponseParameters.gatewayresponse\\.header\\.Access-Control-Allow-Origin',
        `'${origin}'`,
      );
    }
    for (const [resource, methods] of this.routeMethods) {
      const preflight = resource.addCorsPreflight({
        allowOrigins: [origin],
        allowMethods: methods,
        allowHeaders: ['Authorization', 'Content-Type', 'x-access-code'],
        exposeHeaders: ['x-request-id', 'content-disposition', 'retry-after'],
        maxAge: Duration.hours(1),
      });
      const reason =
        'CORS preflight (OPTIONS): a MOCK integration that answers only the allowed origin, methods and headers; browsers send it without credentials, and it reaches no function and no data.';
      acknowledge(preflight, 'AwsSolutions-APIG4', reason);
      acknowledge(preflight, 'AwsSolutions-COG4', reason);
    }
  }

  /** `GET /health`: a MOCK integration answering 200 `{"status":"ok"}`, the one anonymous method. */
  private addHealth() {
    const method = this.api.root.addResource('health').addMethod(
      'GET',
      new MockIntegration({
        passthroughBehavior: PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': '{"status":"ok"}' } },
        ],
      }),
      {
        authorizationType: AuthorizationType.NONE,
        operationName: 'health',
        methodResponses: [{ statusCode: '200' }],
      },
    );
    const reason =
      'GET /health is the only anonymous method: a MOCK integration returning {"status":"ok"}, reaching no function and no data, for load balancers and smoke tests.';
    acknowledge(method, 'AwsSolutions-APIG4', reason);
    acknowledge(method, 'AwsSolutions-COG4', reason);
  }

  private addRoute(route: RouteDefinition, fn: IFunction) {
    const body = route.request.body;
    const requestModels: Record<string, IModel> | undefined = body
      ? {
          'application/json': this.api.addModel(`${route.operationId}Body`, {
            modelName: `${route.operationId}Body`,
            contentType: 'application/json',
            schema: requestModelSchema(body) as JsonSchema,
          }),
        }
      : undefined;
    const resource = this.api.root.resourceForPath(route.path);
    this.routeMethods.set(resource, [...(this.routeMethods.get(resource) ?? []), route.method]);
    const method = resource.addMethod(
      route.method,
      new LambdaIntegration(fn, { proxy: true, allowTestInvoke: false }),
      {
        operationName: route.operationId,
        ...(route.public ? { authorizationType: AuthorizationType.NONE } : { authorizer: this.authorizer }),
        requestValidator: body ? this.bodyValidator : this.parameterValidator,
        requestModels,
        requestParameters: {
          ...parameterFlags('path', route.request.path),
          ...parameterFlags('querystring', route.request.query),
          ...parameterFlags('header', route.request.headers),
        },
      },
    );
    if (!route.public && this.authorizer instanceof TokenAuthorizer) {
      acknowledge(
        method,
        'AwsSolutions-COG4',
        "LocalStack target only (context target=localstack): its free tier has no Cognito; a Lambda TOKEN authorizer verifies the local issuer's tokens (signature against its JWKS, issuer, audience, expiry) and hands the same claims to the functions.",
      );
    }
    if (route.public) {
      const reason = `${route.method} ${route.path} is public by law (Arts 47-49: a person lodges a request without an account); rate-limited per source address by the WAF web ACL on the stage, validated, and it reveals nothing before the identity is verified (docs/rights.md).`;
      acknowledge(method, 'AwsSolutions-APIG4', reason);
      acknowledge(method, 'AwsSolutions-COG4', reason);
    }
  }
}

/** `method.request.path.x: true` for every path parameter, query parameters required as the schema says. */
function parameterFlags(location: 'path' | 'querystring' | 'header', schema: z.ZodObject | undefined) {
  if (!schema) return {};
  const json = requestModelSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.fromEntries(
    Object.keys(json.properties ?? {}).map((name) => [
      `method.request.${location}.${name}`,
      location === 'path' || (json.required ?? []).includes(name),
    ]),
  );
}
