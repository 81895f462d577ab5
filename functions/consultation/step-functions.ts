import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { tracer } from '../shared/powertools';
import { type StepFunctionsPort, TaskNoLongerWaiting } from './domain/ports';

/** Step Functions over the SDK (AWS, LocalStack): the state machine's ARN comes from the configuration. */
export class SfnStepFunctions implements StepFunctionsPort {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async startExecution(name: string, input: Record<string, unknown>) {
    const result = await this.client.send(
      new StartExecutionCommand({
        stateMachineArn: this.stateMachineArn,
        name,
        input: JSON.stringify(input),
      }),
    );
    return { executionId: result.executionArn ?? name };
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    await this.answer(() =>
      this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) })),
    );
  }

  async sendTaskFailure(taskToken: string, error: string, cause: string) {
    await this.answer(() => this.client.send(new SendTaskFailureCommand({ taskToken, error, cause })));
  }

  private async answer(send: () => Promise<unknown>) {
    try {
      await send();
    } catch (error) {
      if (
        error instanceof TaskTimedOut ||
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken
      ) {
        throw new TaskNoLongerWaiting();
      }
      throw error;
    }
  }
}

let override: StepFunctionsPort | undefined;
let sdk: SfnStepFunctions | undefined;

/**
 * The local platform runs the same state machine in process and installs its runner here
 * (local/stepfunctions.ts); a Lambda function uses the SDK adapter.
 */
export function installStepFunctions(port: StepFunctionsPort | undefined): void {
  override = port;
}

export function stepFunctions(stateMachineArn: string | undefined): StepFunctionsPort {
  if (override) return override;
  if (!stateMachineArn) throw new Error('function configuration incomplete: CONSULTATION_STATE_MACHINE_ARN');
  sdk ??= new SfnStepFunctions(tracer.captureAWSv3Client(new SFNClient({})), stateMachineArn);
  return sdk;
}
