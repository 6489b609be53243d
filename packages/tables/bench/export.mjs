#!/usr/bin/env node
// Exports N synthetic documents (generated one at a time, never all in memory) through
// writeTables and prints wall time, peak RSS (VmHWM from /proc, else sampled rss) and sizes.
//   node bench/export.mjs                 → runs 1,000 and 10,000 documents, each in its own process
//   node bench/export.mjs --docs 10000 [--no-xlsx] [--out DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (!value('--docs')) {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const docs of [1000, 10000]) {
    const child = spawnSync(process.execPath, [self, '--docs', String(docs), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) process.exit(child.status ?? 1);
    process.stdout.write(child.stdout);
    rows.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const [small, large] = rows;
  console.log(
    `\n10x the documents: ${(large.seconds / small.seconds).toFixed(1)}x the wall time, ${(large.cpuSeconds / small.cpuSeconds).toFixed(1)}x the CPU time, ${(large.peakRssMiB / small.peakRssMiB).toFixed(2)}x the peak RSS`,
  );
  process.exit(0);
}

const { writeTables } = await import('../dist/index.js');
const docs = Number(value('--docs'));
const xlsx = !flag('--no-xlsx');
const out = value('--out') ?? mkdtempSync(path.join(tmpdir(), 'briefs-tables-bench-'));

// Deterministic PRNG (mulberry32) so every run exports the same data.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[int(0, list.length - 1)];
const WORDS = ['coalition', 'ministers', 'ceasefire', 'sanctions', 'grid', 'refugees', 'budget', 'talks', 'drones', 'reconstruction', 'inflation', 'allies', 'border', 'detainees', 'aid', 'energy'];
const ODD = ['“quoted, with commas”', 'Київ', 'طهران', 'تهران', '🇺🇦', '=SUM(A1)', '-minus', 'line\nbreak', '007', '"double"'];
const sentence = () => {
  const n = int(8, 30);
  const words = Array.from({ length: n }, () => (random() < 0.05 ? pick(ODD) : pick(WORDS)));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};
const at = (line, column) => ({ start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 1 } });

function makeBrief(d) {
  let line = 1;
  const ids = { c: 0, f: 0, d: 0, q: 0, e: 0 };
  const sections = [];
  for (let s = 0; s < int(3, 9); s++) {
    const children = [];
    for (let p = 0; p < int(2, 7); p++) {
      const claims = [];
      for (let k = 0; k < int(1, 5); k++) {
        const text = sentence();
        const inlines = [];
        for (let i = 0; i < int(0, 3); i++)
          inlines.push({ type: 'figure', id: `f${++ids.f}`, text: 'some 2,000', value: random() < 0.1 ? null : int(-1000, 1e9) / pick([1, 10, 100]), unit: pick([null, 'USD', '%', 'km']), kind: pick(['money', 'count', 'percent', 'measure']), approximate: random() < 0.3, valueMax: random() < 0.1 ? 1e12 : null, subject: pick([null, 'fighters', 'homes']), range: [0, 4], position: at(line, 5) });
        for (let i = 0; i < int(0, 2); i++)
          inlines.push({ type: 'date', id: `d${++ids.d}`, text: 'in October', value: pick(['2019', '2019-10', '2022-02-24', '2007/2009']), precision: pick(['year', 'month', 'day']), range: [0, 4] });
        if (random() < 0.2) inlines.push({ type: 'quote', id: `q${++ids.q}`, text: sentence(), speaker: pick([null, 'A. Minister']), range: [0, 4] });
        for (let i = 0; i < int(0, 3); i++) inlines.push({ type: 'entity', id: `e${++ids.e}`, text: 'U.S.', name: 'United States', kind: pick(['person', 'organization', 'place']), range: [0, 4] });
        if (random() < 0.15) inlines.push({ type: 'link', url: `https://example.org/${d}/${ids.c}`, text: 'report', range: [0, 4] });
        claims.push({ type: 'claim', id: `c${++ids.c}`, kind: pick(['statement', 'attributed', 'forecast', 'recommendation']), text, source: null, hedge: random() < 0.2 ? 'may' : null, children: inlines, position: at(line, 1) });
        line++;
      }
      children.push({ type: 'paragraph', children: claims });
      line++;
    }
    sections.push({ type: 'section', id: `s${s}`, depth: s === 0 ? 0 : 2, heading: s === 0 ? null : sentence(), children, position: at(line, 1) });
  }
  return {
    type: 'brief',
    id: `doc-${String(d).padStart(5, '0')}`,
    meta: { title: sentence(), summary: sentence(), authors: [{ name: 'Ada Lovelace' }], published: '2024-01-15', updated: null, publisher: 'Example Institute', sourceUrl: `https://example.org/${d}`, language: 'en', kind: 'Commentary', translations: [], topics: ['Energy'], regions: ['Ukraine'], related: [] },
    children: sections,
    source: { path: `corpus/doc-${d}.md`, format: 'markdown', encoding: 'utf-8', bytes: 20000, sha256: 'ab'.repeat(32) },
  };
}

function* briefs() {
  for (let d = 0; d < docs; d++) yield makeBrief(d);
}

let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 20);
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
const summary = await writeTables(briefs(), out, { xlsx });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
let peak = sampledPeak;
try {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (hwm) peak = Number(hwm[1]) * 1024;
} catch {}
const sizes = Object.fromEntries(readdirSync(out).map((n) => [n, statSync(path.join(out, n)).size]));
const totalRows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
const mib = (n) => Math.round((n / 1048576) * 10) / 10;
console.log(
  `${docs} documents, ${totalRows} rows (${Object.entries(summary.rows).map(([k, v]) => `${k} ${v}`).join(', ')})\n` +
    `  ${xlsx ? 'CSV + datapackage.json + briefs.xlsx' : 'CSV + datapackage.json'}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (generation included), peak RSS ${mib(peak)} MiB; ` +
    `CSV ${mib(Object.entries(sizes).filter(([n]) => n.endsWith('.csv')).reduce((a, [, v]) => a + v, 0))} MiB, xlsx ${mib(sizes['briefs.xlsx'] ?? 0)} MiB`,
);
if (!value('--out')) rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({ docs, rows: totalRows, seconds, cpuSeconds, peakRssMiB: mib(peak), xlsx }));
