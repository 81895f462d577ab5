import { Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { synthesise } from './synth';

// Synthesised while vitest collects the file, not in a hook: see synthesise() in synth.ts.
// Throws here already if cdk-nag reports an unacknowledged error: the synth fails like the CLI's.
const built = synthesise();

function violations() {
  const report = new AwsSolutionsChecks().validateScope(built.app);
  return report.violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity,
    resources: v.violatingResources.map((r) => r.constructPath),
  }));
}

/** Every acknowledgement in the construct tree: where, which rule, and why. */
function acknowledgements() {
  return built.app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error', () => {
    expect(violations().filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('reports no unacknowledged warning either', () => {
    expect(violations().filter((v) => v.severity !== 'error')).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    const all = acknowledgements();
    expect(all.length).toBeGreaterThan(0);
    for (const ack of all) {
      expect(ack.id, ack.path).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(ack.reason.trim().length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('acknowledges no rule for a whole stack or the app', () => {
    const stackPaths = new Set([
      built.app.node.path,
      built.stateful.node.path,
      built.platform.node.path,
      built.web!.node.path,
    ]);
    expect(acknowledgements().filter((a) => stackPaths.has(a.path))).toEqual([]);
  });

  it('still catches a violation (the plugin is live, not silenced)', () => {
    const probe = new Stack(undefined, 'Probe');
    new Queue(probe, 'Unencrypted', { enforceSSL: false });
    const rules = new AwsSolutionsChecks().validateScope(probe).violations.map((v) => v.ruleName);
    expect(rules).toContain('AwsSolutions-SQS4');
  });
});
