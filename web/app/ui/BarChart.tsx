import { useId, useState } from 'react';
import { chartGeometry, SUPPRESSED_MARK } from './chart-geometry';
import { type Figure, formatFigure } from './figure';

export interface BarChartProps {
  title: string;
  description: string;
  bars: readonly { key: string; label: string; figure: Figure }[];
  /** Counts below it were suppressed by the API. */
  threshold: number;
  /** What the label column is, for the table view (e.g. `Profile`). */
  category: string;
  /** What the value column is (default `Count`) and how a value reads (default: a count, `<5` suppressed). */
  valueLabel?: string;
  format?: (figure: Figure) => string;
}

const ROW_HEIGHT = 28;

/**
 * A horizontal bar chart in plain SVG, with a text alternative: the SVG has a label summarising
 * every bar, and a toggle shows the same figures as a table. Hatching marks suppressed counts.
 */
export function BarChart({
  title,
  description,
  bars,
  threshold,
  category,
  valueLabel = 'Count',
  format = (figure) => formatFigure(figure, threshold),
}: BarChartProps) {
  const id = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [asTable, setAsTable] = useState(false);
  const max = Math.max(1, ...bars.map((bar) => bar.figure.known));
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 8;
  const summary = bars.map((bar) => `${bar.label}: ${format(bar.figure)}`).join('; ');
  const {
    labelWidth,
    barSpace,
    width: chartWidth,
    shown,
  } = chartGeometry(
    bars.map((bar) => bar.label),
    bars.map((bar) => format(bar.figure)),
  );

  return (
    <figure className="chart card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          className="secondary"
          aria-pressed={asTable}
          aria-controls={`${id}-body`}
          onClick={() => setAsTable((old) => !old)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <figcaption className="muted small">{description}</figcaption>
      <div id={`${id}-body`}>
        {bars.length === 0 ? (
          <p className="muted">Nothing counted in this period.</p>
        ) : asTable ? (
          <table className="table compact" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{category}</th>
                <th scope="col">{valueLabel}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  <td>{format(bar.figure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <svg
            role="img"
            aria-label={`${title}. ${summary}`}
            viewBox={`0 0 ${chartWidth} ${height}`}
            width="100%"
            className="bar-chart"
          >
            <defs>
              <pattern
                id={`${id}-hatch`}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#0b4f9c" strokeWidth="3" />
              </pattern>
            </defs>
            {bars.map((bar, index) => {
              const y = index * ROW_HEIGHT + 4;
              const width = (bar.figure.known / max) * (barSpace - SUPPRESSED_MARK);
              const mark = bar.figure.suppressedRows > 0 ? SUPPRESSED_MARK : 0;
              return (
                <g key={bar.key}>
                  <text x={labelWidth - 8} y={y + ROW_HEIGHT / 2} textAnchor="end" dominantBaseline="middle">
                    {shown(bar.label) !== bar.label && <title>{bar.label}</title>}
                    {shown(bar.label)}
                  </text>
                  <rect x={labelWidth} y={y + 3} width={width} height={ROW_HEIGHT - 8} className="bar" />
                  {mark > 0 && (
                    <rect
                      x={labelWidth + width}
                      y={y + 3}
                      width={mark}
                      height={ROW_HEIGHT - 8}
                      fill={`url(#${id}-hatch)`}
                      stroke="#0b4f9c"
                    />
                  )}
                  <text x={labelWidth + width + mark + 6} y={y + ROW_HEIGHT / 2} dominantBaseline="middle">
                    {format(bar.figure)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </figure>
  );
}
