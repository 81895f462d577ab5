import { describe, expect, it } from 'vitest';
import { platformContext } from '../../support/platform-context';
import { publicRequest, requestForm } from '../rights/support';

const context = platformContext();
const WRONG = 'AAAAA-AAAAA-AAAAA-AAAAA';

async function lodge() {
  const reply = await publicRequest(context, 'POST', '/v1/data-subject-requests', requestForm());
  expect(reply.status).toBe(202);
  return reply.body as { reference: string; accessCode: string };
}

const status = (reference: string, code: string) =>
  publicRequest(context, 'GET', `/v1/data-subject-requests/${reference}`, undefined, {
    'x-access-code': code,
  });

/** What a reply shows, without the request id that differs on every reply. */
const shape = (reply: { status: number; body: { error: Record<string, unknown> } }) => {
  const { requestId: _id, ...error } = reply.body.error;
  return { status: reply.status, error };
};

describe('access codes', () => {
  it('nine wrong codes leave the request readable with its code', async () => {
    const { reference, accessCode } = await lodge();
    for (let i = 0; i < 9; i++) expect((await status(reference, WRONG)).status).toBe(404);
    expect((await status(reference, accessCode)).status).toBe(200);
  });

  it('the tenth wrong code locks the reference: the right code then gets the reply of an unknown reference', async () => {
    const { reference, accessCode } = await lodge();
    for (let i = 0; i < 10; i++)
      expect((await status(reference, `${WRONG.slice(0, -1)}${i}`)).status).toBe(404);
    const locked = await status(reference, accessCode);
    const unknown = await status('DSR-0000000000000000', accessCode);
    expect(shape(locked)).toEqual(shape(unknown));
    expect(locked.status).toBe(404);
    expect(Object.keys(Object.fromEntries(locked.headers)).sort()).toEqual(
      Object.keys(Object.fromEntries(unknown.headers)).sort(),
    );
  });

  it('wrong codes for one reference do not lock another', async () => {
    const first = await lodge();
    const second = await lodge();
    for (let i = 0; i < 10; i++) await status(first.reference, WRONG);
    expect((await status(second.reference, second.accessCode)).status).toBe(200);
  });
});
