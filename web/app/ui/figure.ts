/**
 * A total that may include suppressed counts: `known` is the sum of the counts shown, and each
 * suppressed row adds an unknown count between 1 and the threshold minus one.
 */
export interface Figure {
  known: number;
  suppressedRows: number;
}

/** `12`, `<5`, `3 × <5`, `12 + <5`, `12 + 2 × <5`: a suppressed count is never shown as 0. */
export function formatFigure(figure: Figure, threshold: number): string {
  const below = `<${threshold}`;
  const suppressed = figure.suppressedRows === 1 ? below : `${figure.suppressedRows} × ${below}`;
  if (figure.suppressedRows === 0) return String(figure.known);
  return figure.known === 0 ? suppressed : `${figure.known} + ${suppressed}`;
}
