import type { Chart, Plugin } from 'chart.js';

/**
 * Paints the chart's background. chartjs-node-canvas's own `backgroundColour` option is not used:
 * on an SVG canvas it embeds a full-size raster image.
 */
export const backgroundPlugin: Plugin<'bar', { color?: string | null }> = {
  id: 'briefsBackground',
  beforeDraw(chart: Chart, _args, options) {
    if (!options.color) return;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

interface ValueLabelOptions {
  /** Per dataset, per row: the text written after the bar, or null. */
  labels?: Array<Array<string | null>>;
  color?: string;
  size?: number;
}

/**
 * Writes each bar's value label (precomputed in the spec: "$400M", "27 Oct 2019") just past the end
 * of the bar, so a reader needs no gridlines to read a value.
 */
export const valueLabelsPlugin: Plugin<'bar', ValueLabelOptions> = {
  id: 'briefsValueLabels',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const labels = options.labels;
    if (!Array.isArray(labels)) return;
    const { ctx } = chart;
    const family = String(chart.options.font?.family ?? 'sans-serif');
    ctx.save();
    ctx.fillStyle = options.color ?? '#000000';
    ctx.font = `${options.size ?? 10}px ${family}`;
    ctx.textBaseline = 'middle';
    labels.forEach((row, di) => {
      const meta = chart.getDatasetMeta(di);
      if (!Array.isArray(row) || meta.hidden) return;
      meta.data.forEach((element, i) => {
        const text = row[i];
        if (typeof text !== 'string' || text === '') return;
        const { x, y, base } = element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        // Past the end of the bar; a bar that goes negative has its label just right of zero, where
        // it cannot run into the row labels left of the plot.
        ctx.textAlign = 'left';
        ctx.fillText(text, Math.max(x, base) + 4, y);
      });
    });
    ctx.restore();
  },
};
