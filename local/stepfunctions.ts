// The consultation's state machine run locally: the definition CDK synthesises, validated by
// asl-validator and executed by aws-local-stepfunctions, with a harness for `.waitForTaskToken`
// callbacks and the Lambda tasks calling the `consultation-workflow` handler in process.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

// aws-local-stepfunctions 3.0.0 uses Promise.withResolvers (Node 22, which package.json requires).
// Kept while the build machines still run Node 20 (docs/adr/0007-node-22.md); remove with them.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { StateMachine } from 'aws-local-stepfunctions';
import { type StepFunctionsPort, TaskNoLongerWaiting } from '../functions/consultation/domain/ports';
import { installStepFunctions } from '../functions/consultation/step-functions';
import type { AslDefinition } from '../lib/constructs/consultation';
import { projectPath } from '../lib/paths';

// Kept equal to lib/constructs/consultation.ts by test/infra/consultation-asl.test.ts.
const CONSULTATION_ASL_FILE = 'functions/consultation/state-machine.asl.json';
export const LOCAL_REGION = 'eu-central-1';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_WORKER_ARN = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:consultation-workflow`;
const MAX_TIMER_MS = 2 ** 31 - 1;
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_INVOKE_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/**
 * The definition CDK synthesises for the consultation workflow, as generated into
 * CONSULTATION_ASL_FILE by `npx tsx local/stepfunctions.ts --write` (synthesising at every local
 * start would cost seconds; the infra test fails when the file and the synth differ).
 */
export function consultationAsl(): AslDefinition {
  return JSON.parse(readFileSync(projectPath(CONSULTATION_ASL_FILE), 'utf8')) as AslDefinition;
}

type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

/** Validates a definition with asl-validator; throws with its messages when invalid. */
export function validateAsl(definition: AslDefinition): void {
  const validator = createRequire(import.meta.url)('asl-validator') as AslValidator;
  const { isValid, errorsText } = validator(structuredClone(definition), {
    checkPaths: true,
    checkArn: true,
  });
  if (!isValid) throw new Error(`the consultation state machine definition is invalid: ${errorsText('; ')}`);
}

export type TaskHandler = (payload: Record<string, unknown>) => Promise<unknown>;

export interface LocalStepFunctionsOptions {
  definition?: AslDefinition;
  /** The Lambda behind each function ARN; default: the consultation-workflow worker for LOCAL_WORKER_ARN. */
  lambdas?: Record<string, TaskHandler>;
  log?: (message: string) => void;
}

interface Running {
  name: string;
  abort: () => void;
  result: Promise<unknown>;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  output?: unknown;
  error?: string;
}

interface Waiter {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/**
 * Executions of one definition in process. A `.waitForTaskToken` Lambda task invokes the function
 * with the token in its payload and then waits for sendTaskSuccess/sendTaskFailure on that token
 * (or for the task's timeout, which the runner raises as States.Timeout). The token is the
 * execution's `$$.Task.Token`: one per execution, as this workflow waits at most once per run.
 */
export class LocalStepFunctions implements StepFunctionsPort {
  readonly definition: AslDefinition;
  private readonly machine: Promise<StateMachine>;
  private readonly executions = new Map<string, Running>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly lambdas: Record<string, TaskHandler>;
  private readonly log: (message: string) => void;

  constructor(options: LocalStepFunctionsOptions = {}) {
    this.definition = options.definition ?? consultationAsl();
    validateAsl(this.definition);
    this.lambdas = options.lambdas ?? {
      [LOCAL_WORKER_ARN]: async (payload) =>
        (await import('../functions/consultation/workflow')).handler(payload as never),
    };
    this.log = options.log ?? (() => undefined);
    this.machine = import('aws-local-stepfunctions').then(
      ({ StateMachine }) =>
        new StateMachine(timeoutPathsForRunner(this.definition), {
          validationOptions: { checkArn: true, checkPaths: true },
        }),
    );
  }

  async startExecution(name: string, input: Record<string, unknown>) {
    if (this.executions.has(name)) throw new Error(`execution ${name} already exists`);
    const machine = await this.machine;
    const executionId = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:consultation:${name}`;
    const token = `local-${randomUUID()}`;
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.taskHandlers(token) },
      context: { Execution: { Id: executionId, Name: name }, Task: { Token: token } },
      noThrowOnAbort: true,
    });
    const running: Running = { name, abort: execution.abort, result: execution.result, status: 'RUNNING' };
    running.result = execution.result.then(
      (output) => {
        running.status = output === null ? 'ABORTED' : 'SUCCEEDED';
        running.output = output;
        return output;
      },
      (error: Error) => {
        running.status = 'FAILED';
        running.error = error.message;
        this.log(`consultation workflow ${name} failed: ${error.message}`);
        return undefined;
      },
    );
    this.executions.set(name, running);
    return { executionId };
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    this.take(taskToken).resolve(structuredClone(output));
  }

  async sendTaskFailure(taskToken: string, error: string, cause: string) {
    this.take(taskToken).reject(new TaskFailure(error, cause));
  }

  /** The state of an execution (tests): running, or its output once ended. */
  execution(name: string): Pick<Running, 'status' | 'output' | 'error' | 'result'> | undefined {
    return this.executions.get(name);
  }

  /** Aborts every running execution (the platform stops; timers must not keep the process alive). */
  async stop(): Promise<void> {
    for (const waiter of this.waiters.values()) waiter.reject(new TaskFailure('States.Runtime', 'stopped'));
    this.waiters.clear();
    for (const running of this.executions.values()) if (running.status === 'RUNNING') running.abort();
    await Promise.allSettled([...this.executions.values()].map((running) => running.result));
  }

  private take(taskToken: string): Waiter {
    const waiter = this.waiters.get(taskToken);
    if (!waiter) throw new TaskNoLongerWaiting();
    this.waiters.delete(taskToken);
    return waiter;
  }

  private taskHandlers(token: string): Record<string, (input: unknown) => Promise<never>> {
    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [stateName, state] of Object.entries(this.definition.States)) {
      if (state.Type !== 'Task') continue;
      const resource = String(state.Resource);
      if (resource !== LAMBDA_INVOKE && resource !== LAMBDA_INVOKE_WAIT) {
        throw new Error(`local runner: unsupported task resource ${resource} in state ${stateName}`);
      }
      handlers[stateName] = async (input) => {
        // Any later task of the execution means its wait has ended (answered or timed out).
        this.waiters.delete(token);
        const { FunctionName, Payload } = input as { FunctionName: string; Payload: Record<string, unknown> };
        const lambda = this.lambdas[FunctionName];
        if (!lambda)
          throw new TaskFailure('Lambda.ResourceNotFoundException', `no local function ${FunctionName}`);
        if (resource === LAMBDA_INVOKE) {
          const result = await lambda(Payload);
          return { Payload: result ?? null, StatusCode: 200, ExecutedVersion: '$LATEST' } as never;
        }
        // Register the waiter before the function runs: it may hand the token on at once.
        const answered = new Promise<unknown>((resolve, reject) =>
          this.waiters.set(token, { resolve, reject }),
        );
        answered.catch(() => undefined);
        try {
          await lambda(Payload);
        } catch (error) {
          this.waiters.delete(token);
          throw error;
        }
        try {
          return (await answered) as never;
        } finally {
          this.waiters.delete(token);
        }
      };
    }
    return handlers;
  }
}

