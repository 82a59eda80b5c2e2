import { type ReactNode, type RefObject, useId, useLayoutEffect, useState } from 'react';
import type { CellValue, TableBlock, TableColumn } from '../../../contract/agent';
import { formatCell } from '../lib/format-cell';

export interface ChartProps {
  table: TableBlock;
  /** The rows to draw, in the order the result shows them. */
  rows: Record<string, CellValue>[];
  x: string;
  y: string[];
  /** The container's width in CSS pixels: charts lay out for it rather than being scaled, so text keeps its size. */
  width: number;
}

/** Average width of a 12 px label character, for fitting names into the space beside bars. */
export const CHARACTER_WIDTH = 7;

export const columnOf = (table: TableBlock, key: string): TableColumn =>
  table.columns.find((column) => column.key === key) ?? { key, label: key, type: 'string' };

export const numberOf = (value: CellValue | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const labelOf = (value: CellValue | undefined, column: TableColumn) =>
  formatCell(value ?? null, column);

/** Room to leave right of the bars for the longest value label. */
export const valueRoom = (labels: string[]) =>
  Math.max(48, ...labels.map((label) => label.length * CHARACTER_WIDTH + 12));

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Maps [min, max] onto [from, to]; a flat domain maps to the middle. */
export function scale(min: number, max: number, from: number, to: number) {
  const span = max - min;
  return (value: number) => (span === 0 ? (from + to) / 2 : from + ((value - min) / span) * (to - from));
}

/** The element's content width, kept current by a ResizeObserver (0 until it has been laid out). */
export function useWidth(ref: RefObject<HTMLElement | null>) {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The accessible frame every chart shares: a named image with a plain-words description, drawn 1:1. */
export function ChartFrame({
  title,
  description,
  width,
  height,
  children,
}: {
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Long category names are cut for the axis; the full name stays in the table and the tooltip. */
export const shorten = (text: string, length = 26) =>
  text.length > length ? `${text.slice(0, Math.max(1, length - 1))}…` : text;

/** Series swatches in a row that wraps to the next line when the chart is narrow. */
export function Legend({
  labels,
  width,
  top,
  mark,
}: {
  labels: string[];
  width: number;
  top: number;
  mark: 'line' | 'box';
}) {
  let x = 0;
  let y = top;
  const items = labels.map((label, index) => {
    const itemWidth = 30 + label.length * CHARACTER_WIDTH + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += 20;
    }
    const item = { label, index, x, y };
    x += itemWidth;
    return item;
  });
  return (
    <g className="chart-legend">
      {items.map((item) => (
        <g key={item.label} transform={`translate(${item.x}, ${item.y})`}>
          {mark === 'line' ? (
            <line x1="0" x2="22" y1="-4" y2="-4" className={`chart-line chart-series-${item.index}`} />
          ) : (
            <rect x="0" y="-11" width="14" height="14" rx="2" className={`chart-fill-${item.index}`} />
          )}
          <text x={mark === 'line' ? 28 : 20} y="0" className="chart-label">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** How tall a legend of these labels is at this width, so charts can leave room for it. */
export function legendHeight(labels: string[], width: number) {
  let x = 0;
  let lines = 1;
  for (const label of labels) {
    const itemWidth = 30 + label.length * CHARACTER_WIDTH + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      lines += 1;
    }
    x += itemWidth;
  }
  return lines * 20;
}
