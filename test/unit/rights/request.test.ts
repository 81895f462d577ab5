import { describe, expect, it } from 'vitest';
import {
  answerRequest,
  assertHeldBy,
  daysLeft,
  extendDeadline,
  type Officer,
  publicView,
  receiveRequest,
  recordIdentityVerification,
  responsibleMemberState,
} from '../../../functions/rights/domain/request';
import { dataSubjectRequestBodySchema } from '../../../functions/shared/schemas/rights';

const DAY_MS = 86_400_000;
const received = new Date('2026-03-01T10:00:00.000Z');
const de: Officer = { userId: 'officer-de', authority: 'DE-RIGHTS', memberState: 'DE' };
const fr: Officer = { userId: 'officer-fr', authority: 'FR-RIGHTS', memberState: 'FR' };
const proof = { method: 'travel-document-in-person' as const, note: 'passport checked' };
const ees = { system: 'EES' as const, recordId: 'e-1' };
const vis = { system: 'VIS' as const, recordId: 'v-1' };

const form = (type: 'access' | 'rectification' | 'erasure') =>
  dataSubjectRequestBodySchema.parse({
    type,
    language: 'uk',
    lodgedWith: 'DE',
    subject: { surname: 'SHEVCHENKO', dateOfBirth: '1990-00-00' },
    contact: { email: 'person@example.org' },
  });

const verified = (type: 'access' | 'rectification' | 'erasure', states = ['DE']) =>
  recordIdentityVerification(
    receiveRequest(form(type), received).request,
    proof,
    de,
    { records: [ees, vis], sins: ['SIN-1'], responsibleMemberStates: states },
    new Date('2026-03-05T10:00:00.000Z'),
  );

