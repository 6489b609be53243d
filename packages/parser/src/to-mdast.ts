/**
 * Source text → mdast, for every input format: markdown and `.txt` as remark-parse reads them
 * (micromark and its compile step, `from-markdown.ts`) with GFM and YAML front matter; HTML through
 * rehype-parse → rehype-remark. Positions on the tree point into the text as read (micromark
 * understands CRLF and CR itself, so the text is never rewritten for it).
 *
 * Guard: micromark's container handling is quadratic in nesting depth (100,000 nested `>` would
 * take hours). Lines nested deeper than MAX_NESTING are blanked (same length, so offsets hold) in
 * the copy handed to remark, and come back as plain-text units (`guarded`) with a diagnostic.
 */
import type { Diagnostic } from '@briefs/ast';
import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { parseDocument } from 'yaml';
import { createMdastParser } from './from-markdown.js';
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

/**
 * remark-parse with YAML front matter and GFM as remark-gfm reads it, less two parts: the
 * autolink-literal scanner (bare `https://…`, `www.…`, emails), which alone doubles micromark's
 * time on prose because it inspects every word — bare URLs are found afterwards in the reader text
 * instead (`linkBareUrls`), same result for a fraction of the cost — and footnotes, which scraped
 * pages do not use (`[^1]` stays text). The tree is built by `createMdastParser`
 * (./from-markdown.ts: remark-parse's own compile step without its per-event cost).
 */
const markdownParserWith = (table: boolean, strikethrough: boolean) =>
  createMdastParser({
    extensions: [...(table ? [gfmTable()] : []), ...(strikethrough ? [gfmStrikethrough()] : []), frontmatter(['yaml'])],
    mdastExtensions: [...(table ? [gfmTableFromMarkdown()] : []), ...(strikethrough ? [gfmStrikethroughFromMarkdown()] : []), frontmatterFromMarkdown(['yaml'])],
  });
/**
 * GFM's extensions cost about 0.4× remark on prose, the table scanner most (it is tried at every
 * line start). A table needs a delimiter row: a line that, after container prefixes (`>`, spaces,
 * tabs), holds only `|`, `:`, `-`, spaces and tabs, with a `-` and a `|` or `:` (micromark refuses
 * it otherwise); strikethrough needs a `~`. A text without them reads the same without the
 * extension, so it is left out.
 */
type MarkdownParser = ReturnType<typeof createMdastParser>;
/** The four parsers by `table * 2 + strikethrough`, each made when a text first needs it. */
const markdownParsers: Array<MarkdownParser | undefined> = [];
function markdownParser(table: boolean, strikethrough: boolean): MarkdownParser {
  const key = (table ? 2 : 0) + (strikethrough ? 1 : 0);
  markdownParsers[key] ??= markdownParserWith(table, strikethrough);
  return markdownParsers[key];
}

/**
 * Lines that could be a GFM table delimiter row (see above); `m`: `$` also matches before a lone CR.
 * The first cell character is required right after the prefix so a long indentation is not
 * re-scanned from every space (no backtracking blow-up).
 */
const DELIMITER_LINE = /^[ \t>]*[|:-][|:\- \t]*$/gm;

function mayHoldTable(text: string): boolean {
  if (!text.includes('|') && !text.includes(':')) return false;
  if (!text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029')) {
    // Lines end only at LF: go from line start to line start, most lines ruled out by their first character.
    for (let from = 0; from <= text.length; ) {
      const lf = text.indexOf('\n', from);
      const end = lf === -1 ? text.length : lf;
      if (isDelimiterLine(text, from, end)) return true;
      if (lf === -1) return false;
      from = lf + 1;
    }
    return false;
  }
  DELIMITER_LINE.lastIndex = 0;
  for (let m = DELIMITER_LINE.exec(text); m; m = DELIMITER_LINE.exec(text)) {
    const line = m[0];
    if (line.includes('-') && (line.includes('|') || line.includes(':'))) return true;
    if (line.length === 0) DELIMITER_LINE.lastIndex++;
  }
  return false;
}

/** `DELIMITER_LINE` of the line [from, end) and the test on its match, read by code. */
function isDelimiterLine(text: string, from: number, end: number): boolean {
  let i = from;
  for (let c = text.charCodeAt(i); i < end && (c === 32 || c === 9 || c === 62); c = text.charCodeAt(++i));
  if (i === end) return false;
  let dash = false;
  let bar = false;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 45) dash = true;
    else if (c === 124 || c === 58) bar = true;
    else if (j === i || (c !== 32 && c !== 9)) return false;
  }
  return dash && bar;
}

