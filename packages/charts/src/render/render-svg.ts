import { createRequire } from 'node:module';
import type { Chart as ChartClass, ChartConfiguration } from 'chart.js';
import { formatValue } from '../format-value.js';
import type { ChartSpec } from '../types.js';
import { CHART_FONT_FAMILY, chartSvgFontFamily, registerChartFonts } from './fonts.js';
import { measureCachePlugin } from './measure-cache.js';
import { normaliseSvg } from './normalise-svg.js';
import { backgroundPlugin, valueLabelsPlugin } from './plugins.js';
import { captureText, textCapturePlugin, textElements } from './svg-text.js';
import { utcDateAdapter } from './utc-date-adapter.js';

// chart.js (its CommonJS build) and canvas are loaded the CommonJS way.
const require = createRequire(import.meta.url);

type ChartStatic = typeof ChartClass;
type DateAdapters = { _adapters: { _date: { override(members: object): void } } };

interface Renderer {
  Chart: ChartStatic;
  createCanvas: typeof import('canvas').createCanvas;
}

let renderer: Renderer | null = null;

/**
 * One chart.js for every chart of the process, drawing on a fresh cairo SVG canvas per chart.
 * (chartjs-node-canvas, used before, loaded a fresh copy of chart.js per canvas size: four copies
 * of the same code to compile and warm up.) Only what the bar charts use is registered: no
 * tooltip, filler, decimation, subtitle or colour plugins to be called at every hook.
 */
function rendererOf(): Renderer {
  if (renderer) return renderer;
  registerChartFonts();
  const { createCanvas } = require('canvas') as typeof import('canvas');
  const chartJs = require('chart.js') as typeof import('chart.js');
  const Chart = chartJs.Chart as ChartStatic;
  Chart.register(
    chartJs.BarController,
    chartJs.BarElement,
    chartJs.CategoryScale,
    chartJs.LinearScale,
    chartJs.LogarithmicScale,
    chartJs.TimeScale,
    chartJs.Legend,
    chartJs.Title,
  );
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.animation = false;
  Chart.defaults.devicePixelRatio = 1;
  // Number formats must not follow the machine's locale (LANG): same chart, same bytes.
  Chart.defaults.locale = 'en-US';
  (chartJs as unknown as DateAdapters)._adapters._date.override(utcDateAdapter);
  Chart.register(measureCachePlugin, textCapturePlugin, backgroundPlugin, valueLabelsPlugin);
  renderer = { Chart, createCanvas };
  return renderer;
}

/** Draws a chart.js configuration on a new SVG canvas of the size and returns cairo's SVG. */
function drawToSvgBuffer(config: ChartConfiguration, width: number, height: number): Buffer {
  const { Chart, createCanvas } = rendererOf();
  const canvas = createCanvas(width, height, 'svg') as ReturnType<typeof createCanvas> & { style?: object };
  canvas.style = {};
  config.options = { ...config.options, responsive: false, animation: false };
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return canvas.toBuffer('image/svg+xml' as never) as unknown as Buffer;
  } finally {
    chart.destroy();
  }
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
 * SVGs drawn in this process, by spec and options. A pack draws every brief's charts again after
 * the briefs were drawn on their own; the output is a pure function of the key, so a hit is exact.
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 2000;

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
  const config = withFormatters(spec);
  if (options.text === 'outlines') {
    return normaliseSvg(drawToSvgBuffer(config, spec.width, spec.height).toString('utf8'));
  }
  const { result, runs } = captureText(() => drawToSvgBuffer(config, spec.width, spec.height));
  const svg = normaliseSvg(result.toString('utf8'));
  const end = svg.lastIndexOf('</svg>');
  if (end === -1) throw new Error(`@briefs/charts: cairo wrote no SVG for chart ${spec.id}`);
  return `${svg.slice(0, end)}${textElements(runs, chartSvgFontFamily())}${svg.slice(end)}`;
}

/** Draw a spec as SVG. See {@link renderChartSvgSync}. */
export async function renderChartSvg(spec: ChartSpec, options: RenderOptions = {}): Promise<string> {
  return renderChartSvgSync(spec, options);
}

/** How many chart.js instances are alive (one, once a chart was drawn); for tests. */
export function rendererCount(): number {
  return renderer ? 1 : 0;
}

/** Forget the SVGs drawn so far (the benchmark measures drawing, not the cache). */
export function clearRenderCache(): void {
  drawn.clear();
}
