import type { AccuracyFigures } from '../../../functions/statistics/domain/accuracy-report';
import type { Figure } from '../ui/figure';

/** The automatic rules in words (reason codes of functions/mid/domain/colour.ts). */
export const RULE_LABELS: Record<string, string> = {
  'art33-1a-biometrics-and-identity': 'white: same biometrics and identity',
  'art33-1b-identity-and-document-one-side-without-biometrics':
    'white: identity and document, one side without biometrics',
  'art33-1c-biometrics-document-and-similar-identity': 'white: biometrics, document and similar identity',
  'biometrics-same-identity-different': 'yellow: same biometrics, different identity',
  'identity-match-biometrics-different': 'yellow: identity match, different biometrics',
  'document-same-identity-different': 'yellow: same document, different identity',
  'identity-match-unconfirmed': 'yellow: identity match, nothing to confirm it',
};

/** The same, short enough for a chart's bar label. */
export const RULE_SHORT: Record<string, string> = {
  'art33-1a-biometrics-and-identity': 'white: biometrics, identity',
  'art33-1b-identity-and-document-one-side-without-biometrics': 'white: identity, document',
  'art33-1c-biometrics-document-and-similar-identity': 'white: biometrics, document',
  'biometrics-same-identity-different': 'yellow: biometrics only',
  'identity-match-biometrics-different': 'yellow: identity only',
  'document-same-identity-different': 'yellow: document only',
  'identity-match-unconfirmed': 'yellow: identity, unconfirmed',
};

export const REGION_LABELS: Record<string, string> = {
  arabicScript: 'Arabic script',
  cyrillicScript: 'Cyrillic script',
  eastAsian: 'East Asian',
  southAsian: 'South Asian',
  latinScript: 'Latin script',
  other: 'other',
  unknown: 'no nationality',
};

/** A count of the API (null: suppressed) as a chart figure. */
export const count = (value: number | null): Figure =>
  value === null ? { known: 0, suppressedRows: 1 } : { known: value, suppressedRows: 0 };

/** A share or rate (null: not shown) as a chart figure. */
export const rate = count;

/** `83.3 %`, or `not shown`. */
export const share = (figure: Figure): string =>
  figure.suppressedRows > 0 ? 'not shown' : `${+(figure.known * 100).toFixed(1)} %`;

/** `1 to 4 hours`, `under 10 minutes`, `30 days or more`, or `not shown`. */
export function wait(median: AccuracyFigures['medianTimeToVerification']): string {
  if (!median) return 'not shown';
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  const hours = (h: number) =>
    h < 1 ? unit(Math.round(h * 60), 'minute') : h < 24 ? unit(h, 'hour') : unit(h / 24, 'day');
  if (median.fromHours === 0) return `under ${hours(median.toHours ?? 0)}`;
  if (median.toHours === null) return `${hours(median.fromHours)} or more`;
  return `${hours(median.fromHours)} to ${hours(median.toHours)}`;
}

/** Table rows: a label and the figures. */
export function accuracyRows<T extends AccuracyFigures>(rows: readonly T[], label: (row: T) => string) {
  return rows.map((row) => ({ ...row, label: label(row) }));
}