function markdownParserFor(text: string): MarkdownParser {
  return markdownParser(mayHoldTable(text), text.includes('~'));
}
/** Lines longer than this are read without GFM extensions. */
export const MAX_GFM_LINE = 100_000;
const htmlProcessor = unified().use(rehypeParse).use(rehypeRemark).freeze();

export function toMdast(text: string, format: SourceFormat, lines: LineIndex): MdastResult {
  const diagnostics: Diagnostic[] = [];
  if (format === 'html') {
    let tree: Root;
    try {
      tree = htmlProcessor.runSync(htmlProcessor.parse(text)) as Root;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // hast utilities recurse per element: markup nested thousands deep overflows the stack.
      tree = textRunsOfHtml(text);
      diagnostics.push({ id: 'html-flattened', level: 'warning', message: 'HTML nested too deeply to read its structure; its text was read run by run', position: lines.position(0, 0) });
    }
    return { tree, frontMatter: null, frontMatterRange: null, guarded: [], diagnostics };
  }
  const joined = joinBrokenTargets(text);
  // Joining broken targets turns line ends into spaces: only an unchanged text has `lines`' line starts.
  const { parseText, guarded } = guardNesting(joined, joined === text ? lines.starts : null);
  if (guarded.length > 0) {
    const first = guarded[0]!;
    diagnostics.push({
      id: 'nesting-flattened',
      level: 'warning',
      message: `${guarded.length} line(s) nested deeper than ${MAX_NESTING} levels were read as plain text`,
      position: lines.position(first.lineStart, first.end),
    });
  }
  const longLine = longestLine(text, lines) > MAX_GFM_LINE;
  if (longLine) {
    diagnostics.push({ id: 'gfm-skipped', level: 'info', message: `a line is longer than ${MAX_GFM_LINE} characters: GFM tables and strikethrough were not read` });
  }
  let tree: Root;
  try {
    // GFM's table scanner costs several times remark itself on one huge line: skip it there.
    tree = (longLine ? markdownParser(false, false) : markdownParserFor(parseText))(parseText);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    tree = paragraphsOfText(text);
    diagnostics.push({ id: 'markdown-flattened', level: 'warning', message: 'markdown structure too deep to read; the text was read block by block', position: lines.position(0, 0) });
  }
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
  const simple = simpleFrontMatter(value);
  if (simple) return simple;
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

/**
 * Length of the longest run of text between CR and LF characters, from the line starts `lines`
 * found (LF, CRLF and lone CR end a line; a CRLF's CR and LF bound an empty run between them).
 */
/** A plain key that YAML reads as the same string (not null, a boolean or `__proto__`). */
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
/** A plain value: no indicator first, no comment, no mapping inside, no tab or control character. */
const SIMPLE_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff][^\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff]*$/;
/** A double-quoted value without escapes (its text is what stands between the quotes). */
const SIMPLE_QUOTED = /^"([^"\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff]*)"$/;
/** Plain values the YAML 1.2 core schema does not read as strings (null, booleans, numbers). */
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/**
 * Front matter of `key: value` lines only, read without the YAML library when every value is one
 * whose reading is plain: a double-quoted text without escapes, a plain text the core schema
 * leaves a string (URLs, dates), or a small decimal integer. Anything else (lists, comments,
 * quoting with escapes, continuation lines, other numbers…) returns null and goes to the library,
 * which reads these lines to the same object (later keys overwrite earlier ones, as there).
 */
function simpleFrontMatter(value: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  let pairs = 0;
  for (const line of value.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(': ');
    if (colon <= 0) return null;
    const key = line.slice(0, colon);
    if (!SIMPLE_KEY.test(key) || NON_STRING_KEY.test(key)) return null;
    const raw = line.slice(colon + 2).replace(/ +$/, '');
    const quoted = SIMPLE_QUOTED.exec(raw);
    if (quoted) data[key] = quoted[1];
    else if (/^(?:0|[1-9][0-9]{0,14})$/.test(raw)) data[key] = Number(raw);
    else if (SIMPLE_PLAIN.test(raw) && !raw.includes(' #') && !raw.includes(': ') && !raw.endsWith(':') && !CORE_NON_STRING.some((re) => re.test(raw))) data[key] = raw;
    else if (raw.startsWith('[') && raw.endsWith(']')) {
      const items = simpleFlowList(raw);
      if (items === null) return null;
      data[key] = items;
    } else return null;
    pairs++;
  }
  return pairs > 0 ? data : null;
}

