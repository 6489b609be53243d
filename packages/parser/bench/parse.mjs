#!/usr/bin/env node
/**
 * `pnpm bench:parse`: ms per document and MB/s for bare `unified().use(remarkParse).parse()`,
 * for our structural parse (pass-through page cleaning and extraction: the part issue 2 targets
 * at ≤ 1.5× remark) and for the full `parseBrief` (cleaning + extraction as they are today), on
 * the real corpus and the repo's examples/. Runs against dist/: build first.
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
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);

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

/** Median of ITERATIONS timed runs after WARMUP untimed ones, in ms. */
function time(run, doc) {
  for (let i = 0; i < WARMUP; i++) run(doc);
  const samples = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = process.hrtime.bigint();
    run(doc);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, n = 2) => x.toFixed(n).padStart(9);
console.log(`${WARMUP} warm-up + ${ITERATIONS} timed runs per document (median), node ${process.version}\n`);
console.log(`${pad('document', 44)}${'KB'.padStart(7)}${'remark ms'.padStart(11)}${'struct ms'.padStart(11)}${'full ms'.padStart(11)}${'struct×'.padStart(9)}${'full×'.padStart(9)}`);
const totals = { remark: 0, structure: 0, full: 0 };
let bytes = 0;
for (const doc of docs) {
  const ms = Object.fromEntries(Object.entries(runners).map(([name, run]) => [name, time(run, doc)]));
  for (const k of Object.keys(totals)) totals[k] += ms[k];
  bytes += doc.bytes.length;
  console.log(
    `${pad(path.basename(doc.file).slice(0, 43), 44)}${(doc.bytes.length / 1024).toFixed(1).padStart(7)}${num(ms.remark).padStart(11)}${num(ms.structure).padStart(11)}${num(ms.full).padStart(11)}${num(ms.structure / ms.remark).padStart(9)}${num(ms.full / ms.remark).padStart(9)}`,
  );
}
const mb = bytes / 1024 / 1024;
console.log('');
for (const [name, total] of Object.entries(totals)) {
  console.log(`${pad(name, 10)} ${num(total / docs.length)} ms/doc ${num(mb / (total / 1000))} MB/s   ${num(total / totals.remark)}× remark-parse`);
}
console.log(`\nstructure / remark-parse = ${(totals.structure / totals.remark).toFixed(2)}× (target ≤ 1.50×)`);
