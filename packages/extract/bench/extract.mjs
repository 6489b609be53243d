#!/usr/bin/env node
/**
 * Throughput of `analyze` over the real corpus: each article is cut naively into sentences
 * (markdown link syntax and escapes removed, split after . ! ? before a capital), then one
 * extractor per document analyses every sentence in order. Prints ms per document and MB/s.
 * Run after `pnpm build`: `pnpm bench` (env BRIEFS_SHARED overrides the shared folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.BRIEFS_SHARED ?? path.resolve(here, '../../../../shared');
const corpus = path.join(shared, 'corpus', 'real');
const rounds = Number(process.env.ROUNDS ?? 20);

const loadStart = performance.now();
const { createExtractor } = await import('../dist/index.js');
createExtractor({ published: null }); // builds the gazetteer once
const loadMs = performance.now() - loadStart;

function sentencesOf(markdown) {
  const text = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\*\*/g, '');
  return text
    .split(/\n+/)
    .flatMap((line) => line.trim().split(/(?<=[.!?][”"’)]?)\s+(?=[“"A-Z])/))
    .filter((s) => s.length > 0);
}

function publishedOf(source) {
  return /\ndate:\s*(\d{4}-\d{2}-\d{2})/.exec(source)?.[1] ?? null;
}

const docs = readdirSync(corpus)
  .filter((f) => /^\d+-.*\.md$/.test(f))
  .sort()
  .map((file) => {
    const source = readFileSync(path.join(corpus, file), 'utf8');
    const sentences = sentencesOf(source);
    return { file, published: publishedOf(source), sentences, bytes: Buffer.byteLength(sentences.join(' ')) };
  });

function run(doc) {
  const extractor = createExtractor({ published: doc.published });
  let nodes = 0;
  for (const s of doc.sentences) nodes += extractor.analyze(s).inlines.length;
  return nodes;
}

for (const doc of docs) run(doc); // warm up the JIT
let totalMs = 0;
let totalBytes = 0;
console.log(`gazetteer + module load: ${loadMs.toFixed(1)} ms (once per process)`);
console.log('document'.padEnd(48), 'sentences', '  KB', '  ms/doc', '  MB/s');
for (const doc of docs) {
  const start = performance.now();
  let nodes = 0;
  for (let i = 0; i < rounds; i++) nodes = run(doc);
  const ms = (performance.now() - start) / rounds;
  totalMs += ms;
  totalBytes += doc.bytes;
  console.log(
    doc.file.padEnd(48),
    String(doc.sentences.length).padStart(9),
    (doc.bytes / 1024).toFixed(1).padStart(5),
    ms.toFixed(2).padStart(8),
    (doc.bytes / 1e6 / (ms / 1000)).toFixed(2).padStart(6),
    ` (${nodes} nodes)`,
  );
}
console.log(`total: ${(totalBytes / 1024).toFixed(1)} KB in ${totalMs.toFixed(2)} ms → ${(totalBytes / 1e6 / (totalMs / 1000)).toFixed(2)} MB/s`);

// The yardstick of the issue: bare remark-parse on the same files, timed in the same process (the
// machine is shared, so only the ratio means much). remark comes from the parser package, if built.
try {
  const require = createRequire(path.resolve(here, '../../parser/package.json'));
  const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
  const { unified } = await load('unified');
  const { default: remarkParse } = await load('remark-parse');
  const processor = unified().use(remarkParse);
  const sources = readdirSync(corpus)
    .filter((f) => /^\d+-.*\.md$/.test(f))
    .map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  for (const source of sources) processor.parse(source);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const source of sources) processor.parse(source);
  const remarkMs = (performance.now() - start) / rounds;
  const extractStart = performance.now();
  for (let i = 0; i < rounds; i++) for (const doc of docs) run(doc);
  const extractMs = (performance.now() - extractStart) / rounds;
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s), 0);
  console.log(
    `remark-parse: ${(bytes / 1024).toFixed(1)} KB in ${remarkMs.toFixed(2)} ms → ${(bytes / 1e6 / (remarkMs / 1000)).toFixed(2)} MB/s; ` +
      `analyze / remark-parse time: ${(extractMs / remarkMs).toFixed(2)}×`,
  );
} catch (error) {
  console.log(`remark-parse not available for the ratio (${error.code ?? error.message})`);
}
