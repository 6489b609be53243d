#!/usr/bin/env node
/**
 * `pnpm bench:parse`: ms per document and MB/s for bare `unified().use(remarkParse).parse()`,
 * for our structural parse (pass-through page cleaning and extraction: the part issue 2 targets
 * at ≤ 1.5× remark) and for the full `parseBrief` (cleaning + extraction: issue 3 targets ≤ 2×),
 * on the real corpus and the repo's examples/. Runs against dist/: build first.
 *
 * Each text is parsed many times over: nothing may carry from one parse to the next (the page
 * cleaning's memo tables are emptied when a page starts), or the runs would time cache hits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseBrief } from '../dist/index.js';
import { parseBriefWith } from '../dist/parse-brief.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
// 50 timed runs: more runs make the sums of minima steadier on a shared machine. Full ÷ remark of
// one build on our 2-core machine: 1.76–2.02× in three bench runs of 20, 1.69–1.90× in ten of 50.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);

const sources = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(md|markdown|txt|html)$/.test(f) && f !== 'README.md')
        .sort()
        .map((f) => path.join(dir, f))
    : [];
const files = [...sources(path.join(shared, 'corpus/real')), ...sources(path.join(repoRoot, 'examples'))];
if (files.length === 0) {
  console.error('no documents found (set BRIEFS_SHARED)');
  process.exit(1);
}

const meta = { title: '', summary: '', authors: [], published: null, updated: null, publisher: '', sourceUrl: '', language: 'en', kind: '', translations: [], topics: [], regions: [], related: [] };
const passThrough = (units) => ({ meta, decisions: units.map((u) => (u.kind === 'heading' ? { role: 'heading', depth: u.depth } : { role: 'body' })), residue: [] });
const noExtraction = () => ({ analyze: () => ({ kind: 'statement', source: null, hedge: null, inlines: [] }) });
const remark = unified().use(remarkParse);

const docs = files.map((file) => {
  const bytes = readFileSync(file);
  return { file, bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
});
const runners = {
  remark: (d) => remark.parse(d.text),
  structure: (d) => parseBriefWith(passThrough, d.bytes, { path: d.file }, noExtraction),
  full: (d) => parseBrief(d.bytes, { path: d.file }),
};

/**
 * Runners interleaved (remark, structure, full, remark, …) so a busy machine slows all alike;
 * per runner the minimum and the median of ITERATIONS timed runs after WARMUP untimed ones.
 * The minimum is the steadier figure on a shared machine; both are printed.
 */
function timeAll(doc) {
  for (let i = 0; i < WARMUP; i++) for (const run of Object.values(runners)) run(doc);
  const samples = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
  for (let i = 0; i < ITERATIONS; i++) {
    for (const [name, run] of Object.entries(runners)) {
      const t = process.hrtime.bigint();
      run(doc);
      samples[name].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const out = {};
  for (const [name, xs] of Object.entries(samples)) {
    xs.sort((a, b) => a - b);
    out[name] = { min: xs[0], median: xs[Math.floor(xs.length / 2)] };
  }
  return out;
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, w = 9) => x.toFixed(2).padStart(w);
console.log(`${WARMUP} warm-up + ${ITERATIONS} timed runs per document, runners interleaved; node ${process.version}`);
console.log('ms = minimum (median); HTML documents go through rehype, not remark: shown, left out of the ratio\n');
console.log(`${pad('document', 44)}${'KB'.padStart(6)}${'remark ms'.padStart(18)}${'structure ms'.padStart(18)}${'full ms'.padStart(18)}${'struct×'.padStart(9)}${'full×'.padStart(8)}`);
const totals = { min: { remark: 0, structure: 0, full: 0 }, median: { remark: 0, structure: 0, full: 0 } };
let bytes = 0;
let counted = 0;
for (const doc of docs) {
  const t = timeAll(doc);
  const html = /\.html?$/i.test(doc.file);
  if (!html) {
    for (const stat of ['min', 'median']) for (const k of Object.keys(runners)) totals[stat][k] += t[k][stat];
    bytes += doc.bytes.length;
    counted++;
  }
  const cell = (k) => `${t[k].min.toFixed(2)} (${t[k].median.toFixed(2)})`.padStart(18);
  console.log(
    `${pad(path.basename(doc.file).slice(0, 43), 44)}${(doc.bytes.length / 1024).toFixed(1).padStart(6)}${cell('remark')}${cell('structure')}${cell('full')}${html ? '      n/a     n/a' : `${num(t.structure.min / t.remark.min)}${num(t.full.min / t.remark.min, 8)}`}`,
  );
}
const mb = bytes / 1024 / 1024;
console.log(`\n${counted} markdown/text documents, ${(bytes / 1024).toFixed(1)} KB:`);
for (const k of Object.keys(runners)) {
  const min = totals.min[k];
  const med = totals.median[k];
  console.log(`${pad(k, 10)} ${num(min / counted)} ms/doc ${num(mb / (min / 1000))} MB/s ${num(min / totals.min.remark)}× remark   (medians: ${num(med / counted)} ms/doc ${num(med / totals.median.remark)}×)`);
}
console.log(`\nstructure / remark-parse = ${(totals.min.structure / totals.min.remark).toFixed(2)}× on minima, ${(totals.median.structure / totals.median.remark).toFixed(2)}× on medians (target ≤ 1.50×)`);
console.log(`full (parse + extraction) / remark-parse = ${(totals.min.full / totals.min.remark).toFixed(2)}× on minima, ${(totals.median.full / totals.median.remark).toFixed(2)}× on medians (target ≤ 2.00×)`);
