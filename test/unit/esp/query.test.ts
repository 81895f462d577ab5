import { describe, expect, it } from 'vitest';
import { InvalidQueryError, QueryFieldNotAllowedError } from '../../../functions/esp/domain/errors';
import {
  assertQueryAllowed,
  parseEspQuery,
  QUERY_FIELDS,
  queryFieldsUsed,
  queryType,
} from '../../../functions/esp/domain/query';
import { ANA, ANA_FACE, ANA_PASSPORT } from './fixtures';

describe('ESP query model', () => {
  it.each([
    [{ identity: { surnames: ['Popescu'] } }, 'identity'],
    [{ travelDocument: { number: 'MD1234567' } }, 'travelDocument'],
    [{ biometrics: { face: ANA_FACE } }, 'biometrics'],
    [{ identity: { surnames: ['Popescu'] }, travelDocument: { number: 'MD1234567' } }, 'combined'],
  ])('classifies %j as %s', (raw, type) => {
    expect(queryType(parseEspQuery(raw))).toBe(type);
  });

  it('lists the fields used, never their values', () => {
    const query = parseEspQuery({ identity: ANA, travelDocument: ANA_PASSPORT });
    const fields = queryFieldsUsed(query);
    expect(fields).toEqual(
      expect.arrayContaining(['identity.surnames', 'identity.dateOfBirth', 'travelDocument.number']),
    );
    expect(fields.every((field) => (QUERY_FIELDS as readonly string[]).includes(field))).toBe(true);
    expect(JSON.stringify(fields)).not.toContain('Popescu');
  });

  it.each([
    ['an empty query', {}],
    ['identity data without a surname', { identity: { firstNames: ['Ana'] } }],
    ['an unknown field', { identity: { surnames: ['X'], eyeColour: 'brown' } }],
    ['empty biometrics', { biometrics: {} }],
    ['a malformed date of birth', { identity: { surnames: ['X'], dateOfBirth: '14/03/1985' } }],
  ])('refuses %s with a typed error', (_, raw) => {
    expect(() => parseEspQuery(raw)).toThrow(InvalidQueryError);
  });

  it('names the first field the profile does not allow', () => {
    const query = parseEspQuery({ identity: { surnames: ['X'], placeOfBirth: 'Y' } });
    const allowed = new Set(['identity.surnames']);
    expect(() => assertQueryAllowed(query, allowed, 'p')).toThrow(QueryFieldNotAllowedError);
    expect(() => assertQueryAllowed(query, allowed, 'p')).toThrow(
      expect.objectContaining({ field: 'identity.placeOfBirth', code: 'QUERY_FIELD_NOT_ALLOWED' }),
    );
  });
});
