import type { Chart, Plugin } from 'chart.js';

/**
 * chart.js measures every tick label and legend item of every chart anew, and node-canvas builds a
 * pango layout for each measurement (~0.1 ms). Labels repeat across charts ("0", "$10M", kind
 * names), so metrics are kept per font and text for the process. A metric depends only on the font
 * files (registered once) and the font string, so the cache cannot change what is drawn.
 */

interface Metrics {
  width: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
  emHeightAscent: number;
  emHeightDescent: number;
  alphabeticBaseline: number;
}

interface MeasuringContext {
  font: string;
  textBaseline: string;
  textAlign: string;
  measureText(text: string): Metrics;
}

/** Enough for the labels of many packs; cleared whole when full (simple, and still correct). */
const MAX_ENTRIES = 50_000;
const cache = new Map<string, Metrics>();

export const measureCachePlugin: Plugin = {
  id: 'briefsMeasureCache',
  beforeInit(chart: Chart) {
    const ctx = chart.ctx as unknown as MeasuringContext;
    const measure = ctx.measureText.bind(ctx);
    ctx.measureText = (text: string): Metrics => {
      const key = `${ctx.font}\u0000${ctx.textBaseline}\u0000${ctx.textAlign}\u0000${text}`;
      let m = cache.get(key);
      if (m === undefined) {
        const raw = measure(text);
        m = Object.freeze({
          width: raw.width,
          actualBoundingBoxLeft: raw.actualBoundingBoxLeft,
          actualBoundingBoxRight: raw.actualBoundingBoxRight,
          actualBoundingBoxAscent: raw.actualBoundingBoxAscent,
          actualBoundingBoxDescent: raw.actualBoundingBoxDescent,
          emHeightAscent: raw.emHeightAscent,
          emHeightDescent: raw.emHeightDescent,
          alphabeticBaseline: raw.alphabeticBaseline,
        });
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(key, m);
      }
      return m;
    };
  },
};
