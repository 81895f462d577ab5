import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  type Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { OLDEST_YELLOW_METRIC } from '../../functions/statistics/domain/authorities';
import { POWERTOOLS_METRICS_NAMESPACE } from './function-with-log-group';

export interface ObservabilityProps {
  stage: string;
  api: RestApi;
  /** Every function of the platform, by its component or worker name. */
  functions: Record<string, IFunction>;
  /** Dead-letter queues by the name of their source queue. */
  deadLetterQueues: Record<string, IQueue>;
  stateMachines?: Record<string, StateMachine>;
  /** Encrypts the alarm topic. */
  key: IKey;
  /** API p99 latency that raises the alarm (three 5-minute periods in a row). @default 3000 ms */
  apiP99LatencyMs?: number;
  /** Age of the oldest yellow link (any authority) that raises the alarm. @default 7 days */
  oldestYellowLinkSeconds?: number;
  /** Authorities that get an alarm of their own on their queue's age (all have a dashboard line). @default none */
  yellowAlarmAuthorities?: readonly string[];
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The CloudWatch side of operations: one dashboard, and alarms (to one encrypted SNS topic) on
 * dead-letter queue depth, function errors, API 5xx and p99 latency, state machine failures, and
 * the age of the oldest yellow link (published by the yellow-age job, functions/statistics/yellow-age.ts).
 */
export class Observability extends Construct {
  public readonly dashboard: Dashboard;
  public readonly alarmTopic: Topic;
  public readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `EU interop ${props.stage} alarms`,
      masterKey: props.key,
      enforceSSL: true,
    });
    const alarm = (create: (scope: Construct) => Alarm) => {
      const created = create(this);
      created.addAlarmAction(new SnsAction(this.alarmTopic));
      this.alarms.push(created);
      return created;
    };

    for (const [name, dlq] of Object.entries(props.deadLetterQueues)) {
      alarm((s) =>
        dlq
          .metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' })
          .createAlarm(s, `${name}DlqDepth`, {
            alarmDescription: `${name}: a message reached the dead-letter queue (its reason is in the consumer's log)`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm((s) =>
        fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }).createAlarm(s, `${pascal(name)}Errors`, {
          alarmDescription: `${name}: invocations ended in an error (unhandled exception, timeout)`,
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    alarm((s) =>
      props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }).createAlarm(s, 'Api5xx', {
        alarmDescription: 'The API answered 5xx (each carries a request id in the function log)',
        threshold: 5,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    alarm((s) =>
      props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }).createAlarm(s, 'ApiP99Latency', {
        alarmDescription: 'API p99 latency above the objective for 15 minutes',
        threshold: props.apiP99LatencyMs ?? 3000,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const [name, machine] of Object.entries(props.stateMachines ?? {})) {
      for (const [kind, metric] of [
        ['Failed', machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' })],
        ['TimedOut', machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' })],
        ['Aborted', machine.metricAborted({ period: FIVE_MINUTES, statistic: 'Sum' })],
      ] as const) {
        alarm((s) =>
          metric.createAlarm(s, `${pascal(name)}Executions${kind}`, {
            alarmDescription: `${name}: executions ${kind.toLowerCase()}`,
            threshold: 1,
            comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
        );
      }
    }
    const oldestYellow = (authority?: string) =>
      new Metric({
        namespace: POWERTOOLS_METRICS_NAMESPACE,
        metricName: OLDEST_YELLOW_METRIC,
        dimensionsMap: { service: 'yellow-age-monitor', ...(authority ? { authority } : {}) },
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      });
    const yellowThreshold = props.oldestYellowLinkSeconds ?? 7 * 86_400;
    alarm((s) =>
      oldestYellow().createAlarm(s, 'OldestYellowLink', {
        alarmDescription: `A yellow link has waited for manual verification longer than ${yellowThreshold} s (the dashboard shows which authority)`,
        threshold: yellowThreshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data: the monitor is not running, which the function-errors alarm reports.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const authority of props.yellowAlarmAuthorities ?? []) {
      alarm((s) =>
        oldestYellow(authority).createAlarm(s, `OldestYellowLink${pascal(authority.replace(':', '-'))}`, {
          alarmDescription: `${authority}: a yellow link has waited longer than ${yellowThreshold} s`,
          threshold: yellowThreshold,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const search = (query: string, label: string, statistic = 'Sum') =>
      new MathExpression({
        expression: `SEARCH('${query}', '${statistic}', 300)`,
        label,
        usingMetrics: {},
        period: FIVE_MINUTES,
      });
    const ns = POWERTOOLS_METRICS_NAMESPACE;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `eu-interop-${props.stage}`,
      widgets: [
        [
          new TextWidget({
            markdown: `# EU interoperability components (${props.stage})\nAPI, components (Powertools metrics, namespace ${ns}), queues, workflow, MID yellow queues.`,
            width: 24,
            height: 2,
          }),
        ],
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [
              props.api.metricCount({ period: FIVE_MINUTES }),
              props.api.metricClientError({ period: FIVE_MINUTES }),
              props.api.metricServerError({ period: FIVE_MINUTES }),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (p50, p99)',
            left: [
              props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
              props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Requests per component and operation (Powertools)',
            left: [search(`{${ns},service,operation} MetricName="requests"`, '')],
            width: 12,
          }),
          new GraphWidget({
            title: 'Client and server errors per component (Powertools)',
            left: [
              search(`{${ns},service} MetricName="clientErrors"`, ''),
              search(`{${ns},service} MetricName="serverErrors"`, ''),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Function errors',
            left: Object.values(props.functions).map((fn) => fn.metricErrors({ period: FIVE_MINUTES })),
            width: 12,
          }),
          new GraphWidget({
            title: 'Function duration p99',
            left: Object.values(props.functions).map((fn) =>
              fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
            ),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Dead-letter queues (messages)',
            left: Object.values(props.deadLetterQueues).map((dlq) =>
              dlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
            ),
            width: 8,
          }),
          new GraphWidget({
            title: 'MID checks completed (Powertools)',
            left: [search(`{${ns},service} MetricName="midChecks"`, '')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Oldest yellow link per authority (s)',
            left: [search(`{${ns},authority,service} MetricName="${OLDEST_YELLOW_METRIC}"`, '', 'Maximum')],
            width: 8,
          }),
        ],
        ...Object.entries(props.stateMachines ?? {}).map(([name, machine]) => [
          new GraphWidget({
            title: `${name} executions`,
            left: [
              machine.metricStarted({ period: FIVE_MINUTES }),
              machine.metricSucceeded({ period: FIVE_MINUTES }),
              machine.metricFailed({ period: FIVE_MINUTES }),
              machine.metricTimedOut({ period: FIVE_MINUTES }),
            ],
            width: 24,
          }),
        ]),
      ],
    });
  }
}

const pascal = (name: string) =>
  name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
