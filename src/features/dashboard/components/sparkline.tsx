/** A month-by-month line under a tile; the tile's text carries the figures, so the drawing is decoration. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2) return null;
  const width = 120;
  const height = 32;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const points = values
    .map((value, index) =>
      value === null
        ? null
        : `${(index * step).toFixed(1)},${(height - 3 - ((value - min) / span) * (height - 6)).toFixed(1)}`,
    )
    .filter((point): point is string => point !== null);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <polyline
        points={points.join(' ')}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
