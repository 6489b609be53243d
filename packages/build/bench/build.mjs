#!/usr/bin/env node
// The build benchmark (`pnpm bench:build`): makes a synthetic corpus from examples/ (numbers and
// names varied per copy), then times, through the real CLI in its own processes:
//   - a full build of BENCH_DOCS documents (default 1,000): docs/s
//   - a rebuild with nothing changed, and with one document changed
//   - parse-only and export-only runs of BENCH_LARGE documents (default 10,000)
// and the peak RSS of each run: the sum of the CLI and its worker processes, sampled from /proc.
// Options: BENCH_DOCS, BENCH_LARGE (0: skip those runs), BENCH_JOBS (default: cores), BENCH_DIR (default .bench/).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const docs = Number(process.env.BENCH_DOCS ?? 1000);
const large = Number(process.env.BENCH_LARGE ?? 10000);
const jobs = Number(process.env.BENCH_JOBS ?? availableParallelism());
const work = path.resolve(process.env.BENCH_DIR ?? path.join(here, '..', '.bench'));

// ---------------------------------------------------------------------------------------------
// A frozen copy of the built tool: the manifest keys outputs to a digest of the tool's code, so
// a checkout whose packages are being rebuilt meanwhile would make every rebuild a full one.

function freezeTool() {
  const tool = path.join(work, 'tool');
  rmSync(tool, { recursive: true, force: true });
  mkdirSync(tool, { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tool, 'node_modules'));
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(path.join(repoRoot, group))) {
      const from = path.join(repoRoot, group, name);
      if (!existsSync(path.join(from, 'package.json'))) continue;
      const pkg = JSON.parse(readFileSync(path.join(from, 'package.json'), 'utf8'));
      for (const entry of ['package.json', 'node_modules', ...(pkg.files ?? ['dist'])]) {
        if (existsSync(path.join(from, entry))) {
          cpSync(path.join(from, entry), path.join(tool, group, name, entry), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
        }
      }
    }
  }
  // The PDF process's startup snapshot holds the paths it was made with: made again in the copy,
  // as a build in this checkout would make it (see apps/cli/scripts/snapshot.mjs).
  execFileSync(process.execPath, [path.join(repoRoot, 'apps/cli/scripts/snapshot.mjs'), path.join(tool, 'apps/cli/dist/bundle')], { stdio: 'inherit' });
  return path.join(tool, 'apps/cli/bin/briefs.js');
}

// ---------------------------------------------------------------------------------------------
// Corpus

const NAMES = ['Baltic', 'Sahel', 'Andean', 'Mekong', 'Danube', 'Caspian', 'Nordic', 'Adriatic', 'Pacific', 'Horn'];
const PEOPLE = ['Ines Carvalho', 'Tomasz Wrona', 'Amara Okafor', 'Lena Virtanen', 'Hugo Marchetti', 'Sana Qureshi', 'Jonas Berg'];

