import { isLanguage, type Language, preferredLanguage } from './i18n';

export const PAGES = ['rights', 'authorities', 'request', 'follow'] as const;
export type Page = (typeof PAGES)[number];

/** `/portal/{language}/{page}`; the rights page is the language's root. */
export function portalPath(language: Language, page: Page): string {
  return `/portal/${language}/${page === 'rights' ? '' : page}`;
}

/**
 * The language and page of a portal address. Without a language (`/portal/`), the browser's
 * preferred one; an unknown page shows the rights page.
 */
export function parsePortalPath(
  pathname: string,
  preferences: readonly string[],
): { language: Language; page: Page } {
  const [, , first, second] = pathname.split('/');
  const language = isLanguage(first) ? first : preferredLanguage(preferences);
  const page = PAGES.find((candidate) => candidate === second) ?? 'rights';
  return { language, page };
}
