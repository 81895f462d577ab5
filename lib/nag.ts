import { Aspects, CfnResource, type IAspect, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
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

/**
 * Acknowledges the wildcard-resource findings (AwsSolutions-IAM5) of the policies under `scope`
 * whose resource matches `resource`, as cdk-nag itself renders them when it validates.
 *
 * A finding on a resource name that CDK derives from the deployment environment (the bootstrap
 * asset bucket `cdk-<qualifier>-assets-<account>-<region>`) reads `<AWS::Region>` when the stack is
 * environment-agnostic but `eu-west-1` or `us-east-1` when the CDK CLI supplies a region, as it
 * always does. An acknowledgement written for one form misses the others, so the findings are
 * computed by cdk-nag's own rule once the tree is complete (an aspect), and only those matching
 * the pattern are acknowledged: any other wildcard still fails the synth.
 */
export function acknowledgeWildcardResources(scope: IConstruct, resource: RegExp, reason: string): void {
  const aspect: IAspect = {
    visit(node) {
      if (!CfnResource.isCfnResource(node)) return;
      const findings = rules.iam.IAMNoWildcardPermissions(node);
      if (!Array.isArray(findings)) return;
      for (const finding of findings) {
        const match = /^Resource::(.*)$/.exec(finding);
        if (match?.[1] && resource.test(match[1])) acknowledge(node, `AwsSolutions-IAM5[${finding}]`, reason);
      }
    },
  };
  Aspects.of(scope).add(aspect);
}
