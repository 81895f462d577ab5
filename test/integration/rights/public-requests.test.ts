import { describe, expect, it } from 'vitest';
import { RIGHTS_TABLE } from '../../../lib/resources';
import { platformContext } from '../../support/platform-context';
import { tableDigest } from '../../support/table-snapshot';
import { type PublicReply, publicRequest, requestForm } from './support';

const context = platformContext();

describe('public data-subject requests (Arts 47-49)', () => {
  it('accepts a request without a token: 202 with a reference and an access code, readable with the code', async () => {
    const submitted = await publicRequest(context, 'POST', '/v1/data-subject-requests', requestForm());
    expect(submitted.status).toBe(202);
    expect(Object.keys(submitted.body).sort()).toEqual(['accessCode', 'receivedAt', 'reference', 'status']);
    expect(submitted.body.status).toBe('identity-verification-pending');
    expect(submitted.body.reference).toMatch(/^DSR-[0-9A-Z]{16}$/);

    const status = await publicRequest(
      context,
      'GET',
      `/v1/data-subject-requests/${submitted.body.reference}`,
      undefined,
      { 'x-access-code': submitted.body.accessCode },
    );
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      reference: submitted.body.reference,
      type: 'access',
      status: 'identity-verification-pending',
      receivedAt: submitted.body.receivedAt,
      extended: false,
    });
    // 45 days from receipt (Art 48).
    expect(Date.parse(status.body.deadline) - Date.parse(submitted.body.receivedAt)).toBe(45 * 86_400_000);
    expect(status.body.answer).toBeUndefined();
  });

  it('answers a wrong code and an unknown reference with the same 404', async () => {
    const submitted = await publicRequest(context, 'POST', '/v1/data-subject-requests', requestForm());
    const wrongCode = await publicRequest(
      context,
      'GET',
      `/v1/data-subject-requests/${submitted.body.reference}`,
      undefined,
      { 'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA' },
    );
    const unknown = await publicRequest(
      context,
      'GET',
      '/v1/data-subject-requests/DSR-0000000000000000',
      undefined,
      { 'x-access-code': submitted.body.accessCode },
    );
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    const shape = (reply: PublicReply) => ({
      code: reply.body.error.code,
      message: reply.body.error.message,
    });
    expect(shape(wrongCode)).toEqual(shape(unknown));

    const noCode = await publicRequest(
      context,
      'GET',
      `/v1/data-subject-requests/${submitted.body.reference}`,
    );
    expect(noCode.status).toBe(400);
    expect(noCode.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'headers.x-access-code',
    ]);
  });

  it('refuses bad input with a 400 naming the field and changes no table', async () => {
    const before = await tableDigest(context, RIGHTS_TABLE.envVar);
    const cases: [unknown, string][] = [
      [requestForm({}, { surname: undefined }), 'body.subject.surname'],
      [requestForm({}, { dateOfBirth: '1970-13-01' }), 'body.subject.dateOfBirth'],
      [requestForm({ type: 'deletion' }), 'body.type'],
      [requestForm({ language: 'es' }), 'body.language'],
      [requestForm({ lodgedWith: 'US' }), 'body.lodgedWith'],
      [requestForm({ lodgedWith: 'EU' }), 'body.lodgedWith'],
      [requestForm({ contact: {} }), 'body.contact.email'],
      [requestForm({ contact: { email: 'not-an-address' } }), 'body.contact.email'],
      [requestForm({ details: 'x'.repeat(2001) }), 'body.details'],
      [requestForm({ representative: { name: 'A LAWYER' } }), 'body.representative.mandate'],
      [requestForm({ extra: true }), 'body'],
      ['{not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const reply = await publicRequest(context, 'POST', '/v1/data-subject-requests', body);
      expect(reply.status, field).toBe(400);
      const fields = reply.body.error.details.issues.map((issue: { field: string }) => issue.field);
      expect(fields, JSON.stringify(body)).toContain(field);
    }
    expect(await tableDigest(context, RIGHTS_TABLE.envVar)).toEqual(before);
  });

  it('accepts a request by single identification number alone, and one through a representative', async () => {
    const bySin = await publicRequest(
      context,
      'POST',
      '/v1/data-subject-requests',
      requestForm(
        { type: 'erasure', language: 'ar' },
        {
          surname: undefined,
          dateOfBirth: undefined,
          givenNames: undefined,
          singleIdentificationNumber: 'SIN-20260101T000000000Z-0123456789ab',
        },
      ),
    );
    expect(bySin.status).toBe(202);
    const represented = await publicRequest(
      context,
      'POST',
      '/v1/data-subject-requests',
      requestForm({
        type: 'rectification',
        details: 'My date of birth is wrong.',
        contact: { postalAddress: '1 Rue de la Loi, 1000 Bruxelles' },
        representative: { name: 'A LAWYER', mandate: 'Power of attorney dated 2026-11-01' },
      }),
    );
    expect(represented.status).toBe(202);
  });
});
