/**
 * Plain SVG line charts: no dependency, deterministic output (same data, same bytes). Shared by the
 * capacity report and the benchmarks' `--plot` (bench/plot.ts).
 */

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  logX?: boolean;
  logY?: boolean;
  /** Horizontal reference lines (limits). */
  marks?: readonly { y: number; label: string }[];
  /** Vertical reference lines (thresholds). */
  xMarks?: readonly { x: number; label: string }[];
  xTicks?: readonly number[];
  formatX?: (x: number) => string;
}

const WIDTH = 760;
const HEIGHT = 380;
const PAD = { left: 78, right: 170, top: 36, bottom: 52 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

export function lineChart(chart: LineChart): string {
  const all = chart.series.flatMap((s) => s.points);
  const ys = [...all.map((p) => p[1]), ...(chart.marks ?? []).map((m) => m.y)];
  const xs = [...all.map((p) => p[0]), ...(chart.xMarks ?? []).map((m) => m.x)];
  const fx = chart.logX ? Math.log10 : (v: number) => v;
  const fy = chart.logY ? Math.log10 : (v: number) => v;
  const [x0, x1] = [fx(Math.min(...xs)), fx(Math.max(...xs))];
  const yMin = chart.logY ? fy(Math.min(...ys.filter((y) => y > 0))) : Math.min(0, ...ys);
  const yMax = fy(Math.max(...ys)) * (chart.logY ? 1 : 1.08);
  const y0 = chart.logY ? Math.floor(yMin) : yMin;
  const y1 = chart.logY ? Math.ceil(yMax) : yMax || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const px = (x: number) => PAD.left + ((fx(x) - x0) / (x1 - x0 || 1)) * plotW;
  const py = (y: number) =>
    PAD.top + plotH - ((fy(Math.max(y, chart.logY ? 10 ** y0 : y)) - y0) / (y1 - y0 || 1)) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(chart.title)}</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="black"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="black"/>`,
    `<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${esc(chart.xLabel)}</text>`,
    `<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(chart.yLabel)}</text>`,
  ];
  const yTicks = chart.logY
    ? Array.from({ length: y1 - y0 + 1 }, (_, i) => 10 ** (y0 + i))
    : Array.from({ length: 6 }, (_, i) => y0 + ((y1 - y0) * i) / 5);
  for (const t of yTicks) {
    out.push(
      `<line x1="${PAD.left - 4}" y1="${py(t).toFixed(1)}" x2="${PAD.left + plotW}" y2="${py(t).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 7}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${short(t)}</text>`,
    );
  }
  const xTicks =
    chart.xTicks ??
    (chart.logX
      ? Array.from({ length: Math.floor(x1) - Math.ceil(x0) + 1 }, (_, i) => 10 ** (Math.ceil(x0) + i))
      : Array.from({ length: 7 }, (_, i) => x0 + ((x1 - x0) * i) / 6));
  for (const t of xTicks) {
    out.push(
      `<line x1="${px(t).toFixed(1)}" y1="${PAD.top + plotH}" x2="${px(t).toFixed(1)}" y2="${PAD.top + plotH + 4}" stroke="black"/>`,
      `<text x="${px(t).toFixed(1)}" y="${PAD.top + plotH + 18}" text-anchor="middle">${esc((chart.formatX ?? short)(t))}</text>`,
    );
  }
  for (const mark of chart.marks ?? []) {
    out.push(
      `<line x1="${PAD.left}" y1="${py(mark.y).toFixed(1)}" x2="${PAD.left + plotW}" y2="${py(mark.y).toFixed(1)}" stroke="#888" stroke-dasharray="6 4"/>`,
      `<text x="${PAD.left + plotW + 6}" y="${(py(mark.y) + 4).toFixed(1)}" fill="#555">${esc(mark.label)}</text>`,
    );
  }
  for (const mark of chart.xMarks ?? []) {
    out.push(
      `<line x1="${px(mark.x).toFixed(1)}" y1="${PAD.top}" x2="${px(mark.x).toFixed(1)}" y2="${PAD.top + plotH}" stroke="#888" stroke-dasharray="6 4"/>`,
      `<text x="${(px(mark.x) + 4).toFixed(1)}" y="${PAD.top + 12}" fill="#555">${esc(mark.label)}</text>`,
    );
  }
  chart.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const d = series.points
      .map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`)
      .join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    const ly = PAD.top + 14 + i * 18;
    out.push(
      `<line x1="${WIDTH - PAD.right + 12}" y1="${ly}" x2="${WIDTH - PAD.right + 30}" y2="${ly}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${WIDTH - PAD.right + 34}" y="${ly + 4}">${esc(series.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function short(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toPrecision(3)}G`;
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toPrecision(3)}k`;
  return `${+value.toPrecision(3)}`;
}

const esc = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
