/**
 * Render bench: ms per brief (warm, charts included), ms per chart (spec + SVG + embedding), and
 * a 100-document pack. Run with `pnpm bench:render` (after a build). Targets: a brief ≤ 150 ms
 * warm; a 100-document pack ≤ 30 s.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderBrief, renderPack } from '../dist/index.js';
import { syntheticBrief } from './synthetic.mjs';

const charts = await import('@briefs/charts').catch(() => null);
const hasCharts = charts && typeof charts.briefCharts === 'function';
// Distinct briefs for every measurement: chart SVGs are cached by spec within a process (as
// `briefs build` reuses a brief's charts for the pack), so a brief drawn twice would flatter.
const briefs = Array.from({ length: 200 }, (_, i) => syntheticBrief(i));

// Warm up: fonts parsed, code compiled, chart renderers made.
for (let i = 0; i < 5; i++) await renderBrief(briefs[i], { date: 0 });

const N = 20;
const cpu = (c) => { const u = process.cpuUsage(c); return (u.user + u.system) / 1000; };
let t = performance.now();
let c = process.cpuUsage();
for (let i = 0; i < N; i++) await renderBrief(briefs[10 + i], { date: 0 });
const withCharts = (performance.now() - t) / N;
const withChartsCpu = cpu(c) / N;
t = performance.now();
c = process.cpuUsage();
for (let i = 0; i < N; i++) await renderBrief(briefs[10 + N + i], { date: 0, charts: false });
const withoutCharts = (performance.now() - t) / N;
const withoutChartsCpu = cpu(c) / N;

let chartCount = 0;
let chartMs = 0;
let chartCpu = 0;
let svgOnly = 0;
let svgCpu = 0;
if (hasCharts) {
  for (let i = 0; i < N; i++) chartCount += charts.briefCharts(briefs[10 + i]).length;
  chartMs = ((withCharts - withoutCharts) * N) / Math.max(1, chartCount);
  chartCpu = ((withChartsCpu - withoutChartsCpu) * N) / Math.max(1, chartCount);
  t = performance.now();
  c = process.cpuUsage();
  let svgs = 0;
  for (let i = 60; i < 70; i++) for (const spec of charts.briefCharts(briefs[i])) { await charts.renderChartSvg(spec); svgs++; }
  svgOnly = (performance.now() - t) / Math.max(1, svgs);
  svgCpu = cpu(c) / Math.max(1, svgs);
}

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (wall times grow with load; CPU time is this process's)`);
console.log(`brief (warm, with charts):    ${withCharts.toFixed(1)} ms per brief (CPU ${withChartsCpu.toFixed(1)} ms)`);
console.log(`brief (warm, without charts): ${withoutCharts.toFixed(1)} ms per brief (CPU ${withoutChartsCpu.toFixed(1)} ms)`);
if (hasCharts) {
  console.log(`charts: ${(chartCount / N).toFixed(1)} per brief; ${chartMs.toFixed(1)} ms per chart in a brief (CPU ${chartCpu.toFixed(1)} ms), of which SVG rendering by @briefs/charts ${svgOnly.toFixed(1)} ms (CPU ${svgCpu.toFixed(1)} ms)`);
} else console.log('charts: @briefs/charts API not available, briefs drawn without charts');

// The reference article, parsed, when the shared corpus is there (text never copied here).
const reference = `${process.env.BRIEFS_SHARED ?? new URL('../../../../shared', import.meta.url).pathname}/corpus/real/00-winep-counter-isis-coalition.md`;
const parser = await import('@briefs/parser').catch(() => null);
if (parser && (await import('node:fs')).existsSync(reference)) {
  const brief = await parser.parseFile(reference);
  const n = hasCharts ? charts.briefCharts(brief).length : 0;
  await renderBrief(brief, { date: 0 }); // draws and caches its chart SVGs
  t = performance.now();
  c = process.cpuUsage();
  for (let i = 0; i < 10; i++) await renderBrief(brief, { date: 0 });
  console.log(`reference article brief (warm, ${n} charts, SVGs cached as in a build's pack pass): ${((performance.now() - t) / 10).toFixed(1)} ms (CPU ${(cpu(c) / 10).toFixed(1)} ms)`);
  t = performance.now();
  c = process.cpuUsage();
  for (let i = 0; i < 10; i++) await renderBrief(brief, { date: 0, charts: false });
  console.log(`reference article brief (warm, without charts): ${((performance.now() - t) / 10).toFixed(1)} ms (CPU ${(cpu(c) / 10).toFixed(1)} ms)`);
}

t = performance.now();
c = process.cpuUsage();
const pack = await renderPack(briefs.slice(100, 200), { title: 'Bench pack', subtitle: '100 synthetic documents', date: 0 });
const packMs = performance.now() - t;
console.log(`pack of 100 documents: ${(packMs / 1000).toFixed(2)} s (CPU ${(cpu(c) / 1000).toFixed(2)} s), ${(pack.length / 1e6).toFixed(1)} MB`);
console.log(`targets: brief ≤ 150 ms warm ${withCharts <= 150 ? 'MET' : 'MISSED'}; 100-document pack ≤ 30 s ${packMs <= 30000 ? 'MET' : 'MISSED'}`);
