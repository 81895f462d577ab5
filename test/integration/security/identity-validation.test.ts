import { describe, expect, it } from 'vitest';
import { caller, platformContext } from '../../support/platform-context';
import { publicRequest, requestForm } from '../rights/support';

const context = platformContext();
const tag = Date.now().toString(36);
const ees = () =>
  caller(context, ['origin-system'], { system: 'EES', authority: 'EES:DE', userId: 'iv-ees' });

const record = (changes: { identity?: object; document?: object; memberState?: string } = {}) => ({
  identity: {
    surnames: ['VALIDOVA'],
    firstNames: ['IRINA'],
    dateOfBirth: '1981-03-04',
    nationalities: ['UKR'],
    ...changes.identity,
  },
  travelDocuments: [
    { type: 'P', number: 'IV1234567', issuingCountry: 'UKR', expiry: '2031-05-06', ...changes.document },
  ],
  memberState: changes.memberState ?? 'DE',
  version: 1,
});

/** Identity data that cannot be true, with the field the 400 must name. */
const IMPOSSIBLE: [string, ReturnType<typeof record>, string][] = [
  ['a 30 February', record({ identity: { dateOfBirth: '2023-02-30' } }), 'body.identity.dateOfBirth'],
  [
    'a 29 February of a common year',
    record({ identity: { dateOfBirth: '2023-02-29' } }),
    'body.identity.dateOfBirth',
  ],
  ['a 31 April', record({ identity: { dateOfBirth: '1990-04-31' } }), 'body.identity.dateOfBirth'],
  ['year 0000', record({ identity: { dateOfBirth: '0000-01-01' } }), 'body.identity.dateOfBirth'],
  [
    'year 0000, month and day unknown',
    record({ identity: { dateOfBirth: '0000-00-00' } }),
    'body.identity.dateOfBirth',
  ],
  ['an expiry in year 0000', record({ document: { expiry: '0000-12-31' } }), 'body.travelDocuments.0.expiry'],
  [
    'an expiry on 30 February',
    record({ document: { expiry: '2030-02-30' } }),
    'body.travelDocuments.0.expiry',
  ],
  ['nationality ZZZ', record({ identity: { nationalities: ['ZZZ'] } }), 'body.identity.nationalities.0'],
  [
    'nationality UTO (the ICAO specimen state)',
    record({ identity: { nationalities: ['UTO'] } }),
    'body.identity.nationalities.0',
  ],
  [
    'nationality ROM (withdrawn)',
    record({ identity: { nationalities: ['ROM'] } }),
    'body.identity.nationalities.0',
  ],
  [
    'issuing country D (MRZ form, not a code)',
    record({ document: { issuingCountry: 'D' } }),
    'body.travelDocuments.0.issuingCountry',
  ],
  [
    'issuing country QQQ',
    record({ document: { issuingCountry: 'QQQ' } }),
    'body.travelDocuments.0.issuingCountry',
  ],
  [
    'issuing country XXA (a nationality code)',
    record({ document: { issuingCountry: 'XXA' } }),
    'body.travelDocuments.0.issuingCountry',
  ],
  ['memberState US', record({ memberState: 'US' }), 'body.memberState'],
  ['memberState UK', record({ memberState: 'UK' }), 'body.memberState'],
  ['a NUL in a surname', record({ identity: { surnames: ['VALI\u0000DOVA'] } }), 'body.identity.surnames.0'],
  [
    'a control character in a first name',
    record({ identity: { firstNames: ['IRI\u001bNA'] } }),
    'body.identity.firstNames.0',
  ],
  [
    'a C1 control in a place of birth',
    record({ identity: { placeOfBirth: 'KYIV\u0085' } }),
    'body.identity.placeOfBirth',
  ],
  [
    'a right-to-left override in a surname',
    record({ identity: { surnames: ['\u202eAVODILAV'] } }),
    'body.identity.surnames.0',
  ],
  [
    'a first-strong isolate in a first name',
    record({ identity: { firstNames: ['IRINA\u2068X\u2069'] } }),
    'body.identity.firstNames.0',
  ],
  [
    'a lone surrogate in a surname',
    record({ identity: { surnames: ['VALIDOVA\ud800'] } }),
    'body.identity.surnames.0',
  ],
];

