import { describe, expect, it } from 'vitest';
import { MEMBER_STATES } from '../../../functions/statistics/domain/authorities';
import directory from '../../../web/portal/authorities.json';
import { authorityDirectorySchema } from '../../../web/portal/authorities-schema';

describe('authorities directory (web/portal/authorities.json)', () => {
  it('is valid: one authority per EU Member State and Schengen associated country, with its source and date', () => {
    const parsed = authorityDirectorySchema.parse(directory);
    expect(parsed.authorities.map((authority) => authority.country).sort()).toEqual(
      MEMBER_STATES.filter((state) => state !== 'EU').sort(),
    );
    expect(
      parsed.authorities
        .filter((authority) => authority.group === 'associated')
        .map((a) => a.country)
        .sort(),
    ).toEqual(['CH', 'IS', 'LI', 'NO']);
    expect(parsed.sourceUrl).toMatch(/^https:\/\//);
    expect(parsed.compiledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a missing country, a duplicate, a wrong group and a non-https website', () => {
    const authorities = directory.authorities;
    const withoutFrance = { ...directory, authorities: authorities.filter((a) => a.country !== 'FR') };
    const duplicate = { ...directory, authorities: [...authorities, authorities[0]] };
    const wrongGroup = {
      ...directory,
      authorities: authorities.map((a) => (a.country === 'NO' ? { ...a, group: 'eu' } : a)),
    };
    const http = {
      ...directory,
      authorities: authorities.map((a) =>
        a.country === 'DE' ? { ...a, website: 'http://www.bfdi.bund.de' } : a,
      ),
    };
    const guessedPhone = {
      ...directory,
      authorities: authorities.map((a) => (a.country === 'IT' ? { ...a, phone: 'call us' } : a)),
    };
    for (const invalid of [withoutFrance, duplicate, wrongGroup, http, guessedPhone]) {
      expect(authorityDirectorySchema.safeParse(invalid).success).toBe(false);
    }
  });
});