function templates() {
  const dir = path.join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((f) => /\.(md|markdown|txt|html?)$/i.test(f) && !/^readme\./i.test(f))
    .sort()
    .map((f) => ({ ext: path.extname(f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Copy `i` of a template: every number shifted, regions and people renamed, so no two are alike. */
function vary(text, i) {
  const shift = (i % 89) + 1;
  return text
    .replace(/\b(\d{1,3})(?=[ %]|\.\d| (?:million|billion|km|MW|per))/g, (m) => String(Number(m) + shift))
    .replace(/\b(Baltic|Sahel|Pacific|Arctic)\b/g, () => NAMES[i % NAMES.length])
    .replace(/\b([A-Z][a-z]+ [A-Z][a-z]+)(?= (?:said|says|argues|wrote))/g, () => PEOPLE[i % PEOPLE.length])
    .concat(`\n\nNote ${i}: prepared for the ${NAMES[(i * 7) % NAMES.length]} desk.\n`);
}

function makeCorpus(count) {
  const dir = path.join(work, `corpus-${count}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const list = templates();
  for (let i = 0; i < count; i++) {
    const t = list[i % list.length];
    const sub = path.join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `brief-${String(i).padStart(5, '0')}${t.ext}`), vary(t.text, i));
  }
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Running the CLI with a peak-RSS sampler

function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone already
    }
  }
  return total;
}

function briefs(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && code !== 1) return reject(new Error(`briefs ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`));
      resolve({ code, seconds, peakMiB: peak / 2 ** 20, stdout, stderr });
    });
  });
}

const fmt = (n, d = 2) => n.toFixed(d);
const rows = [];
function report(name, run, count, extra = '') {
  const rate = count ? `${fmt(count / run.seconds, 1)} docs/s` : '';
  const line = `${name.padEnd(34)} ${fmt(run.seconds).padStart(8)} s  ${rate.padStart(14)}  peak RSS ${fmt(run.peakMiB, 0).padStart(5)} MiB ${extra}`;
  console.log(line);
  rows.push({ name, seconds: run.seconds, docs: count, peakMiB: run.peakMiB });
}

// ---------------------------------------------------------------------------------------------

mkdirSync(work, { recursive: true });
const bin = freezeTool();
console.log(`briefs build benchmark: ${docs} documents (build), ${large} (parse/export), ${jobs} jobs, node ${process.version}`);
const small = path.relative(work, makeCorpus(docs));
const out = 'out-build';
rmSync(path.join(work, out), { recursive: true, force: true });

const full = await briefs(['build', small, '--out', out, '--jobs', String(jobs), '--json']);
const fullSummary = JSON.parse(full.stdout);
report(`full build (${docs})`, full, docs, `[failed ${fullSummary.failed.length}; documents ${fmt(fullSummary.timings.documentsMs / 1000)} s, tables ${fmt(fullSummary.timings.tablesMs / 1000)} s, pack ${fmt(fullSummary.timings.packMs / 1000)} s]`);

const none = await briefs(['build', small, '--out', out, '--jobs', String(jobs), '--json']);
const noneSummary = JSON.parse(none.stdout);
report('no-change rebuild', none, 0, `[built ${noneSummary.built.length}; in-process ${fmt(noneSummary.timings.totalMs / 1000, 3)} s]`);

// One document changed: a number in its text, so its AST (and the tables, and the pack) change.
// Five times, with another number each time (this machine's timings vary by tens of percent
// from run to run): the share is the median's.
const first = path.join(work, small, 'batch-00', readdirSync(path.join(work, small, 'batch-00')).sort()[0]);
const original = readFileSync(first, 'utf8');
const ones = [];
for (const added of [12, 13, 14, 15, 16]) {
  writeFileSync(first, `${original}\nA late addition: ${added} more sites were named.\n`);
  const one = await briefs(['build', small, '--out', out, '--jobs', String(jobs), '--json']);
  const summary = JSON.parse(one.stdout);
  report('one-changed rebuild', one, 0, `[built ${summary.built.length}; ${fmt((one.seconds / full.seconds) * 100)}% of full; documents ${fmt(summary.timings.documentsMs / 1000)} s, tables ${fmt(summary.timings.tablesMs / 1000)} s, pack ${fmt(summary.timings.packMs / 1000)} s]`);
  ones.push(one.seconds);
}
writeFileSync(first, original);
const median = ones.sort((a, b) => a - b)[Math.floor(ones.length / 2)];
const share = (median / full.seconds) * 100;
console.log(`${'one-changed rebuild, median'.padEnd(34)} ${fmt(median).padStart(8)} s  = ${fmt(share)}% of the full build`);

if (large === 0) {
  console.log(`\ntargets:\n  no-change rebuild < 1 s: ${fmt(none.seconds)} s; one changed < 2% of full build: ${fmt(share)} %`);
  writeFileSync(path.join(work, 'results.json'), `${JSON.stringify({ docs, large, jobs, rows }, null, 2)}\n`);
  process.exit(0);
}
const big = path.relative(work, makeCorpus(large));
rmSync(path.join(work, 'out-parse'), { recursive: true, force: true });
const parse = await briefs(['parse', big, '--out', 'out-parse']);
report(`parse only (${large}, 1 process)`, parse, large);
rmSync(path.join(work, 'out-parse'), { recursive: true, force: true });

rmSync(path.join(work, 'out-export'), { recursive: true, force: true });
const exp = await briefs(['export', big, '--out', 'out-export', '--jobs', String(jobs), '--json']);
report(`export only (${large})`, exp, large, `[failed ${JSON.parse(exp.stdout).failed.length}]`);

console.log('\ntargets:');
console.log(`  no-change rebuild < 1 s:              ${fmt(none.seconds)} s  ${none.seconds < 1 ? 'met' : 'NOT met'}`);
console.log(`  one changed < 2% of full build:        ${fmt(share)} %  ${share < 2 ? 'met' : 'NOT met'}`);
const peak10k = Math.max(parse.peakMiB, exp.peakMiB);
console.log(`  peak RSS < 1 GB at ${large} documents:  ${fmt(peak10k, 0)} MiB  ${peak10k < 1024 ? 'met' : 'NOT met'}`);
writeFileSync(path.join(work, 'results.json'), `${JSON.stringify({ docs, large, jobs, rows }, null, 2)}\n`);
