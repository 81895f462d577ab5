import { describe, expect, it } from 'vitest';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const tag = Date.now().toString(36);
const face = { face: { vector: [0.6, 0.8, 0], quality: 90 } };
const fieldsOf = (reply: { body: { error: { details: { issues: { field: string }[] } } } }) =>
  reply.body.error.details.issues.map((issue) => issue.field);

async function loggedFor(userId: string): Promise<string> {
  const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS', memberState: 'EU' });
  const log = await dpo.request('GET', `/v1/audit?userId=${userId}&limit=50`);
  expect(log.status).toBe(200);
  expect(log.body.entries.length).toBeGreaterThan(0);
  return JSON.stringify(log.body.entries);
}

describe('no free text reaches the access log', () => {
  it('an sBMS purpose outside the closed list is refused, naming body.purpose, and not logged', async () => {
    const userId = `sbms-purpose-${tag}`;
    const police = await caller(context, ['police'], { userId, authority: 'PL-POLICE', memberState: 'PL' });
    for (const [path, body] of [
      ['/v1/sbms/identify', { templates: face, purpose: 'JOHN SMITH born 1980' }],
      [
        '/v1/sbms/verify',
        { templates: face, system: 'VIS', recordId: 'x-1', purpose: 'looking for MARIA ROSSI' },
      ],
    ] as const) {
      const reply = await police.request('POST', path, body);
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply)).toEqual(['body.purpose']);
    }
    const log = await loggedFor(userId);
    // the refused requests are logged (one entry each), without their purpose
    expect(log).toContain('"httpStatus":400');
    expect(log).not.toMatch(/SMITH|ROSSI/);
  });

  it.each([
    ['a name', 'JOHN SMITH'],
    ['a name without spaces', 'SMITH-JOHN'],
    ['a sentence', 'case of Maria Rossi 1980'],
  ])(
    'a case reference that is %s is refused, naming body.caseReference, and not logged',
    async (_, caseReference) => {
      const userId = `case-ref-${tag}`;
      const officer = await caller(context, ['designated-authority'], {
        userId,
        authority: 'IT-DCSA',
        memberState: 'IT',
      });
      const reply = await officer.request('POST', '/v1/consultations', {
        caseReference,
        offence: 'terrorism:financing',
        justification: 'Financing of a terrorist group: the person paid the group in March 2026',
        identity: { surnames: ['KARIMOVA'], firstNames: ['ZARINA'], dateOfBirth: '1991-04-17' },
      });
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply)).toEqual(['body.caseReference']);
      expect(await loggedFor(userId)).not.toContain(caseReference);
    },
  );
});
