/**
 * Test helpers: read the shared real corpus and cut it into sentences the way a reader would,
 * without the parser (markdown escapes, link syntax and emphasis removed; a quotation that spans
 * sentences stays in one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const sharedDir = process.env.BRIEFS_SHARED ?? path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus', 'real');
export const specDir = path.join(sharedDir, 'spec');

export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => /^\d+-.*\.md$/.test(f))
    .sort();
}

export function readCorpus(file: string): string {
  return readFileSync(path.join(corpusDir, file), 'utf8');
}

/** `published` from YAML front matter (`date:`) or a "Nov 7, 2019" line near the top. */
export function publishedOf(source: string): string | null {
  const yaml = /^---\n[\s\S]*?\ndate:\s*(\d{4}-\d{2}-\d{2})/.exec(source);
  if (yaml) return yaml[1]!;
  const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
  const line = new RegExp(`\\b(${months})[a-z]*\\.? (\\d{1,2}), (\\d{4})\\b`).exec(source.slice(0, 3000));
  if (line) {
    const month = months.split('|').indexOf(line[1]!) + 1;
    return `${line[3]}-${String(month).padStart(2, '0')}-${line[2]!.padStart(2, '0')}`;
  }
  return null;
}

/** Markdown as a reader sees it: link syntax, bare `(<url>)` targets, escapes and emphasis removed. */
export function readerText(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\s*\\\((?:https?:)?\/[^)]*\\\)/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\s*\(<[^>]*>\)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2');
}

/** Paragraphs (blank-line or line separated), then sentences; quotations are not cut. */
export function sentences(markdown: string): string[] {
  const out: string[] = [];
  for (const line of readerText(markdown).split(/\n+/)) {
    const text = line.trim();
    if (!text) continue;
    out.push(...splitSentences(text));
  }
  return out;
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const wasInQuote = inQuote;
    if (ch === '“') inQuote = true;
    else if (ch === '”') inQuote = false;
    else if (ch === '"') inQuote = !inQuote;
    // A quotation closing its own sentence: “… Europe.” There are …
    const closesSentence = wasInQuote && !inQuote && /[.!?]/.test(text[i - 1] ?? '');
    if (inQuote || (!/[.!?]/.test(ch) && !closesSentence)) continue;
    let j = i + 1;
    while (j < text.length && /[”"’)]/.test(text[j]!)) j++;
    if (!/\s/.test(text[j] ?? '')) continue;
    const next = text.slice(j).trimStart();
    if (!/^[“"‘(\p{Lu}\d]/u.test(next)) continue;
    // Abbreviations that do not end sentences: "U.S.", "Dr.", "Jan."
    const word = /(\S+)$/.exec(text.slice(start, i + 1))?.[1] ?? '';
    if (/^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|e\.g|i\.e)\.$/.test(word)) {
      continue;
    }
    out.push(text.slice(start, j).trim());
    start = j;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