describe('identity data that cannot be true is refused at ingestion', () => {
  it.each(IMPOSSIBLE)('%s: 400 naming the field, nothing stored', async (_, body, field) => {
    const system = await ees();
    const recordId = `iv-${tag}-${field.replace(/\W/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = await system.request('PUT', `/v1/systems/EES/records/${recordId}`, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.issues.map((issue: { field: string }) => issue.field)).toEqual([field]);
    expect((await system.request('GET', `/v1/systems/EES/records/${recordId}`)).status).toBe(404);
  });

  it.each([
    ['a birth in 1850', record({ identity: { dateOfBirth: '1850-06-01' } })],
    ['an unknown day and month', record({ identity: { dateOfBirth: '1975-00-00' } })],
    ['29 February of a leap year', record({ identity: { dateOfBirth: '2000-02-29' } })],
    ['a stateless person (XXA)', record({ identity: { nationalities: ['XXA'] } })],
    [
      'a refugee (XXB) with a UN document',
      record({ identity: { nationalities: ['XXB'] }, document: { issuingCountry: 'UNO' } }),
    ],
    ['a Kosovo document (RKS)', record({ document: { issuingCountry: 'RKS' } })],
    ['memberState EU', record({ memberState: 'EU' })],
    ['an associated state (CH)', record({ memberState: 'CH' })],
    [
      'letters with diacritics, apostrophe and hyphen',
      record({ identity: { surnames: ["O'BRIEN-ŁUKASZEWICZ"], firstNames: ['ÇAĞLA'] } }),
    ],
    ['Arabic and Cyrillic letters', record({ identity: { surnames: ['حداد', 'ШЕВЧЕНКО'] } })],
  ])('accepts implausible or unusual but possible data: %s', async (_, body) => {
    const reply = await (await ees()).request(
      'PUT',
      `/v1/systems/EES/records/iv-${tag}-ok-${Math.random().toString(36).slice(2, 8)}`,
      body,
    );
    expect(reply.status).toBe(201);
  });
});

describe('the public request form refuses the same', () => {
  it.each([
    ['a 30 February', { dateOfBirth: '2023-02-30' }, 'body.subject.dateOfBirth'],
    ['year 0000', { dateOfBirth: '0000-05-05' }, 'body.subject.dateOfBirth'],
    ['nationality UTO', { nationality: 'UTO' }, 'body.subject.nationality'],
    ['a NUL in the surname', { surname: 'NO\u0000BODY' }, 'body.subject.surname'],
    ['a bidi override in the given names', { givenNames: 'KNOWN\u202d' }, 'body.subject.givenNames'],
    ['a lone surrogate in the surname', { surname: '\udc00NOBODY' }, 'body.subject.surname'],
  ])('%s: 400 naming the field', async (_, subject, field) => {
    const reply = await publicRequest(context, 'POST', '/v1/data-subject-requests', requestForm({}, subject));
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.issues.map((issue: { field: string }) => issue.field)).toEqual([field]);
  });

  it('a control character in the postal address is refused, its line breaks are not', async () => {
    const form = (postalAddress: string) => requestForm({ contact: { postalAddress } });
    const refused = await publicRequest(
      context,
      'POST',
      '/v1/data-subject-requests',
      form('Street 1\u0007\n10115 Berlin'),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues.map((issue: { field: string }) => issue.field)).toEqual([
      'body.contact.postalAddress',
    ]);
    const accepted = await publicRequest(
      context,
      'POST',
      '/v1/data-subject-requests',
      form('Street 1\n10115 Berlin'),
    );
    expect(accepted.status).toBe(202);
  });
});
