import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Brief, Claim, InlineContent, Section } from '@briefs/ast';
import { slugFromPath } from '@briefs/ast';
import { brief as makeBrief } from './make-brief.js';

/**
 * Briefs made from the real articles in ../shared/corpus/real (read at test time, never copied).
 *
 * `naiveCorpusBriefs` cuts each file into sections at `#` lines and claims at sentence ends, and
 * marks numbers, years, “quotes”, [links](…) and Capitalised Names with simple patterns — not a
 * parser, but real text (typographic quotes, escapes, non-ASCII, long lines) with real positions,
 * so the tables are tested on it whatever state the parser is in. `parsedCorpusBriefs` uses
 * @briefs/parser (in a worker, with a timeout) and keeps the briefs that have a body; the parser is
 * being built alongside, so what it cannot do yet is reported, not failed on here.
 */

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const sharedDir = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus/real');

export async function corpusFiles(): Promise<string[]> {
  const names = await readdir(corpusDir);
  return names
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n) => path.join(corpusDir, n));
}

export async function naiveCorpusBriefs(): Promise<Brief[]> {
  const out: Brief[] = [];
  for (const file of await corpusFiles()) out.push(naiveBrief(file, await readFile(file, 'utf8')));
  return out;
}

/** Briefs @briefs/parser makes of the corpus, each parse stopped after `timeoutMs`. */
export async function parsedCorpusBriefs(timeoutMs = 45_000): Promise<{ briefs: Brief[]; problems: string[] }> {
  const briefs: Brief[] = [];
  const problems: string[] = [];
  for (const file of await corpusFiles()) {
    const result = await parseInWorker(file, timeoutMs);
    if (typeof result === 'string') problems.push(`${path.basename(file)}: ${result}`);
    else if (result.children.some((s) => s.children.length > 0)) briefs.push(result);
    else problems.push(`${path.basename(file)}: no body`);
  }
  return { briefs, problems };
}

function parseInWorker(file: string, timeoutMs: number): Promise<Brief | string> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), { workerData: { file } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(`parse took longer than ${timeoutMs} ms`);
    }, timeoutMs);
    worker.once('message', (message: { ok: boolean; json?: string; message?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message.ok ? (JSON.parse(message.json!) as Brief) : `parser error: ${message.message}`);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve(`worker error: ${error.message}`);
    });
  });
}

function naiveBrief(file: string, text: string): Brief {
  const lines = text.split(/\r?\n/);
  const sections: Section[] = [];
  let current: Section = { type: 'section', id: 's0', depth: 0, heading: null, children: [] };
  let claimN = 0;
  const counters = { f: 0, d: 0, q: 0, e: 0 };
  let offset = 0;
  lines.forEach((lineText, index) => {
    const line = index + 1;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lineText);
    if (heading) {
      sections.push(current);
      current = {
        type: 'section',
        id: `s${sections.length}`,
        depth: heading[1]!.length,
        heading: heading[2]!,
        children: [],
        position: { start: { line, column: 1, offset }, end: { line, column: lineText.length + 1, offset: offset + lineText.length } },
      };
    } else if (lineText.trim() !== '') {
      const claims: Claim[] = [];
      const sentence = /[^.!?]+(?:[.!?]+|$)/g;
      for (let m = sentence.exec(lineText); m; m = sentence.exec(lineText)) {
        const raw = m[0];
        const lead = raw.length - raw.trimStart().length;
        const body = raw.trim();
        if (body === '') continue;
        const column = m.index + lead + 1;
        claimN++;
        const at = (start: number, end: number) => ({
          start: { line, column: column + start, offset: offset + column - 1 + start },
          end: { line, column: column + end, offset: offset + column - 1 + end },
        });
        claims.push({
          type: 'claim',
          id: `c${claimN}`,
          kind: /\b(should|must)\b/i.test(body) ? 'recommendation' : /\bwill\b/i.test(body) ? 'forecast' : 'statement',
          text: body,
          source: null,
          hedge: /\b(may|might|likely|could)\b/i.exec(body)?.[0] ?? null,
          children: inlinesOf(body, counters, at),
          position: at(0, body.length),
        });
      }
      if (claims.length > 0) current.children.push({ type: 'paragraph', children: claims });
    }
    offset += lineText.length + 1;
  });
  sections.push(current);
  const id = slugFromPath(file);
  return makeBrief(
    id,
    sections,
    { title: sections.find((s) => s.heading)?.heading ?? id, published: /\b(20\d\d-\d\d-\d\d)\b/.exec(text)?.[1] ?? null },
    { source: { path: path.relative(sharedDir, file), format: 'markdown', encoding: 'utf-8', bytes: Buffer.byteLength(text), sha256: '0'.repeat(64) } },
  );
}

type At = (start: number, end: number) => NonNullable<InlineContent['position']>;

function inlinesOf(text: string, n: { f: number; d: number; q: number; e: number }, at: At): InlineContent[] {
  const found: InlineContent[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    found.push({ type: 'link', url: m[2]!, text: m[1]!, range: [m.index, m.index + m[0].length], position: at(m.index, m.index + m[0].length) });
  }
  for (const m of text.matchAll(/“([^”]{3,})”/g)) {
    found.push({ type: 'quote', id: `q${++n.q}`, text: m[1]!, speaker: null, range: [m.index, m.index + m[0].length], position: at(m.index, m.index + m[0].length) });
  }
  for (const m of text.matchAll(/(?<![\w.])(-?\d[\d,]*(?:\.\d+)?)(\s?(?:%|percent|million|billion))?/g)) {
    const digits = m[1]!;
    const range: [number, number] = [m.index, m.index + m[0].length];
    if (/^(19|20)\d\d$/.test(digits)) {
      found.push({ type: 'date', id: `d${++n.d}`, text: m[0], value: digits, precision: 'year', range, position: at(...range) });
      continue;
    }
    let value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const unit = m[2]?.trim();
    if (unit === 'million') value *= 1e6;
    if (unit === 'billion') value *= 1e9;
    const percent = unit === '%' || unit === 'percent';
    found.push({
      type: 'figure',
      id: `f${++n.f}`,
      text: m[0],
      value,
      unit: percent ? '%' : null,
      kind: percent ? 'percent' : 'count',
      approximate: false,
      valueMax: null,
      subject: null,
      range,
      position: at(...range),
    });
  }
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+/g)) {
    found.push({ type: 'entity', id: `e${++n.e}`, text: m[0], name: m[0], kind: 'organization', range: [m.index, m.index + m[0].length], position: at(m.index, m.index + m[0].length) });
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}
