// Warm timings of @briefs/charts: ms per chart spec (AST → chart.js config) and per SVG render.
// Run `pnpm bench` (builds first through turbo's `bench` → `build` dependency, or `pnpm build`).
// Input: briefs made up in the shape the parser produces (figures, dates, entities in claims),
// so the numbers do not depend on the state of the parser.
import { performance } from 'node:perf_hooks';
import { briefCharts, packCharts, renderChartSvgSync } from '../dist/index.js';
import { clearRenderCache } from '../dist/render/render-svg.js';

const KINDS = ['statement', 'attributed', 'forecast', 'recommendation'];
const PLACES = ['Iraq', 'Syria', 'Turkey', 'United States', 'Iran', 'Jordan', 'Lebanon'];
const ORGS = ['United Nations', 'NATO', 'ISIS', 'European Union'];

function makeBrief(n) {
  const claims = [];
  for (let i = 0; i < 60; i++) {
    const money = `$${(i % 9) + 1}${i % 3 === 0 ? '00' : ''} million`;
    const year = String(2005 + ((i * 7 + n) % 18));
    const place = PLACES[(i + n) % PLACES.length];
    const org = ORGS[(i * 3 + n) % ORGS.length];
    const text = `In ${year} the ${org} said ${place} received ${money} and ${i + 3}% more aid than expected.`;
    const at = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
    const children = [
      { type: 'date', id: `d${i}`, range: at(year), text: year, value: year, precision: 'year' },
      { type: 'entity', id: `e${i}o`, range: at(org), text: org, name: org, kind: 'organization' },
      { type: 'entity', id: `e${i}p`, range: at(place), text: place, name: place, kind: 'place' },
    ];
    if (i % 4 === 0) {
      const value = ((i % 9) + 1) * (i % 3 === 0 ? 100 : 1) * 1e6;
      children.push({ type: 'figure', id: `f${i}`, range: at(money), text: money, value, unit: 'USD', kind: 'money', approximate: false, valueMax: null, subject: null });
      children.push({ type: 'figure', id: `p${i}`, range: at(`${i + 3}%`), text: `${i + 3}%`, value: i + 3, unit: '%', kind: 'percent', approximate: false, valueMax: null, subject: null });
    }
    children.sort((a, b) => a.range[0] - b.range[0]);
    claims.push({ type: 'claim', id: `c${i + 1}`, kind: KINDS[(i * 5 + n) % 4], text, source: null, hedge: null, children });
  }
  return {
    type: 'brief',
    id: `doc-${n}`,
    meta: {
      title: `Document ${n}`, summary: '', authors: [], published: '2019-11-07', updated: null, publisher: 'X', sourceUrl: '',
      language: 'en', kind: 'Analysis', translations: [], topics: [['Energy', 'Security', 'Aid'][n % 3]], regions: [PLACES[n % 3]], related: [],
    },
    children: [{ type: 'section', id: 's0', depth: 0, heading: null, children: [{ type: 'paragraph', children: claims }] }],
  };
}

function time(label, runs, fn) {
  fn(); // warm
  const start = performance.now();
  let out;
  for (let i = 0; i < runs; i++) {
    // Measure drawing: renderChartSvg keeps what it drew for the process.
    clearRenderCache();
    out = fn(i);
  }
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms`);
  return out;
}

const briefs = Array.from({ length: 100 }, (_, i) => makeBrief(i));
const specs = time('briefCharts (60 claims → specs), per brief', 50, (i = 0) => briefCharts(briefs[i % 100]));
console.log(`  ${specs.length} charts per brief: ${specs.map((s) => s.kind).join(', ')}`);
time('packCharts (100 briefs → specs)', 5, () => packCharts(briefs));

// Warm every renderer size first: the first chart of a size pays for loading chart.js.
for (const s of specs) renderChartSvgSync(s);
let bytes = 0;
for (const spec of specs) {
  time(`renderChartSvg ${spec.kind} ${spec.width}×${spec.height}`, 10, () => {
    const svg = renderChartSvgSync(spec);
    bytes = svg.length;
    return svg;
  });
  console.log(`  ${(bytes / 1024).toFixed(0)} KiB SVG`);
}
const outline = specs[0];
time(`renderChartSvg ${outline.kind}, text as outlines`, 5, () => {
  const svg = renderChartSvgSync(outline, { text: 'outlines' });
  bytes = svg.length;
  return svg;
});
console.log(`  ${(bytes / 1024).toFixed(0)} KiB SVG`);
time('all charts of one brief (specs + SVG)', 10, (i = 0) => {
  for (const s of briefCharts(briefs[i % 100])) renderChartSvgSync(s);
});
const packSpecs = packCharts(briefs);
for (const s of packSpecs) renderChartSvgSync(s);
time(`pack charts of 100 briefs (${packSpecs.length} charts, specs + SVG)`, 3, () => {
  for (const s of packCharts(briefs)) renderChartSvgSync(s);
});
const all = briefs.flatMap((b) => briefCharts(b));
for (const s of all) renderChartSvgSync(s);
const cached = performance.now();
for (const s of all) renderChartSvgSync(s);
console.log(`${`charts of 100 briefs drawn again (${all.length}, from the cache)`.padEnd(44)} ${(performance.now() - cached).toFixed(2).padStart(8)} ms`);