/**
 * Adapts the runner's copy to two deviations of aws-local-stepfunctions 3.0.0. It evaluates a Task's TimeoutSecondsPath against the input after
 * `Parameters`, where Step Functions reads it from the state input. For the runner's copy only, a
 * path under a value that `Parameters` passes on (`"timeouts.$": "$.timeouts"` in the Payload) is
 * rewritten to its place in the effective input (`$.Payload.timeouts...`): the same value either way.
 */
export function timeoutPathsForRunner(definition: AslDefinition): AslDefinition {
  const copy = structuredClone(definition);
  // Its execution timeout is a Node timer: beyond 2^31-1 ms (~24.8 days) Node fires it at once.
  // Local executions do without one (the AWS definition keeps it).
  if (typeof copy.TimeoutSeconds === 'number' && copy.TimeoutSeconds * 1000 > MAX_TIMER_MS)
    delete copy.TimeoutSeconds;
  for (const state of Object.values(copy.States)) {
    const path = state.TimeoutSecondsPath as string | undefined;
    if (state.Type !== 'Task' || !path) continue;
    const mapped = mapThroughParameters(path, state.Parameters, '$');
    if (!mapped)
      throw new Error(`local runner: TimeoutSecondsPath ${path} is not passed on by the state's Parameters`);
    state.TimeoutSecondsPath = mapped;
  }
  return copy;
}

function mapThroughParameters(path: string, parameters: unknown, at: string): string | undefined {
  if (!parameters || typeof parameters !== 'object') return undefined;
  for (const [key, value] of Object.entries(parameters as Record<string, unknown>)) {
    if (key.endsWith('.$') && typeof value === 'string' && (path === value || path.startsWith(`${value}.`))) {
      return `${at}.${key.slice(0, -2)}${path.slice(value.length)}`;
    }
    const nested = mapThroughParameters(path, value, `${at}.${key}`);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The local platform's hook: synthesises and validates the definition, installs the runner as the
 * consultation's Step Functions, and returns it (stop it with the platform).
 */
export async function startLocalStepFunctions(
  options: { log?: (message: string) => void } = {},
): Promise<LocalStepFunctions> {
  const runner = new LocalStepFunctions({ log: options.log });
  installStepFunctions(runner);
  options.log?.(
    `consultation state machine ready (${Object.keys(runner.definition.States).length} states, validated)`,
  );
  return runner;
}

// `npx tsx local/stepfunctions.ts --write`: regenerate the local copy from the CDK synth.
if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv.includes('--write')
) {
  const { synthesizeConsultationAsl, ASL_WORKER_ARN } = await import('../lib/constructs/consultation');
  if (ASL_WORKER_ARN !== LOCAL_WORKER_ARN) throw new Error('worker ARNs of the synth and the runner differ');
  const definition = synthesizeConsultationAsl();
  validateAsl(definition);
  writeFileSync(projectPath(CONSULTATION_ASL_FILE), `${JSON.stringify(definition, null, 2)}\n`);
  process.stdout.write(`wrote ${CONSULTATION_ASL_FILE} (${Object.keys(definition.States).length} states)\n`);
}
