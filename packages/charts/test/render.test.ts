import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ChartSpec } from '../src/index.js';
import { briefCharts, packCharts, renderChartSvg, renderChartSvgSync } from '../src/index.js';
import { clearRenderCache, rendererCount } from '../src/render/render-svg.js';
import { brief, claim, richBrief } from './fixtures.js';
import { checkWellFormed } from './xml.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const specs = briefCharts(richBrief());

/** Path data with curve commands: glyph outlines (bars, axes and grid lines are straight). */
function curvedPaths(svg: string): number {
  return [...svg.matchAll(/<path[^>]*\sd="([^"]*)"/g)].filter((m) => /[CQ]/.test(m[1]!)).length;
}

/** Characters of curved path data: grows with the amount of text drawn. */
function glyphData(svg: string): number {
  return [...svg.matchAll(/<path[^>]*\sd="([^"]*)"/g)].filter((m) => /[CQ]/.test(m[1]!)).reduce((n, m) => n + m[1]!.length, 0);
}

describe('renderChartSvg', () => {
  test.each(specs.map((s) => [s.id, s] as const))('%s: well-formed vector SVG of the spec size', async (_id, spec) => {
    const svg = await renderChartSvg(spec);
    expect(svg.startsWith('<?xml')).toBe(true);
    const check = checkWellFormed(svg);
    if (!check.ok) throw new Error(check.error);
    expect(svg).toMatch(new RegExp(`<svg [^>]*viewBox="0 0 ${spec.width} ${spec.height}"`));
    expect(check.elements.get('path') ?? 0).toBeGreaterThan(10);
    // Vector only: no embedded raster (chartjs-node-canvas's background option would add one).
    expect(check.elements.has('image')).toBe(false);
    expect(svg).not.toContain('data:image');
    // Text comes out as <text>, with the chart's labels in it.
    expect(check.elements.get('text') ?? 0).toBeGreaterThan(4);
    const firstLabel = (spec.config.data.labels as string[][])[0]![0]!;
    expect(svg).toContain(`>${firstLabel.replace(/&/g, '&amp;')}</text>`);
    expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+" font-family="Noto Sans, sans-serif" font-size="\d+"/);
  });

  test.each(specs.map((s) => [s.id, s] as const))('%s: with text as outlines, glyph paths and no <text>', (_id, spec) => {
    const svg = renderChartSvgSync(spec, { text: 'outlines' });
    const check = checkWellFormed(svg);
    if (!check.ok) throw new Error(check.error);
    expect(check.elements.has('text')).toBe(false);
    expect(curvedPaths(svg)).toBeGreaterThan(5);
  });

  test('text positions: labels right-aligned left of the plot, values after the bars', () => {
    const spec = specs.find((s) => s.kind === 'claim-kinds')!;
    const svg = renderChartSvgSync(spec);
    const label = /<text x="([\d.]+)" y="([\d.]+)"[^>]*text-anchor="end"[^>]*>Statements<\/text>/.exec(svg);
    const value = /<text x="([\d.]+)" y="([\d.]+)"[^>]*>6 \(60%\)<\/text>/.exec(svg);
    expect(label).not.toBeNull();
    expect(value).not.toBeNull();
    // Same row: baselines within a pixel; the value sits right of the label.
    expect(Math.abs(Number(label![2]) - Number(value![2]))).toBeLessThan(1);
    expect(Number(value![1])).toBeGreaterThan(Number(label![1]) + 100);
    // Inside the canvas.
    expect(Number(value![1])).toBeLessThan(spec.width);
    expect(Number(label![2])).toBeLessThan(spec.height);
  });

  test('the background is one rect in the theme colour, or none', async () => {
    const spec = specs[0]!;
    expect(await renderChartSvg(spec)).toMatch(/<rect x="0" y="0" width="480" height="\d+" style="fill:rgb\(100%,100%,100%\)/);
    const clear = briefCharts(richBrief(), { theme: { background: null } })[0]!;
    expect(await renderChartSvg(clear)).not.toContain('<rect');
  });

  test('labels are drawn: more text, more glyph outlines', () => {
    const spec = specs.find((s) => s.kind === 'claim-kinds')!;
    const blank: ChartSpec = structuredClone(spec);
    blank.config.data.labels = [[''], [''], [''], ['']];
    clearRenderCache();
    const withLabels = glyphData(renderChartSvgSync(spec, { text: 'outlines' }));
    const without = glyphData(renderChartSvgSync(blank, { text: 'outlines' }));
    // "Statements", "Attributed claims", "Forecasts", "Recommendations": ~50 glyphs of outline.
    expect(withLabels).toBeGreaterThan(without + 5000);
  });

  test('same spec, same bytes — also after other charts were drawn in between', () => {
    const spec = specs.find((s) => s.kind === 'timeline')!;
    const a = renderChartSvgSync(spec);
    const outlines = renderChartSvgSync(spec, { text: 'outlines' });
    expect(renderChartSvgSync(spec)).toBe(a); // from the cache
    // Drawn again, not from the cache.
    clearRenderCache();
    for (const other of specs) renderChartSvgSync(other);
    clearRenderCache();
    expect(renderChartSvgSync(spec)).toBe(a);
    expect(renderChartSvgSync(spec, { text: 'outlines' })).toBe(outlines);
    // cairo's global counters are renumbered.
    expect(a).toContain('id="surface1"');
  });

  test('a spec is not modified by rendering', () => {
    const spec = specs[0]!;
    const before = JSON.stringify(spec);
    renderChartSvgSync(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  test('Arabic names are drawn with the registered Arabic font', () => {
    const b = brief('ar', [
      claim('طهران وبغداد، ثم طهران.', [
        { type: 'entity', text: 'طهران', kind: 'place' },
        { type: 'entity', text: 'بغداد', kind: 'place' },
      ]),
      claim('طهران مرة أخرى.', [{ type: 'entity', text: 'طهران', kind: 'place' }]),
    ]);
    const spec = briefCharts(b)[0]!;
    const svg = renderChartSvgSync(spec);
    expect(checkWellFormed(svg).ok).toBe(true);
    // Right-to-left names stay outlines (shaped and ordered by pango); the Latin ticks are text.
    expect(curvedPaths(svg)).toBeGreaterThanOrEqual(2);
    expect(svg).not.toMatch(/[\u0600-\u06ff]/);
    expect(svg).toContain('>0</text>');
  });

  test('renderers are reused: 50 charts, few canvas sizes, memory levels off', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      brief(`doc${i}`, [
        claim(`Agency ${i} spent $${i + 2} million in Iraq.`, [
          { type: 'figure', text: `$${i + 2} million`, value: (i + 2) * 1e6, kind: 'money', unit: 'USD' },
          { type: 'entity', text: 'Iraq', kind: 'place' },
        ]),
        claim(`It spent $${(i + 1) * 3} million in Syria in ${2000 + (i % 20)} and in Iraq.`, [
          { type: 'figure', text: `$${(i + 1) * 3} million`, value: (i + 1) * 3e6, kind: 'money', unit: 'USD' },
          { type: 'date', text: `${2000 + (i % 20)}`, value: `${2000 + (i % 20)}` },
          { type: 'entity', text: 'Iraq', kind: 'place' },
        ], 'forecast'),
        claim(`By ${2021 + (i % 5)} it plans more in Syria.`, [
          { type: 'date', text: `${2021 + (i % 5)}`, value: `${2021 + (i % 5)}` },
          { type: 'entity', text: 'Syria', kind: 'place' },
        ]),
      ]),
    );
    const all = many.flatMap((b) => briefCharts(b)).slice(0, 50);
    expect(all).toHaveLength(50);
    // Warm up with the first ten, then measure all 50 drawn (not taken from the cache).
    for (const s of all.slice(0, 10)) renderChartSvgSync(s);
    clearRenderCache();
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (const s of all) renderChartSvgSync(s);
    global.gc?.();
    const growth = (process.memoryUsage().rss - before) / 1e6;
    expect(rendererCount()).toBeLessThanOrEqual(12);
    // One leaked renderer per chart costs several MB each; 50 of them would show.
    expect(growth).toBeLessThan(80);
  });

  test('pack charts render too', () => {
    const a = richBrief('a');
    const b = richBrief('b');
    b.meta.title = 'Another';
    for (const spec of packCharts([a, b])) expect(checkWellFormed(renderChartSvgSync(spec)).ok).toBe(true);
  });
});

// The same bytes in another process and another time zone (the build in dist/ must be current:
// turbo runs `build` before `test`).
const dist = `${packageRoot}dist/index.js`;
describe.runIf(existsSync(dist))('across processes', () => {
  test('same SVG bytes in fresh processes under different time zones and locales', () => {
    // Every chart of the rich brief: time, log and linear axes, legend, value labels.
    const script = `import { renderChartSvgSync } from ${JSON.stringify(dist)};
      import { createHash } from 'node:crypto';
      let input = ''; process.stdin.on('data', (d) => input += d).on('end', () => {
        const hash = createHash('sha256');
        for (const spec of JSON.parse(input)) hash.update(renderChartSvgSync(spec));
        process.stdout.write(hash.digest('hex'));
      });`;
    const run = (tz: string, lang = 'C.UTF-8') =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        input: JSON.stringify(specs),
        env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang },
        encoding: 'utf8',
      });
    const tokyo = run('Asia/Tokyo');
    expect(run('America/Los_Angeles', 'de_DE.UTF-8')).toBe(tokyo);
    expect(run('UTC', 'ar_EG.UTF-8')).toBe(tokyo);
  }, 240_000); // three cold Node processes loading canvas: slow on a shared 2-core machine
});
