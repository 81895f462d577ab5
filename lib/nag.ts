import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The one way this app acknowledges a cdk-nag finding (cdk-nag 3: `Validations.of().acknowledge()`).
 * A reason is mandatory: an acknowledgement without one fails the synth, and the infra tests
 * check every acknowledgement in the tree carries one.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (!/^AwsSolutions-[A-Z]+\d+/.test(id)) throw new Error(`not an AwsSolutions rule id: ${id}`);
  if (reason.trim().length < 20)
    throw new Error(`acknowledgement of ${id} on ${scope.node.path} needs a reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
