import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { OLDEST_YELLOW_METRIC } from '../../functions/statistics/domain/authorities';
import { QUEUES, STATISTICS_TABLE } from '../../lib/resources';
import { resourcesOfType, synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
const built = synthesise({ context: { yellowAlarmAuthorities: ['SIRENE:DE', 'ETIAS:CENTRAL_UNIT'] } });

const alarms = () => Object.values(resourcesOfType(built.platformTemplate, 'AWS::CloudWatch::Alarm'));
const alarmsOn = (metricName: string) => alarms().filter((a) => a.Properties.MetricName === metricName);

describe('observability', () => {
  it('has one dashboard with the API, component (Powertools), queue, workflow and yellow-queue widgets', () => {
    const dashboards = resourcesOfType(built.platformTemplate, 'AWS::CloudWatch::Dashboard');
    expect(Object.keys(dashboards)).toHaveLength(1);
    const body = JSON.stringify(Object.values(dashboards)[0]!.Properties.DashboardBody);
    for (const expected of [
      '5XXError',
      'Latency',
      'midChecks',
      OLDEST_YELLOW_METRIC,
      'ExecutionsFailed',
      'ApproximateNumberOfMessagesVisible',
    ]) {
      expect(body).toContain(expected);
    }
    expect(body).toMatch(/MetricName=\W*requests/);
  });

  it('alarms on the depth of every dead-letter queue (any message)', () => {
    const dlqAlarms = alarmsOn('ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms).toHaveLength(QUEUES.length);
    for (const alarm of dlqAlarms) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Namespace: 'AWS/SQS',
      });
      // on the dead-letter queue, not the source queue
      expect(JSON.stringify(alarm.Properties.Dimensions)).toMatch(/Dlq/);
    }
  });

  it('alarms on the errors of every function', () => {
    const functions = Object.keys(resourcesOfType(built.platformTemplate, 'AWS::Lambda::Function'));
    const errorAlarms = alarmsOn('Errors').filter((a) => a.Properties.Namespace === 'AWS/Lambda');
    const alarmed = errorAlarms.map((a) => JSON.stringify(a.Properties.Dimensions));
    expect(errorAlarms).toHaveLength(functions.length);
    for (const id of functions) expect(alarmed.some((d) => d.includes(`"${id}"`))).toBe(true);
  });

  it('alarms on API 5xx and on p99 latency', () => {
    built.platformTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Sum',
      Threshold: 5,
    });
    built.platformTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      EvaluationPeriods: 3,
      Threshold: 3000,
    });
  });

  it('alarms on failed, timed-out and aborted executions of the consultation state machine', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
      built.platformTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: metric,
        Dimensions: [{ Name: 'StateMachineArn', Value: Match.anyValue() }],
      });
    }
  });

  it('alarms on the oldest yellow link overall and per configured authority, published by a scheduled monitor', () => {
    const yellow = alarmsOn(OLDEST_YELLOW_METRIC);
    expect(
      yellow
        .map(
          (a) =>
            (a.Properties.Dimensions as { Name: string; Value: string }[]).find((d) => d.Name === 'authority')
              ?.Value ?? 'all',
        )
        .sort(),
    ).toEqual(['ETIAS:CENTRAL_UNIT', 'SIRENE:DE', 'all']);
    for (const alarm of yellow)
      expect(alarm.Properties).toMatchObject({
        Namespace: 'EuInterop',
        Threshold: 7 * 86_400,
        Statistic: 'Maximum',
      });
    built.platformTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Description: Match.stringLikeRegexp('oldest yellow link'),
    });
    built.platformTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'yellow-age-monitor' }) },
    });
  });

  it('sends every alarm to one KMS-encrypted SNS topic', () => {
    const topics = resourcesOfType(built.platformTemplate, 'AWS::SNS::Topic');
    expect(Object.keys(topics)).toHaveLength(1);
    const [topicId, topic] = Object.entries(topics)[0]!;
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('lets only the counted functions increment the statistics, and only the statistics function read them', () => {
    const policies = Object.values(resourcesOfType(built.platformTemplate, 'AWS::IAM::Policy'));
    const statsTable = Object.entries(resourcesOfType(built.statefulTemplate, 'AWS::DynamoDB::Table')).find(
      ([id]) => id.startsWith(STATISTICS_TABLE.name),
    )![0];
    const touching = policies.filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes(statsTable));
    const roles = touching.flatMap((p) => (p.Properties.Roles as { Ref: string }[]).map((r) => r.Ref)).sort();
    expect(
      roles.map((r) => r.replace(/Role[0-9A-F]{8}$/, '')),
      roles.join(),
    ).toEqual(
      [
        'CirFunction',
        'ConsultationFunction',
        'EspFunction',
        'MidCheckConsumer',
        'MidFunction',
        'StatisticsFunction',
      ].sort(),
    );
    for (const policy of touching) {
      const statements = (
        policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }
      ).Statement.filter((s) => JSON.stringify(s.Resource).includes(statsTable));
      const actions = statements.flatMap((s) => [s.Action].flat());
      expect(actions).not.toContain('dynamodb:DeleteItem');
      expect(actions).not.toContain('dynamodb:PutItem');
    }
  });
});
