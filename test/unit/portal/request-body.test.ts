import { describe, expect, it } from 'vitest';
import * as domain from '../../../functions/rights/domain/request';
import { dataSubjectRequestBodySchema } from '../../../functions/shared/schemas/rights';
import { retryAfter } from '../../../web/portal/api';
import { ANSWER_DAYS, EXTENSION_DAYS } from '../../../web/portal/deadlines';
import { emptyForm, requestBody } from '../../../web/portal/request-body';
import { parsePortalPath, portalPath } from '../../../web/portal/routing';

const blank = emptyForm('en');

describe('portal request body', () => {
  it('leaves blank fields out, trims, upper-cases codes, and is accepted by the API schema', () => {
    const body = JSON.parse(
      JSON.stringify(
        requestBody({
          ...blank,
          type: 'rectification',
          language: 'ar',
          lodgedWith: 'DE',
          surname: '  Haddad ',
          dateOfBirth: '1990-04-00',
          nationality: 'syr',
          documentNumber: 'n1234567',
          email: 'r.haddad@example.org',
        }),
      ),
    );
    expect(body).toEqual({
      type: 'rectification',
      language: 'ar',
      lodgedWith: 'DE',
      subject: {
        surname: 'Haddad',
        dateOfBirth: '1990-04-00',
        nationality: 'SYR',
        documentNumber: 'N1234567',
      },
      contact: { email: 'r.haddad@example.org' },
    });
    expect(dataSubjectRequestBodySchema.safeParse(body).success).toBe(true);
  });

  it('sends the representative only when the person says they represent someone', () => {
    const filled = {
      ...blank,
      representativeName: 'A. Lawyer',
      representativeMandate: 'signed authorisation',
    };
    expect(requestBody(filled).representative).toBeUndefined();
    expect(requestBody({ ...filled, representing: true }).representative).toEqual({
      name: 'A. Lawyer',
      mandate: 'signed authorisation',
    });
  });

  it('an empty form is refused by the API schema on the fields the form shows errors for', () => {
    const result = dataSubjectRequestBodySchema.safeParse(JSON.parse(JSON.stringify(requestBody(blank))));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'type',
        'lodgedWith',
        'subject.surname',
        'subject.dateOfBirth',
        'contact.email',
      ]),
    );
  });
});

describe('portal helpers', () => {
  it('states the same deadlines as the request domain', () => {
    expect([ANSWER_DAYS, EXTENSION_DAYS]).toEqual([domain.ANSWER_DAYS, domain.EXTENSION_DAYS]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T21:00:00Z');
    expect(retryAfter('30', now)).toBe(30);
    expect(retryAfter('Sat, 28 Nov 2026 21:02:00 GMT', now)).toBe(120);
    expect(retryAfter(null, now)).toBeUndefined();
    expect(retryAfter('soon', now)).toBeUndefined();
  });

  it('maps portal addresses to a language and a page, and back', () => {
    expect(parsePortalPath('/portal/ar/request', ['en'])).toEqual({ language: 'ar', page: 'request' });
    expect(parsePortalPath('/portal/', ['tr-TR'])).toEqual({ language: 'tr', page: 'rights' });
    expect(parsePortalPath('/portal/de/unknown', ['en'])).toEqual({ language: 'de', page: 'rights' });
    expect(portalPath('uk', 'follow')).toBe('/portal/uk/follow');
    expect(portalPath('fr', 'rights')).toBe('/portal/fr/');
  });
});
