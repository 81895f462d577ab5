import { ar } from './ar';
import { de } from './de';
import { type Catalogue, en, type MessageKey } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';

export type { Catalogue, MessageKey };

/** The portal's languages, in menu order, each named in its own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const CATALOGUES: Record<Language, Catalogue> = { en, fr, de, ar, ru, uk, tr };

export function isLanguage(value: string | undefined): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

export function direction(language: Language): 'ltr' | 'rtl' {
  return LANGUAGES.find((candidate) => candidate.code === language)?.dir ?? 'ltr';
}

/** The first of the browser's preferred languages the portal speaks, else English. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const preference of preferences) {
    const base = preference.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Looks a message up and fills its `{name}` placeholders; a missing value is left visible. */
export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
}

/** The placeholders a message uses, for the catalogue test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}
