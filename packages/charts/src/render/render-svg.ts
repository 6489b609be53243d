import { createRequire } from 'node:module';
import type { Chart as ChartClass, ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasClass } from 'chartjs-node-canvas';
import { formatValue } from '../format-value.js';
import type { ChartSpec } from '../types.js';
import { CHART_FONT_FAMILY, chartSvgFontFamily, registerChartFonts } from './fonts.js';
import { measureCachePlugin } from './measure-cache.js';
import { normaliseSvg } from './normalise-svg.js';
import { backgroundPlugin, valueLabelsPlugin } from './plugins.js';
import { captureText, textCapturePlugin, textElements } from './svg-text.js';
import { utcDateAdapter } from './utc-date-adapter.js';

// chartjs-node-canvas and canvas are CommonJS; load them the CommonJS way.
const load = createRequire(import.meta.url);

type ChartStatic = typeof ChartClass & {
  _adapters: { _date: { override(members: object): void } };
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
  const { ChartJSNodeCanvas } = load('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
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
      // Number formats must not follow the machine's locale (LANG): same chart, same bytes.
      Chart.defaults.locale = 'en-US';
      Chart._adapters._date.override(utcDateAdapter);
      // chart.js/auto registers every plugin, and each is called at every hook of every chart;
      // the bar charts here use none of these.
      const unused = C as unknown as Record<string, Parameters<ChartStatic['unregister']>[0] | undefined>;
      for (const name of ['Tooltip', 'Filler', 'Decimation', 'Colors', 'SubTitle']) {
        const plugin = unused[name];
        if (plugin) Chart.unregister(plugin);
      }
      Chart.register(measureCachePlugin, textCapturePlugin, backgroundPlugin, valueLabelsPlugin);
      chart = Chart;
    },
  });
  if (!chart) throw new Error('@briefs/charts: chart.js did not initialise');
  const renderer = { canvas, Chart: chart };
  renderers.set(key, renderer);
  return renderer;
}

/** What needs code: tick labels of the value axis in the spec's number format. */
function withFormatters(spec: ChartSpec): ChartConfiguration {
  const config = structuredClone(spec.config);
  const format = spec.format;
  const x = (config.options?.scales as Record<string, Record<string, unknown>> | undefined)?.x;
  if (!format || !x || (x.type !== 'linear' && x.type !== 'logarithmic')) return config;
  const ticks = (x.ticks ?? {}) as Record<string, unknown>;
  if (x.type === 'logarithmic') {
    // Label powers of ten only: chart.js's 1-2-5 choice crowds a narrow axis ("$50M$100M").
    ticks.callback = (value: number | string): string => {
      const n = Number(value);
      const exponent = Math.log10(n);
      return n > 0 && Math.abs(exponent - Math.round(exponent)) < 1e-9 ? formatValue(n, format) : '';
    };
  } else {
    ticks.callback = (value: number | string): string => formatValue(Number(value), format);
  }
  x.ticks = ticks;
  return config;
}

export interface RenderOptions {
  /**
   * How text is written: `text` (default) as SVG `<text>` elements in the chart font's family, for
   * svg-to-pdfkit to set in the PDF's embedded font (fast, small, selectable); `outlines` as glyph
   * paths drawn by cairo, self-contained in any viewer but about ten times slower and larger.
   * Right-to-left text is drawn as outlines either way.
   */
  text?: 'text' | 'outlines';
}

/**
 * SVGs drawn in this process, by spec and options; the output is a pure function of the key, so a
 * hit is exact. Small: the same chart is drawn again soon or never (a document's brief, then its
 * part of the pack), and a process may draw the charts of thousands of documents.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 64;

/** Draw a spec as SVG, synchronously. The same spec and options give the same bytes. */
export function renderChartSvgSync(spec: ChartSpec, options: RenderOptions = {}): string {
  const key = `${options.text ?? 'text'}\n${JSON.stringify(spec)}`;
  const hit = drawn.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest entry is the one evicted.
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = drawSvg(spec, options);
  if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, svg);
  return svg;
}

function drawSvg(spec: ChartSpec, options: RenderOptions): string {
  const { canvas } = rendererFor(spec.width, spec.height);
  const config = withFormatters(spec);
  if (options.text === 'outlines') {
    return normaliseSvg(canvas.renderToBufferSync(config, 'image/svg+xml').toString('utf8'));
  }
  const { result, runs } = captureText(() => canvas.renderToBufferSync(config, 'image/svg+xml'));
  const svg = normaliseSvg(result.toString('utf8'));
  const end = svg.lastIndexOf('</svg>');
  if (end === -1) throw new Error(`@briefs/charts: cairo wrote no SVG for chart ${spec.id}`);
  return `${svg.slice(0, end)}${textElements(runs, chartSvgFontFamily())}${svg.slice(end)}`;
}

/** Draw a spec as SVG. See {@link renderChartSvgSync}. */
export async function renderChartSvg(spec: ChartSpec, options: RenderOptions = {}): Promise<string> {
  return renderChartSvgSync(spec, options);
}

/** How many renderers (canvas sizes) are alive; for tests and the benchmark. */
export function rendererCount(): number {
  return renderers.size;
}

/** Forget the SVGs drawn so far (the benchmark measures drawing, not the cache). */
export function clearRenderCache(): void {
  drawn.clear();
}
