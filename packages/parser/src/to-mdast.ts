/**
 * Source text → mdast, for every input format: markdown and `.txt` through remark-parse with GFM
 * and YAML front matter; HTML through rehype-parse → rehype-remark. Positions on the tree point
 * into the text as read (micromark understands CRLF and CR itself, so the text is never rewritten
 * for it).
 *
 * Guard: micromark's container handling is quadratic in nesting depth (100,000 nested `>` would
 * take hours). Lines nested deeper than MAX_NESTING are blanked (same length, so offsets hold) in
 * the copy handed to remark, and come back as plain-text units (`guarded`) with a diagnostic.
 */
import type { Diagnostic } from '@briefs/ast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';
import type { LineIndex } from './line-index.js';
import { joinBrokenTargets } from './reader-text.js';

export type SourceFormat = 'markdown' | 'text' | 'html';

/** Container markers (`>`, list bullets) allowed on one line before the line is flattened. */
export const MAX_NESTING = 16;
/** Leading indentation (columns) allowed before a line is flattened (nested lists by indent). */
export const MAX_INDENT = 64;

export interface GuardedLine {
  /** Where the content starts (after the container prefix) and the line ends. */
  start: number;
  end: number;
  lineStart: number;
  depth: number;
  quote: boolean;
}

export interface MdastResult {
  tree: Root;
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: [number, number] | null;
  guarded: GuardedLine[];
  diagnostics: Diagnostic[];
}

const markdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const htmlProcessor = unified().use(rehypeParse).use(rehypeRemark).freeze();

export function toMdast(text: string, format: SourceFormat, lines: LineIndex): MdastResult {
  const diagnostics: Diagnostic[] = [];
  if (format === 'html') {
    const hast = htmlProcessor.parse(text);
    const tree = htmlProcessor.runSync(hast) as Root;
    return { tree, frontMatter: null, frontMatterRange: null, guarded: [], diagnostics };
  }
  const { parseText, guarded } = guardNesting(joinBrokenTargets(text));
  if (guarded.length > 0) {
    const first = guarded[0]!;
    diagnostics.push({
      id: 'nesting-flattened',
      level: 'warning',
      message: `${guarded.length} line(s) nested deeper than ${MAX_NESTING} levels were read as plain text`,
      position: lines.position(first.lineStart, first.end),
    });
  }
  const tree = markdownProcessor.parse(parseText) as Root;
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterRange: [number, number] | null = null;
  const first = tree.children[0];
  if (first && first.type === 'yaml' && first.position) {
    frontMatterRange = [first.position.start.offset ?? 0, first.position.end.offset ?? 0];
    frontMatter = readFrontMatter(first.value, first.position.start.line, diagnostics, lines, frontMatterRange);
  }
  return { tree, frontMatter, frontMatterRange, guarded, diagnostics };
}

function readFrontMatter(
  value: string,
  fenceLine: number,
  diagnostics: Diagnostic[],
  lines: LineIndex,
  range: [number, number],
): Record<string, unknown> | null {
  // Bad YAML is a problem in the content, not a crash: warn with the line and go on without it.
  const doc = parseDocument(value, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const rel = error.linePos?.[0]?.line ?? 1;
    const line = fenceLine + rel;
    const start = lines.starts[line - 1] ?? range[0];
    diagnostics.push({
      id: 'bad-front-matter',
      level: 'warning',
      message: `front matter is not valid YAML (${error.code}); it was ignored`,
      position: lines.position(start, start),
    });
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    data = null;
  }
  if (data === null || data === undefined) return null;
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ id: 'bad-front-matter', level: 'warning', message: 'front matter is not a mapping of keys to values; it was ignored', position: lines.position(range[0], range[0]) });
    return null;
  }
  return data as Record<string, unknown>;
}

/** Blank (same length) every line whose container prefix is deeper than the limits. */
function guardNesting(text: string): { parseText: string; guarded: GuardedLine[] } {
  const guarded: GuardedLine[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    const probe = prefixDepth(text, lineStart, lineEnd);
    if (probe.depth > MAX_NESTING || probe.indent > MAX_INDENT) {
      guarded.push({ start: probe.contentStart, end: lineEnd, lineStart, depth: Math.min(probe.depth, MAX_NESTING), quote: probe.quote });
      pieces.push(text.slice(copied, lineStart), ' '.repeat(lineEnd - lineStart));
      copied = lineEnd;
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (guarded.length === 0) return { parseText: text, guarded };
  pieces.push(text.slice(copied));
  return { parseText: pieces.join(''), guarded };
}

function prefixDepth(text: string, from: number, to: number): { depth: number; indent: number; contentStart: number; quote: boolean } {
  let depth = 0;
  let indent = 0;
  let quote = false;
  let i = from;
  for (;;) {
    let j = i;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      indent += text.charCodeAt(j) === 9 ? 4 : 1;
      j++;
    }
    if (j >= to) return { depth, indent, contentStart: to, quote };
    const c = text.charCodeAt(j);
    const next = j + 1 < to ? text.charCodeAt(j + 1) : 32;
    if (c === 62 /* > */) {
      depth++;
      quote = true;
      i = j + 1;
      continue;
    }
    if ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9 || j + 1 >= to)) {
      depth++;
      i = j + 1;
      continue;
    }
    let k = j;
    while (k < to && k - j < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > j && (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 41) && (k + 1 >= to || text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) {
      depth++;
      i = k + 1;
      continue;
    }
    return { depth, indent, contentStart: j, quote };
  }
}
