/** Geometry of the statistics bar charts (web/app/ui/BarChart.tsx), in SVG user units. */
const WIDTH = 580;
/** Room a character may take at the chart's 15 px font: capitals are wider than the rest. */
const CAPITAL_WIDTH = 11.5;
const CHAR_WIDTH = 9.2;

export const textWidth = (text: string) =>
  Math.ceil(
    [...text].reduce((sum, char) => sum + (/[A-Z0-9_%#@MW]/.test(char) ? CAPITAL_WIDTH : CHAR_WIDTH), 0),
  );
const MAX_LABEL_WIDTH = 240;
const MIN_BAR_SPACE = 140;
/** Width of the hatched mark that stands for suppressed counts (their size is unknown). */
export const SUPPRESSED_MARK = 14;

/**
 * Columns sized to what they hold, so that no label or value is cut at the card's edge: the label
 * column fits the longest label (up to a limit; longer ones are shortened, in full in their title),
 * the value column the longest value; a chart too narrow for both gets a wider drawing, scaled down.
 */
export function chartGeometry(labels: readonly string[], values: readonly string[]) {
  const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(40, ...labels.map(textWidth)) + 8);
  const valueWidth = Math.max(30, ...values.map(textWidth)) + SUPPRESSED_MARK + 8;
  const width = Math.max(WIDTH, labelWidth + valueWidth + MIN_BAR_SPACE);
  const shown = (label: string) => {
    if (textWidth(label) + 8 <= labelWidth) return label;
    let cut = label;
    while (cut.length > 1 && textWidth(`${cut}…`) + 8 > labelWidth) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  return { labelWidth, barSpace: width - labelWidth - valueWidth, width, shown };
}
