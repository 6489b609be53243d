import { createRequire } from 'node:module';
import type { Chart as ChartClass, ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasClass } from 'chartjs-node-canvas';
import { formatValue } from '../format-value.js';
import type { ChartSpec } from '../types.js';
import { CHART_FONT_FAMILY, registerChartFonts } from './fonts.js';
import { normaliseSvg } from './normalise-svg.js';
import { backgroundPlugin, valueLabelsPlugin } from './plugins.js';
import { utcDateAdapter } from './utc-date-adapter.js';

// chartjs-node-canvas and canvas are CommonJS; load them the CommonJS way.
const require = createRequire(import.meta.url);

type ChartStatic = typeof ChartClass & {
  _adapters: { _date: { override(members: object): void } };
  Ticks: { formatters: { logarithmic(this: unknown, value: number, index: number, ticks: unknown[]): string } };
};

interface Renderer {
  canvas: ChartJSNodeCanvasClass;
  Chart: ChartStatic;
}

/**
 * One renderer per chart size, kept for the life of the process. chartjs-node-canvas loads a fresh
 * copy of chart.js for every instance, so making one per chart leaks memory; chart heights are
 * rounded to 20 px (see ../bar-config.ts) so there are few sizes.
 */
const renderers = new Map<string, Renderer>();

function rendererFor(width: number, height: number): Renderer {
  const key = `${width}x${height}`;
  const existing = renderers.get(key);
  if (existing) return existing;
  registerChartFonts();
  const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
  let chart: ChartStatic | undefined;
  const canvas = new ChartJSNodeCanvas({
    width,
    height,
    type: 'svg',
    chartCallback: (C) => {
      const Chart = C as ChartStatic;
      Chart.defaults.font.family = CHART_FONT_FAMILY;
      Chart.defaults.animation = false;
      Chart.defaults.devicePixelRatio = 1;
      Chart._adapters._date.override(utcDateAdapter);
      Chart.register(backgroundPlugin, valueLabelsPlugin);
      chart = Chart;
    },
  });
  if (!chart) throw new Error('@briefs/charts: chart.js did not initialise');
  const renderer = { canvas, Chart: chart };
  renderers.set(key, renderer);
  return renderer;
}

/** What needs code: tick labels of the value axis in the spec's number format. */
function withFormatters(spec: ChartSpec, Chart: ChartStatic): ChartConfiguration {
  const config = structuredClone(spec.config);
  const format = spec.format;
  const x = (config.options?.scales as Record<string, Record<string, unknown>> | undefined)?.x;
  if (!format || !x || (x.type !== 'linear' && x.type !== 'logarithmic')) return config;
  const ticks = (x.ticks ?? {}) as Record<string, unknown>;
  if (x.type === 'logarithmic') {
    const log = Chart.Ticks.formatters.logarithmic;
    // Label powers of ten only: chart.js's 1-2-5 choice crowds a narrow axis ("$50M$100M").
    ticks.callback = function (this: unknown, value: number | string, index: number, all: unknown[]): string {
      const n = Number(value);
      if (log.call(this, n, index, all) === '') return '';
      const exponent = Math.log10(n);
      return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? formatValue(n, format) : '';
    };
  } else {
    ticks.callback = (value: number | string): string => formatValue(Number(value), format);
  }
  x.ticks = ticks;
  return config;
}

/**
 * Draw a spec as SVG (synchronously). Text is drawn as outlines (cairo), so the SVG needs no fonts
 * wherever it is shown; the same spec gives the same bytes.
 */
export function renderChartSvgSync(spec: ChartSpec): string {
  const { canvas, Chart } = rendererFor(spec.width, spec.height);
  const buffer = canvas.renderToBufferSync(withFormatters(spec, Chart), 'image/svg+xml');
  return normaliseSvg(buffer.toString('utf8'));
}

/** Draw a spec as SVG. See {@link renderChartSvgSync}. */
export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  return renderChartSvgSync(spec);
}

/** How many renderers (canvas sizes) are alive; for tests and the benchmark. */
export function rendererCount(): number {
  return renderers.size;
}
