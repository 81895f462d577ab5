import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { projectPath } from '../paths';

export const POWERTOOLS_METRICS_NAMESPACE = 'EuInterop';

export interface FunctionWithLogGroupProps
  extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture' | 'logGroup' | 'role'> {
  /** Entry file, relative to the repository root (e.g. `functions/cir/index.ts`). */
  entry: string;
  /** POWERTOOLS_SERVICE_NAME: the component or worker name. */
  serviceName: string;
  /** Encrypts the function's log group. */
  logKey: IKey;
  /** @default RetentionDays.ONE_MONTH */
  logRetention?: RetentionDays;
  /** @default INFO */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Ship a source map and start Node with `--enable-source-maps` (stack traces name the TypeScript
   * lines). Off by default: the map is as large as the bundle and `--enable-source-maps` costs tens
   * of milliseconds of every cold start. @default false
   */
  sourceMaps?: boolean;
  /** @default ARM_64 (X86_64 for LocalStack on an x86 host) */
  architecture?: Architecture;
}

/**
 * A NodejsFunction with the platform's runtime defaults: Node.js 22 on arm64, X-Ray active,
 * Powertools environment, its own KMS-encrypted log group with a retention, and its own role that
 * may write only to that log group (no AWS managed policy). Bundled by the local esbuild, never Docker.
 */
export class FunctionWithLogGroup extends NodejsFunction {
  /** The function's own role (the base class's `logGroup` getter returns its log group). */
  public readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: FunctionWithLogGroupProps) {
    const {
      entry,
      serviceName,
      logKey,
      logRetention,
      logLevel,
      sourceMaps,
      architecture,
      environment,
      bundling,
      ...rest
    } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.ONE_MONTH,
      encryptionKey: logKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${serviceName}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(15),
      ...rest,
      entry: projectPath(entry),
      handler: 'handler',
      projectRoot: projectPath(),
      depsLockFilePath: projectPath('package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: architecture ?? Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: logLevel ?? 'INFO',
        ...environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: sourceMaps ?? false,
        sourcesContent: false,
        // ESM bundles of CommonJS dependencies still call require(): give them one.
        banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        // The SDK is bundled at the versions package-lock.json pins, not taken from the runtime.
        externalModules: [],
        ...bundling,
      },
    });
    this.executionRole = role;

    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 is the runtime the architecture fixes for every function (ARCHITECTURE.md); the runtime is set in this one construct and is raised for all functions together.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (Resource "*" is the only form).',
    );
  }
}
