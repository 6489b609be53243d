import type { ChartConfiguration } from 'chart.js';
import type { ChartTheme } from './types.js';

/**
 * The one chart shape this package draws: horizontal bars, one row per item, labels on the left
 * (wrapped to lines), the value written at the end of each bar. Horizontal bars read well in a
 * narrow column, take long labels, and are easy to describe in alt text.
 */

export interface BarRow {
  /** Label lines (chart.js draws an array as several lines). */
  label: string[];
  /** A bar from 0 (or the scale's minimum) to a value, or a floating bar [from, to]. */
  value: number | [number, number];
  /** Written at the end of the bar. */
  valueLabel: string;
  /** Which dataset (series) the row belongs to; 0 when there is one. */
  series?: number;
}

export interface BarSeries {
  label: string;
  colour: string;
}

export interface BarChartInput {
  rows: readonly BarRow[];
  /** More than one series draws a legend and one colour per series. */
  series: readonly BarSeries[];
  scale: 'linear' | 'logarithmic' | 'time';
  theme: ChartTheme;
  width: number;
  /** Accessible title; carried in the config but not drawn (the PDF sets the caption). */
  title: string;
  /** Whole numbers only on the value axis (counts): no "0.5" ticks. */
  integer?: boolean;
  /** Fixed ends of the value axis (ms since the epoch on a time axis). */
  min?: number;
  max?: number;
}

const LINE_HEIGHT = 14;
const AXIS_HEIGHT = 36;
const LEGEND_HEIGHT = 26;
const PADDING = 10;
const SIZE_STEP = 20;

/**
 * Height for `rows` with labels of up to `lines` lines. Rounded up to 20 px so that the renderer
 * needs few canvas sizes (it keeps one renderer per size).
 */
export function chartHeight(rows: number, lines: number, legend: boolean): number {
  const rowHeight = Math.max(24, lines * LINE_HEIGHT + 10);
  const raw = PADDING * 2 + AXIS_HEIGHT + (legend ? LEGEND_HEIGHT : 0) + rows * rowHeight;
  return Math.max(120, Math.ceil(raw / SIZE_STEP) * SIZE_STEP);
}

export function horizontalBarChart(input: BarChartInput): {
  config: ChartConfiguration;
  width: number;
  height: number;
} {
  const { rows, series, theme } = input;
  const many = series.length > 1;
  const labels = rows.map((r) => r.label);
  // One data array per series; rows of other series are null so `skipNull` leaves no gap.
  const datasets = series.map((s, si) => ({
    label: s.label,
    data: rows.map((r) => ((r.series ?? 0) === si ? r.value : null)),
    backgroundColor: s.colour,
    borderWidth: 0,
    barPercentage: 0.8,
    categoryPercentage: 0.85,
    minBarLength: input.scale === 'time' ? 4 : 2,
    // Several series share one slot per row (each row has one non-null value), so bars stay full width.
    grouped: !many,
  }));
  const valueLabels = series.map((_, si) => rows.map((r) => ((r.series ?? 0) === si ? r.valueLabel : null)));
  const lines = rows.reduce((m, r) => Math.max(m, r.label.length), 1);
  const tickFont = { size: theme.fontSize };
  const valueAxis: Record<string, unknown> =
    input.scale === 'time'
      ? {
          type: 'time',
          time: { minUnit: 'day' },
          // Room between tick labels: "12 Mar17 Mar" reads as one word.
          ticks: { color: theme.muted, font: tickFont, maxTicksLimit: 7, maxRotation: 0, autoSkipPadding: 12 },
          grid: { color: theme.grid },
          border: { color: theme.grid },
        }
      : {
          type: input.scale,
          beginAtZero: input.scale === 'linear',
          ticks: {
            color: theme.muted,
            font: tickFont,
            maxTicksLimit: 7,
            maxRotation: 0,
            autoSkipPadding: 12,
            ...(input.integer ? { precision: 0 } : {}),
          },
          grid: { color: theme.grid },
          border: { color: theme.grid },
        };
  if (input.min !== undefined) valueAxis.min = input.min;
  if (input.max !== undefined) valueAxis.max = input.max;
  const config = {
    type: 'bar',
    data: { labels, datasets },
    options: {
      indexAxis: 'y',
      locale: 'en-US',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      // Room on the right for the value written after the longest bar.
      layout: { padding: { top: PADDING, right: 72, bottom: PADDING, left: PADDING } },
      scales: {
        x: valueAxis,
        y: {
          type: 'category',
          ticks: { color: theme.text, font: tickFont, autoSkip: false },
          grid: { display: false },
          border: { color: theme.grid },
        },
      },
      plugins: {
        title: { display: false, text: input.title },
        legend: {
          display: many,
          position: 'top',
          labels: { color: theme.text, font: tickFont, boxWidth: 12, boxHeight: 12 },
        },
        tooltip: { enabled: false },
        briefsBackground: { color: theme.background },
        briefsValueLabels: { labels: valueLabels, color: theme.text, size: theme.fontSize - 1 },
      },
    },
  } as unknown as ChartConfiguration;
  return { config, width: input.width, height: chartHeight(rows.length, lines, many) };
}