/** A flow list item read as the plain string it shows: words of letters, digits, spaces, `.`, `_`, `-`. */
const SIMPLE_FLOW_ITEM = /^[A-Za-z][A-Za-z0-9 ._-]*$/;

/**
 * `[Climate, Migration, Sahel]` (tags, topics) → its strings, as YAML reads such a list; null for
 * any other list (quoted or empty items, nesting, values the core schema reads as null or a boolean).
 */
function simpleFlowList(raw: string): string[] | null {
  const items: string[] = [];
  for (const part of raw.slice(1, -1).split(',')) {
    const item = part.replace(/^ +| +$/g, '');
    if (!SIMPLE_FLOW_ITEM.test(item) || CORE_NON_STRING.some((re) => re.test(item))) return null;
    items.push(item);
  }
  return items;
}

function longestLine(text: string, lines: LineIndex): number {
  const starts = lines.starts;
  let longest = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    let end = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length;
    if (k + 1 < starts.length && text.charCodeAt(end) === 10 && end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end - start > longest) longest = end - start;
  }
  return longest;
}

const textNode = (value: string, start: number, end: number) => ({
  type: 'text' as const,
  value,
  position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } },
});

/** Fallback tree: one paragraph per run of text between tags (offsets only; lines come from LineIndex). */
function textRunsOfHtml(html: string): Root {
  const children: Root['children'] = [];
  const tag = /<!--[\s\S]*?-->|<[^>]*>/g;
  let from = 0;
  const addRun = (start: number, end: number) => {
    const raw = html.slice(start, end);
    if (!raw.trim()) return;
    const value = raw.replace(/\s+/g, ' ').trim();
    const node = textNode(value, start, end);
    children.push({ type: 'paragraph', children: [node], position: node.position });
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    addRun(from, m.index);
    from = m.index + m[0].length;
  }
  addRun(from, html.length);
  return { type: 'root', children };
}

/** Fallback tree: one paragraph per blank-line separated block, read as plain text. */
function paragraphsOfText(text: string): Root {
  const children: Root['children'] = [];
  const block = /\S[\s\S]*?(?=(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)|\s*$)/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    const node = textNode(m[0], m.index, m.index + m[0].length);
    children.push({ type: 'paragraph', children: [node], position: node.position });
    if (m[0].length === 0) block.lastIndex++;
  }
  return { type: 'root', children };
}

/**
 * Blank (same length) every line whose container prefix is deeper than the limits. `starts`: the
 * text's line starts when known (LF, CRLF, lone CR), so lines are not scanned for their ends.
 */
function guardNesting(text: string, starts: readonly number[] | null): { parseText: string; guarded: GuardedLine[] } {
  const guarded: GuardedLine[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let lineStart = 0;
  const n = text.length;
  for (let k = 0; lineStart <= n; k++) {
    let lineEnd = lineStart;
    if (starts) {
      // The line ends before its CR or LF: one before the next start, two before it after a CRLF.
      const next = k + 1 < starts.length ? starts[k + 1]! : -1;
      lineEnd = next < 0 ? n : next - 1;
      if (next >= 0 && text.charCodeAt(lineEnd) === 10 && lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    } else {
      while (lineEnd < n) {
        const c = text.charCodeAt(lineEnd);
        if (c === 10 || c === 13) break;
        lineEnd++;
      }
    }
    const probe = prefixDepth(text, lineStart, lineEnd);
    if (probe.depth > MAX_NESTING || probe.indent > MAX_INDENT) {
      guarded.push({ start: probe.contentStart, end: lineEnd, lineStart, depth: Math.min(probe.depth, MAX_NESTING), quote: probe.quote });
      pieces.push(text.slice(copied, lineStart), inertLine(lineEnd - lineStart));
      copied = lineEnd;
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (guarded.length === 0) return { parseText: text, guarded };
  pieces.push(text.slice(copied));
  return { parseText: pieces.join(''), guarded };
}

/**
 * A same-length line micromark passes over in linear time and that yields no text: an HTML
 * comment at column 1 (it also closes the deep containers above it). Blank lines of spaces
 * would instead be re-checked against every open container.
 */
function inertLine(length: number): string {
  return length >= 7 ? `<!--${' '.repeat(length - 7)}-->` : ' '.repeat(length);
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
