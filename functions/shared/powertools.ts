import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One logger, metrics and tracer per function (service name from POWERTOOLS_SERVICE_NAME). */
export const logger = new Logger();

/**
 * The embedded platform runs every component in one process, so one invocation's flush may empty the
 * metrics of a concurrent one; its "no metrics to publish" notices are noise there (metrics are off).
 */
const metricsDisabled = process.env.POWERTOOLS_METRICS_DISABLED === 'true';
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'EuInterop',
  ...(metricsDisabled ? { logger: { ...console, warn: () => undefined } } : {}),
});
export const tracer = new Tracer();
