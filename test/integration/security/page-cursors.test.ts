import { describe, expect, it } from 'vitest';
import { encodePageCursor } from '../../../functions/shared/page-cursor';
import { caller, platformContext } from '../../support/platform-context';

const context = platformContext();
const today = new Date().toISOString().slice(0, 10);

/**
 * Every paged list, with a cursor whose partition attribute is right (what decoding once checked
 * alone) and whose other key attributes are not a key of the list's query: each must be a 400
 * naming query.cursor, never a 500 from DynamoDB.
 */
interface PagedList {
  name: string;
  path: string;
  as: () => ReturnType<typeof caller>;
  position?: (lastKey: Record<string, unknown>) => object;
  partition: Record<string, string>;
  sortKey: string;
}

const LISTS: PagedList[] = [
  {
    name: 'access log',
    path: '/v1/audit',
    as: () => caller(context, ['data-protection-officer'], { authority: 'EDPS', memberState: 'EU' }),
    position: (lastKey: Record<string, unknown>) => ({ partition: `DAY#${today}`, lastKey }),
    partition: { gsi1pk: `DAY#${today}` },
    sortKey: 'gsi1sk',
  },
  {
    name: 'link queue',
    path: '/v1/mid/links',
    as: () => caller(context, ['link-verifier'], { authority: 'EES:DE' }),
    partition: { gsi1pk: 'QUEUE#EES:DE#yellow' },
    sortKey: 'gsi1sk',
  },
  {
    name: 'rights queue',
    path: '/v1/data-subject-requests',
    as: () => caller(context, ['rights-officer'], { authority: 'DE-RIGHTS', memberState: 'DE' }),
    partition: { gsi1pk: 'DSRQUEUE#DE' },
    sortKey: 'gsi1sk',
  },
  {
    name: 'notifications',
    path: '/v1/notifications',
    as: () => caller(context, ['rights-officer'], { authority: 'DE-RIGHTS', memberState: 'DE' }),
    partition: { gsi1pk: 'NOTIFY#DE-RIGHTS#to-send' },
    sortKey: 'gsi1sk',
  },
  {
    name: 'rights instructions',
    path: '/v1/systems/EES/rights-instructions',
    as: () => caller(context, ['origin-system'], { authority: 'EES:DE', system: 'EES' }),
    partition: { pk: 'INSTRUCTIONS#EES' },
    sortKey: 'sk',
  },
  {
    name: 'access requests',
    path: '/v1/access-requests',
    as: () => caller(context, ['verifying-authority'], { authority: 'DE-CAP', memberState: 'DE' }),
    partition: { gsi1pk: 'PENDING#DE' },
    sortKey: 'gsi1sk',
  },
];

function malformedKeys(partition: Record<string, string>, sortKey: string): [string, object][] {
  const onTable = sortKey === 'sk';
  const valid: Record<string, unknown> = onTable
    ? { ...partition, sk: `${today}T00:00:00.000Z#x` }
    : { pk: 'X#1', sk: 'X', ...partition, [sortKey]: `${today}T00:00:00.000Z#x` };
  const { [sortKey]: _dropped, ...withoutSortKey } = valid;
  return [
    ['a sort key of the wrong type', { ...valid, [sortKey]: 12 }],
    ['a table key of the wrong type', onTable ? { ...valid, sk: true } : { ...valid, pk: 12 }],
    ['the sort key missing', withoutSortKey],
    ['an extra attribute', { ...valid, extra: 'x' }],
    ["another index's sort key", { ...withoutSortKey, gsi2sk: `${today}#x` }],
    ['a DynamoDB-typed value', { ...valid, [sortKey]: { S: 'x' } }],
    ['an empty key', { ...valid, [sortKey]: '' }],
  ];
}

describe.each(LISTS)('paged list: $name', (list) => {
  it.each(malformedKeys(list.partition, list.sortKey))(
    'a cursor with %s is a 400 naming query.cursor',
    async (_, key) => {
      const user = await list.as();
      const position = list.position ? list.position(key as Record<string, unknown>) : key;
      const reply = await user.request('GET', `${list.path}?cursor=${encodePageCursor(position)}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.issues).toEqual([
        { field: 'query.cursor', message: 'not a cursor returned by this API' },
      ]);
    },
  );
});

describe('cursors the lists return', () => {
  it.each([
    ['by day', ''],
    ['by user', '&userId=data-protection-officer-test'],
  ])('page on through the access log %s', async (_, filter) => {
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS', memberState: 'EU' });
    for (let i = 0; i < 3; i++) await dpo.request('GET', '/v1/audit?limit=1');
    const first = await dpo.request('GET', `/v1/audit?limit=2${filter}`);
    expect(first.status).toBe(200);
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await dpo.request('GET', `/v1/audit?limit=2${filter}&cursor=${first.body.cursor}`);
    expect(second.status).toBe(200);
    expect(second.body.entries.length).toBeGreaterThan(0);
    const ids = (page: { entries: { requestId: string }[] }) => page.entries.map((entry) => entry.requestId);
    expect(ids(second.body)).not.toContain(ids(first.body)[0]);
    // the same cursor for another day range is not a position of that query
    const elsewhere = await dpo.request(
      'GET',
      `/v1/audit?limit=2${filter}&from=2020-01-01&to=2020-01-02&cursor=${first.body.cursor}`,
    );
    expect(elsewhere.status).toBe(400);
  });
});
