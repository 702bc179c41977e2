/**
 * A horizontal stacked bar chart drawn on the server as SVG: no script, nothing to download, as
 * sharp on a cheap phone as on a desktop. Each row's label sits above its bar so long Thai
 * province names never squeeze the bars at 360 px. The SVG is one image with a text summary;
 * the page shows the same numbers as a table beside it for reading and for screen readers.
 */
import { useId } from "react";

export type BarSegment = { key: string; value: number };
export type BarRow = { label: string; segments: BarSegment[] };

const WIDTH = 320;
const ROW = 40;
const BAR = 16;

export function BarChart({
  title,
  summary,
  rows,
  colors,
  legend,
}: {
  title: string;
  summary: string;
  rows: BarRow[];
  colors: Record<string, string>;
  legend: { key: string; label: string }[];
}) {
  const id = useId();
  const max = Math.max(1, ...rows.map((row) => row.segments.reduce((sum, segment) => sum + segment.value, 0)));
  const height = rows.length * ROW + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((row, index) => {
          const y = index * ROW;
          const total = row.segments.reduce((sum, segment) => sum + segment.value, 0);
          let x = 0;
          return (
            <g key={row.label} aria-hidden="true">
              <text x={0} y={y + 14} className="chart-label">
                {row.label}
              </text>
              {row.segments.map((segment) => {
                const width = (segment.value / max) * (WIDTH - 40);
                const rect = <rect key={segment.key} x={x} y={y + 20} width={width} height={BAR} fill={colors[segment.key] ?? "#777"} />;
                x += width;
                return segment.value > 0 ? rect : null;
              })}
              <text x={x + 4} y={y + 33} className="chart-value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label={title}>
          {legend.map((entry) => (
            <li key={entry.key}>
              <span className="swatch" style={{ background: colors[entry.key] }} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
