import type { ChartConfiguration } from 'chart.js';
import type { FigureKind } from '@briefs/ast';

/** Which chart a spec is; the renderer attaches per-kind behaviour (tick formatting) by it. */
export type ChartKind =
  | 'figures'
  | 'timeline'
  | 'claim-kinds'
  | 'entities'
  | 'pack-figures'
  | 'pack-timeline'
  | 'pack-regions'
  | 'pack-topics';

/**
 * How the numbers of a chart's value axis read: the kind and unit of the figures it shows. Kept as
 * data so a spec stays serialisable; the renderer turns it into a tick formatter.
 */
export interface ValueFormat {
  kind: FigureKind | 'plain';
  /** ISO 4217 code for money, `%` for percent, a unit symbol for measures, null otherwise. */
  unit: string | null;
}

/**
 * One chart: a pure, JSON-serialisable description. `config` is a chart.js configuration with no
 * functions in it; `renderChartSvg` adds what needs code (formatters, plugins) at render time.
 */
export interface ChartSpec {
  /** Stable id, unique within a brief or pack: `<doc-id>-figures-money-usd`, `pack-timeline`… */
  id: string;
  kind: ChartKind;
  /** Short heading for the chart ("Key figures: money (USD)"); not drawn inside the chart. */
  title: string;
  /** A sentence or two that a screen reader reads in place of the chart, made from its data. */
  alt: string;
  /** Size in CSS pixels; the SVG's viewBox is `0 0 width height` (its width/height say `pt`). */
  width: number;
  height: number;
  /** Number format of the value axis, where the chart has one. */
  format?: ValueFormat;
  config: ChartConfiguration;
}

/** Colours of the charts. The PDF theme passes its own; everything not given keeps the default. */
export interface ChartTheme {
  /** Categorical series colours, used in order (claim kinds, places/organisations…). */
  series: string[];
  /** Main bar colour of single-series charts. */
  accent: string;
  /** Text colour of labels. */
  text: string;
  /** Colour of axis ticks and secondary text. */
  muted: string;
  /** Grid line colour. */
  grid: string;
  /** Background of the chart area, or null for transparent. */
  background: string | null;
  /** Base font size in px. */
  fontSize: number;
}

export interface ChartOptions {
  theme?: Partial<ChartTheme>;
  /** Width of every chart in px (default 480, about the text width of an A4 page in pt). */
  width?: number;
  /** At most this many bars / events / names per chart (defaults per chart, see README). */
  maxItems?: number;
}
