import { describe, expect, it } from 'vitest';
import { chartGeometry, textWidth } from '../../../web/app/ui/chart-geometry';

const SUPPRESSED_MARK = 14;

describe('statistics bar chart geometry', () => {
  it('keeps the longest value inside the drawing when its bar is the longest (no label cut at the edge)', () => {
    for (const value of ['6', '5 + 16 × <5', '123456 + 16 × <5', '9999999 + 999 × <5']) {
      const { labelWidth, barSpace, width } = chartGeometry(['EURODAC – VIS'], [value]);
      // the longest bar ends at labelWidth + barSpace; its value starts 6 units after the suppressed mark
      const valueEnd = labelWidth + barSpace + 6 + textWidth(value);
      expect(valueEnd).toBeLessThanOrEqual(width);
      expect(barSpace).toBeGreaterThan(SUPPRESSED_MARK);
    }
  });

  it('fits labels up to the limit and shortens longer ones with an ellipsis', () => {
    const short = chartGeometry(['border guard'], ['6']);
    expect(short.shown('border guard')).toBe('border guard');
    expect(short.labelWidth).toBeGreaterThanOrEqual(textWidth('border guard'));
    const capitals = chartGeometry(['INTERPOL_TDAWN'], ['6']);
    expect(capitals.shown('INTERPOL_TDAWN')).toBe('INTERPOL_TDAWN');
    expect(capitals.labelWidth).toBeGreaterThanOrEqual(textWidth('INTERPOL_TDAWN'));
    const long = 'designated authority of a Member State with a very long name';
    const geometry = chartGeometry([long], ['6']);
    expect(geometry.shown(long).endsWith('…')).toBe(true);
    expect(textWidth(geometry.shown(long))).toBeLessThanOrEqual(geometry.labelWidth);
  });
});
