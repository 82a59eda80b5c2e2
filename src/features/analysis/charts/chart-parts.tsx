import { type ReactNode, useId } from 'react';
import type { CellValue, TableBlock, TableColumn } from '../../../contract/agent';
import { formatCell } from '../lib/format-cell';

export const WIDTH = 640;

export interface ChartProps {
  table: TableBlock;
  x: string;
  y: string[];
}

export const columnOf = (table: TableBlock, key: string): TableColumn =>
  table.columns.find((column) => column.key === key) ?? { key, label: key, type: 'string' };

export const numberOf = (value: CellValue | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const labelOf = (value: CellValue | undefined, column: TableColumn) =>
  formatCell(value ?? null, column);

/** Maps [min, max] onto [from, to]; a flat domain maps to the middle. */
export function scale(min: number, max: number, from: number, to: number) {
  const span = max - min;
  return (value: number) => (span === 0 ? (from + to) / 2 : from + ((value - min) / span) * (to - from));
}

/** The accessible frame every chart shares: a named image with a plain-words description. */
export function ChartFrame({
  title,
  description,
  height,
  children,
}: {
  title: string;
  description: string;
  height: number;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="svg-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
    </figure>
  );
}

/** Long category names are cut for the axis; the full name stays in the table and the tooltip. */
export const shorten = (text: string, length = 26) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;
