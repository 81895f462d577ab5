/** Geometry of the statistics bar charts (web/app/ui/BarChart.tsx), in SVG user units. */
const WIDTH = 580;
/** Room a character may take at the chart's 15 px font (wide capitals included), to fit labels and values. */
const CHAR_WIDTH = 9.2;
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
  const textWidth = (text: string) => Math.ceil(text.length * CHAR_WIDTH);
  const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(40, ...labels.map(textWidth)) + 8);
  const valueWidth = Math.max(30, ...values.map(textWidth)) + SUPPRESSED_MARK + 8;
  const width = Math.max(WIDTH, labelWidth + valueWidth + MIN_BAR_SPACE);
  const maxLabelChars = Math.floor((labelWidth - 8) / CHAR_WIDTH);
  const shown = (label: string) =>
    label.length <= maxLabelChars ? label : `${label.slice(0, Math.max(1, maxLabelChars - 1))}…`;
  return { labelWidth, barSpace: width - labelWidth - valueWidth, width, shown };
}
