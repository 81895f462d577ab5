import type { RightsLanguage } from '../../shared/schemas/rights';
import { ar } from './templates/ar';
import { de } from './templates/de';
import { en } from './templates/en';
import { fr } from './templates/fr';
import { ru } from './templates/ru';
import { tr } from './templates/tr';
import { uk } from './templates/uk';

export type NotifiedColour = 'red' | 'white';

/** One language of the notification (Arts 32(4), 33(3)); `{authority}`, `{sin}`, `{portal}` are filled in. */
export interface NotificationTemplate {
  dir: 'ltr' | 'rtl';
  subject: Record<NotifiedColour, string>;
  finding: Record<NotifiedColour, string>;
  sin: string;
  rights: string;
}

export const TEMPLATES: Record<RightsLanguage, NotificationTemplate> = { en, fr, de, ar, ru, uk, tr };

/** Unicode bidi controls: a right-to-left mark, and the isolate pair that keeps a left-to-right value apart. */
export const RLM = '\u200F';
export const LRI = '\u2066';
export const PDI = '\u2069';

export interface RenderedNotification {
  language: RightsLanguage;
  dir: 'ltr' | 'rtl';
  subject: string;
  /** Paragraphs, in reading order. */
  paragraphs: string[];
}

/**
 * Fills a template in. In a right-to-left language every paragraph starts with a right-to-left mark
 * (so that a plain-text reader picks the right base direction even where a paragraph would start
 * with a Latin value) and every inserted value (authority id, SIN, address) is a left-to-right
 * isolate, so that its punctuation and digits are not reordered with the Arabic around it.
 */
export function renderNotification(
  language: RightsLanguage,
  colour: NotifiedColour,
  values: { authority: string; sin: string; portal: string },
): RenderedNotification {
  const template = TEMPLATES[language];
  const rtl = template.dir === 'rtl';
  const fill = (text: string) =>
    (rtl ? RLM : '') +
    text.replace(/\{(authority|sin|portal)\}/g, (_match, name: keyof typeof values) =>
      rtl ? `${LRI}${values[name]}${PDI}` : values[name],
    );
  return {
    language,
    dir: template.dir,
    subject: fill(template.subject[colour]),
    paragraphs: [fill(template.finding[colour]), fill(template.sin), fill(template.rights)],
  };
}