describe('data-subject request (Art 48)', () => {
  it('is received with a deadline 45 days from receipt, a reference and a code stored only as a digest', () => {
    const { request, accessCode } = receiveRequest(form('access'), received);
    expect(Date.parse(request.deadline) - received.getTime()).toBe(45 * DAY_MS);
    expect(request.status).toBe('identity-verification-pending');
    expect(request.memberState).toBe('DE');
    expect(JSON.stringify(request)).not.toContain(accessCode);
    expect(daysLeft(request, received)).toBe(45);
    expect(daysLeft(request, new Date(received.getTime() + 46 * DAY_MS))).toBe(-1);
    // Two requests never share a reference or a code.
    const other = receiveRequest(form('access'), received);
    expect(other.request.reference).not.toBe(request.reference);
    expect(other.accessCode).not.toBe(accessCode);
  });

  it('is shown to the requester only with its code; a wrong code is the same 404 as no request', () => {
    const { request, accessCode } = receiveRequest(form('access'), received);
    expect(publicView(request, accessCode)).toMatchObject({ reference: request.reference, extended: false });
    // Codes are read back case- and space-insensitively (typed from a letter).
    expect(publicView(request, ` ${accessCode.toLowerCase()} `).reference).toBe(request.reference);
    const wrong = () => publicView(request, 'AAAAA-AAAAA-AAAAA-AAAAA');
    const missing = () => publicView(undefined, accessCode);
    expect(wrong).toThrow('request not found');
    expect(missing).toThrow('request not found');
    expect(Object.keys(publicView(request, accessCode))).not.toContain('subject');
  });

  it('is seen only by the authority of the Member State holding it', () => {
    const { request } = receiveRequest(form('access'), received);
    expect(assertHeldBy(request, de)).toBe(request);
    expect(() => assertHeldBy(request, fr)).toThrow('request not found');
  });

  it('after the identity step, goes to the Member State responsible, unless it was lodged there', () => {
    const forwarded = verified('access', ['FR', 'FR', 'IT']);
    expect(forwarded.memberState).toBe('FR');
    expect(forwarded.history.map((h) => h.event)).toEqual(['received', 'identity-verified', 'forwarded']);
    expect(verified('access', ['FR', 'DE']).memberState).toBe('DE');
    expect(() => recordIdentityVerification(forwarded, proof, fr, forwarded.person!, received)).toThrow(
      'already verified',
    );
  });

  it('routes to where it was lodged when nothing is found or only EU-level authorities are responsible', () => {
    expect(responsibleMemberState([], 'AT')).toBe('AT');
    expect(responsibleMemberState(['EU', 'EU'], 'AT')).toBe('AT');
    expect(responsibleMemberState(['IT', 'FR'], 'AT')).toBe('FR');
    expect(responsibleMemberState(['IT', 'FR', 'IT'], 'AT')).toBe('IT');
  });

  it('extends the deadline once by 15 days with a reason', () => {
    const request = verified('access');
    const extended = extendDeadline(request, 'two systems to consult', de, received);
    expect(Date.parse(extended.deadline) - received.getTime()).toBe(60 * DAY_MS);
    expect(extended.version).toBe(request.version + 1);
    expect(() => extendDeadline(extended, 'again', de, received)).toThrow('only once');
  });

  it('answers access with data, and rectification and erasure with a decision that instructs the origin systems', () => {
    const now = new Date('2026-03-10T10:00:00.000Z');
    const unverified = receiveRequest(form('access'), received).request;
    expect(() => answerRequest(unverified, { text: 'your data below' }, de, now)).toThrow(
      'identity must be verified',
    );
    const access = answerRequest(verified('access'), { text: 'your data below' }, de, now, { files: [] });
    expect(access.instructions).toEqual([]);
    expect(access.request.answer).toMatchObject({ text: 'your data below', data: { files: [] } });
    expect(access.request.status).toBe('answered');
    expect(() => answerRequest(access.request, { text: 'twice over' }, de, now)).toThrow('already answered');
    expect(() =>
      answerRequest(verified('access'), { text: 'your data below', decision: 'granted' }, de, now),
    ).toThrow('not a decision');

    expect(() => answerRequest(verified('erasure'), { text: 'decided' }, de, now)).toThrow(
      'needs a decision',
    );
    const erasure = answerRequest(verified('erasure'), { text: 'granted', decision: 'granted' }, de, now);
    expect(erasure.instructions.map((i) => `${i.system}/${i.recordId}:${i.action}`)).toEqual([
      'EES/e-1:erase',
      'VIS/v-1:erase',
    ]);
    expect(erasure.request.history.map((h) => h.event).slice(-2)).toEqual([
      'answered',
      'instructions-recorded',
    ]);
    expect(() =>
      answerRequest(verified('rectification'), { text: 'granted', decision: 'granted' }, de, now),
    ).toThrow('what is to be rectified');
    const rectification = answerRequest(
      verified('rectification'),
      { text: 'granted', decision: 'granted', rectification: 'surname spelled SHEVCHENKO' },
      de,
      now,
    );
    expect(rectification.instructions.every((i) => i.action === 'rectify' && i.description)).toBe(true);
    const refused = answerRequest(verified('erasure'), { text: 'refused', decision: 'refused' }, de, now);
    expect(refused.instructions).toEqual([]);
  });

  it('an extended or answered request is not extended again', () => {
    const { request } = answerRequest(verified('access'), { text: 'your data below' }, de, received);
    expect(() => extendDeadline(request, 'late', de, received)).toThrow('already answered');
  });
});

describe('the request form', () => {
  const issues = (body: unknown) => {
    const result = dataSubjectRequestBodySchema.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };
  const valid = {
    type: 'access',
    language: 'ar',
    lodgedWith: 'NO',
    subject: { singleIdentificationNumber: 'SIN-20260101T000000000Z-0123456789ab' },
    contact: { postalAddress: 'Storgata 1, Oslo' },
  };

  it('accepts a SIN alone, or surname and date of birth (00 for unknown day or month)', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, subject: { surname: 'AL-HASSAN', dateOfBirth: '1985-07-00' } })).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    expect(issues({ ...valid, subject: {} })).toEqual(['subject.surname', 'subject.dateOfBirth']);
    expect(issues({ ...valid, subject: { surname: 'X', dateOfBirth: '1985-00-12' } })).toEqual([
      'subject.dateOfBirth',
    ]);
    expect(issues({ ...valid, contact: {} })).toEqual(['contact.email']);
    expect(issues({ ...valid, lodgedWith: 'GB' })).toEqual(['lodgedWith']);
    expect(issues({ ...valid, subject: { ...valid.subject, nationality: 'sy' } })).toEqual([
      'subject.nationality',
    ]);
  });
});
