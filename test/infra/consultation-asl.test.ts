import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../functions/audit/domain/entry';
import {
  type ConsultationTimeouts,
  decide,
  newAccessRequest,
} from '../../functions/consultation/domain/access-request';
import { openConsultation } from '../../functions/consultation/domain/consultation';
import { TaskNoLongerWaiting } from '../../functions/consultation/domain/ports';
import { runWorkflowStep, type WorkflowEvent } from '../../functions/consultation/domain/workflow';
import { InMemoryConsultationStore } from '../../functions/consultation/in-memory-store';
import { synthesizeConsultationAsl } from '../../lib/constructs/consultation';
import {
  consultationAsl,
  LOCAL_WORKER_ARN,
  LocalStepFunctions,
  validateAsl,
} from '../../local/stepfunctions';

/**
 * The definition the local platform runs is the one CDK synthesises, it validates, and it runs end
 * to end in aws-local-stepfunctions with the real workflow steps over an in-memory store.
 */
describe('consultation state machine definition', () => {
  it('equals the synthesised definition (regenerate: npx tsx local/stepfunctions.ts --write)', () => {
    expect(consultationAsl()).toEqual(synthesizeConsultationAsl());
  });

  it('passes asl-validator, and a broken copy does not', () => {
    expect(() => validateAsl(consultationAsl())).not.toThrow();
    const broken = consultationAsl();
    broken.States['Approved?'].Default = 'NoSuchState';
    expect(() => validateAsl(broken)).toThrow(/invalid/);
  });

  it('waits for the decision with a task token and the configured timeout', () => {
    const { States } = consultationAsl();
    for (const [name, path] of [
      ['AwaitDecision', '$.timeouts.decisionSeconds'],
      ['AwaitVerification', '$.timeouts.urgentVerificationSeconds'],
    ]) {
      expect(States[name!].Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
      expect(States[name!].Parameters.Payload['taskToken.$']).toBe('$$.Task.Token');
      expect(States[name!].TimeoutSecondsPath).toBe(path);
      expect(States[name!].Catch[0].ErrorEquals).toEqual(['States.Timeout']);
    }
  });
});

describe('consultation state machine, run locally end to end', () => {
  const store = new InMemoryConsultationStore();
  const audit: AuditEntryInput[] = [];
  const runner = new LocalStepFunctions({
    definition: consultationAsl(),
    lambdas: {
      [LOCAL_WORKER_ARN]: (payload) =>
        runWorkflowStep(payload as unknown as WorkflowEvent, {
          store,
          audit: { append: async (entry) => void audit.push(entry) },
          now: () => new Date(),
        }),
    },
  });
  afterAll(() => runner.stop());

  const sofia = { userId: 'ct-sofia', authority: 'IT-DCSA', memberState: 'IT' };
  const paolo = {
    userId: 'cap-paolo',
    authority: 'IT-CAP',
    memberState: 'IT',
    roles: ['verifying-authority'],
  };
  let n = 0;

  async function start(urgent: boolean, timeouts: Partial<ConsultationTimeouts> = {}) {
    const id = `c-${++n}`;
    const consultation = openConsultation({
      id,
      input: {
        caseReference: `CASE-${n}`,
        offence: 'serious:drug-trafficking',
        justification: 'trafficking network, case file',
      },
      requester: sofia,
      searchedBy: ['identity-data'],
      hits: [{ system: 'VIS', recordId: 'vis-1' }],
      now: new Date(),
    });
    await store.createConsultation(consultation);
    const { request, consultation: next } = newAccessRequest({
      id: `r-${n}`,
      consultation,
      input: { system: 'VIS', justification: 'the visa file is needed', urgent },
      caller: sofia,
      now: new Date(),
    });
    await store.createRequest(request, next, consultation.version);
    await runner.startExecution(request.id, {
      requestId: request.id,
      urgent,
      timeouts: { decisionSeconds: 30, grantValiditySeconds: 1, urgentVerificationSeconds: 30, ...timeouts },
    });
    return request.id;
  }

  async function until(id: string, predicate: (status: string) => boolean) {
    for (let i = 0; i < 100; i++) {
      const request = await store.getRequest(id);
      if (request && predicate(request.status) && (request.decideBy || request.status !== 'pending'))
        return request;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`request ${id} never reached the expected status`);
  }

  async function answer(id: string, decision: 'approve' | 'refuse') {
    const request = await until(id, (s) => s === 'pending' || s === 'urgent-granted');
    const decided = decide(request, paolo, decision, 'checked', new Date());
    await store.saveRequest(decided, request.version);
    await runner.sendTaskSuccess(request.taskToken!, { decision });
  }

  const finished = async (id: string) => {
    await runner.execution(id)!.result;
    const { status, error } = runner.execution(id)!;
    return error ? `${status}: ${error}` : status;
  };
  const actions = (id: string) => audit.filter((e) => e.details?.requestId === id).map((e) => e.action);

  it('approve: queued, granted for the configured time, then the grant expires', async () => {
    const id = await start(false);
    await answer(id, 'approve');
    expect(await finished(id)).toBe('SUCCEEDED');
    const request = await store.getRequest(id);
    expect(request?.status).toBe('grant-expired');
    expect(request?.taskToken).toBeUndefined();
    expect(actions(id)).toEqual([
      'accessRequestRecorded',
      'accessRequestQueued',
      'accessGranted',
      'grantExpired',
    ]);
    const entry = audit.find((e) => e.details?.requestId === id && e.action === 'accessGranted')!;
    expect(entry.caseReference).toMatch(/^CASE-/);
    expect(entry.details).toMatchObject({
      requester: 'ct-sofia',
      decidedBy: 'cap-paolo',
      decision: 'approve',
    });
  });

  it('refuse: recorded, no grant', async () => {
    const id = await start(false);
    await answer(id, 'refuse');
    expect(await finished(id)).toBe('SUCCEEDED');
    expect((await store.getRequest(id))?.grant).toBeUndefined();
    expect(actions(id)).toEqual(['accessRequestRecorded', 'accessRequestQueued', 'accessRefused']);
  });

  it('expiry: no decision within the timeout; a late decision finds no waiting workflow', async () => {
    const id = await start(false, { decisionSeconds: 1 });
    const queued = await until(id, (s) => s === 'pending');
    expect(await finished(id)).toBe('SUCCEEDED');
    expect((await store.getRequest(id))?.status).toBe('expired');
    await expect(runner.sendTaskSuccess(queued.taskToken!, { decision: 'approve' })).rejects.toBeInstanceOf(
      TaskNoLongerWaiting,
    );
    expect(actions(id)).toEqual(['accessRequestRecorded', 'accessRequestQueued', 'accessRequestExpired']);
  });

  it('urgent, later refused: granted at once, then revoked and flagged for the supervisory authority', async () => {
    const id = await start(true, { grantValiditySeconds: 60 });
    const granted = await until(id, (s) => s === 'urgent-granted');
    expect(granted.grant).toBeDefined();
    await answer(id, 'refuse');
    expect(await finished(id)).toBe('SUCCEEDED');
    const request = await store.getRequest(id);
    expect(request?.status).toBe('revoked');
    expect(request?.supervisoryFlag?.reason).toBe('urgent-access-refused');
    expect(actions(id)).toEqual([
      'accessRequestRecorded',
      'urgentAccessGranted',
      'accessRequestQueued',
      'urgentAccessRevoked',
    ]);
  });

  it('urgent, later approved: the grant stays until it expires', async () => {
    const id = await start(true);
    await answer(id, 'approve');
    expect(await finished(id)).toBe('SUCCEEDED');
    expect((await store.getRequest(id))?.status).toBe('grant-expired');
    expect(actions(id)).toEqual([
      'accessRequestRecorded',
      'urgentAccessGranted',
      'accessRequestQueued',
      'urgentAccessConfirmed',
      'grantExpired',
    ]);
  });

  it('urgent, not verified in time: revoked and flagged', async () => {
    const id = await start(true, { urgentVerificationSeconds: 1, grantValiditySeconds: 60 });
    expect(await finished(id)).toBe('SUCCEEDED');
    const request = await store.getRequest(id);
    expect(request?.status).toBe('revoked');
    expect(request?.supervisoryFlag?.reason).toBe('urgent-verification-overdue');
    expect(actions(id)).toContain('urgentVerificationOverdue');
  });
});
