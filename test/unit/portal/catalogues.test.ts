import { describe, expect, it } from 'vitest';
import { RIGHTS_LANGUAGES } from '../../../functions/shared/schemas/rights';
import { CATALOGUES, LANGUAGES, placeholders, preferredLanguage, translator } from '../../../web/portal/i18n';
import { en } from '../../../web/portal/i18n/en';

const keys = Object.keys(en).sort();

describe('portal message catalogues', () => {
  it('cover exactly the languages of the request API', () => {
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual([...RIGHTS_LANGUAGES].sort());
  });

  for (const { code } of LANGUAGES) {
    describe(code, () => {
      const catalogue = CATALOGUES[code];

      it('has every key of the English catalogue and no other', () => {
        expect(Object.keys(catalogue).sort()).toEqual(keys);
      });

      it('has no empty message and keeps the placeholders of each English message', () => {
        for (const key of keys) {
          const message = catalogue[key as keyof typeof en];
          expect(message.trim(), `${code} ${key}`).not.toBe('');
          expect(placeholders(message), `${code} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
        }
      });

      it.skipIf(code === 'en')('is translated: no sentence is left in English', () => {
        // Short labels may legitimately coincide (e.g. "Website" in German); sentences may not.
        const copied = keys.filter((key) => {
          const message = en[key as keyof typeof en];
          return message.split(' ').length > 3 && catalogue[key as keyof typeof en] === message;
        });
        expect(copied).toEqual([]);
      });
    });
  }

  it('fills placeholders and leaves a missing value visible', () => {
    const t = translator('fr');
    expect(t('rights.deadlines.answer', { days: 45 })).toContain('45 jours');
    expect(t('rights.deadlines.answer')).toContain('{days}');
  });

  it("picks the first of the browser's languages the portal speaks, else English", () => {
    expect(preferredLanguage(['nl-NL', 'uk-UA', 'en'])).toBe('uk');
    expect(preferredLanguage(['AR-SY'])).toBe('ar');
    expect(preferredLanguage(['pt-BR'])).toBe('en');
  });
});
