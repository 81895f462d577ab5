import { describe, expect, it } from 'vitest';
import { AVERAGE_NAME_AGREEMENT, compareIdentities } from '../../../functions/mid/domain/compare-identities';
import type { IdentityInput } from '../../../functions/mid/domain/identity-profile';
import { InMemoryNameFrequencies } from '../../../functions/mid/domain/name-frequencies';

const person = (surname: string, firstName: string): IdentityInput => ({
  surnames: [surname],
  firstNames: [firstName],
  sex: 'M',
  nationalities: ['SYR'],
});

describe('term-frequency-adjusted name weights', () => {
  const frequencies = new InMemoryNameFrequencies(AVERAGE_NAME_AGREEMENT);
  for (let i = 0; i < 3000; i++) frequencies.add(person(`RARE${i}`, i % 5 === 0 ? 'MOHAMMED' : `GIVEN${i}`));
  for (let i = 0; i < 400; i++) frequencies.add(person('HADDAD', `OTHER${i}`));

  it('weighs agreement on a common name less than on a rare one', () => {
    const common = compareIdentities(person('HADDAD', 'MOHAMMED'), person('HADDAD', 'MOHAMMED'), {
      frequencies,
    });
    const rare = compareIdentities(person('ZUBAIDI', 'ZOUHAIR'), person('ZUBAIDI', 'ZOUHAIR'), {
      frequencies,
    });
    expect(rare.score).toBeGreaterThan(common.score);
  });

  it('is symmetric and never turns an agreement into evidence against', () => {
    const a = person('HADDAD', 'MOHAMMED');
    const b = person('HADDAD', 'MOHAMED');
    expect(compareIdentities(a, b, { frequencies }).score).toBeCloseTo(
      compareIdentities(b, a, { frequencies }).score,
      9,
    );
    for (const entry of compareIdentities(a, b, { frequencies }).evidence)
      if (entry.source === 'score' && entry.category === 'names')
        expect(entry.weight).toBeGreaterThanOrEqual(0);
  });
});
