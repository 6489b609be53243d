/**
 * mdast → the flat `Unit` list of the seam (units.ts): one unit per heading, per source line of
 * paragraphs, list items and block quotes, per table, image, code block, raw HTML block and
 * thematic break. Each unit also carries (privately) its reader text with the offset map, the
 * containers it sits in, and the paragraph it came from, so the tree can be rebuilt from the
 * units page cleaning keeps.
 */
import type { Nodes, Root, RootContent, Table as MdTable } from 'mdast';
import type { LineIndex } from './line-index.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';
import { alignInto, type ImageRef, type ReaderContext, readPhrasing } from './reader-text.js';
import type { GuardedLine } from './to-mdast.js';
import type { Unit, UnitKind, UnitLink } from './units.js';

export interface Container {
  kind: 'list' | 'listItem' | 'blockquote';
  key: number;
  ordered: boolean;
}

export interface TableData {
  align: Array<'left' | 'right' | 'center' | null>;
  rows: Array<{ start: number; end: number; cells: Array<{ text: MappedText; start: number; end: number }> }>;
}

export interface ParsedUnit extends Unit {
  reader: MappedText;
  containers: Container[];
  /** Key of the markdown block the unit came from (lines of one paragraph share it). */
  block: number;
  /** Starts a paragraph: a new block, or a line of scraped one-paragraph-per-line text. */
  newParagraph: boolean;
  image?: ImageRef;
  table?: TableData;
}

interface Item {
  node: Nodes;
  containers: Container[];
}

export function collectUnits(tree: Root, ctx: ReaderContext, lines: LineIndex, guarded: readonly GuardedLine[]): ParsedUnit[] {
  const units: ParsedUnit[] = [];
  let key = 0;
  const stack: Item[] = [{ node: tree, containers: [] }];
  // One object shape for every unit (what a spread of differently shaped literals did not give).
  const add = (u: Omit<ParsedUnit, 'index' | 'line' | 'links' | 'text' | 'strong'> & { strong?: boolean }, links: UnitLink[] = []): void => {
    const unit: ParsedUnit = {
      index: 0, kind: u.kind, depth: u.depth, text: u.reader.text, start: u.start, end: u.end, line: lines.lineOf(u.start), blockStart: u.blockStart, strong: u.strong ?? false, links,
      reader: u.reader, containers: u.containers, block: u.block, newParagraph: u.newParagraph,
    };
    if (u.image !== undefined) unit.image = u.image;
    if (u.table !== undefined) unit.table = u.table;
    units.push(unit);
  };
  const pushChildren = (children: readonly Nodes[], containers: Container[]) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, containers });
  };

  while (stack.length > 0) {
    const { node, containers } = stack.pop()!;
    const span: [number, number] = [node.position?.start.offset ?? 0, node.position?.end.offset ?? node.position?.start.offset ?? 0];
    const block = ++key;
    switch (node.type) {
      case 'root':
        pushChildren(node.children, containers);
        break;
      case 'yaml':
      case 'definition':
        break;
      case 'heading': {
        const linksBefore = ctx.links.length;
        const reader = flattenLines(readPhrasing(node.children, span, ctx, span[1] - span[0])).trim();
        if (reader.length > 0) {
          add(
            { kind: 'heading', depth: node.depth, reader, start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true, strong: isAllStrong(node.children) },
            ctx.links.length > linksBefore ? unitLinks(reader, ctx) : [],
          );
        }
        break;
      }
      case 'paragraph': {
        const images: ImageRef[] = [];
        const linksBefore = ctx.links.length;
        // The paragraph's images are read into its own list (swapped in: no copy of the context per paragraph).
        const outerImages = ctx.images;
        ctx.images = images;
        const text = readPhrasing(node.children, span, ctx, span[1] - span[0]);
        ctx.images = outerImages;
        // Only a paragraph that made links has characters that belong to one.
        const linked = ctx.links.length > linksBefore;
        const kind = lineKind(containers);
        let depth = 0;
        for (const c of containers) if (kind === 'blockquote' ? c.kind === 'blockquote' : c.kind === 'list') depth++;
        const strong = isAllStrong(node.children);
        const lineTexts = splitLines(text);
        const scraped = lineTexts.length >= 2 && isOneParagraphPerLine(lineTexts.map((l) => l.text));
        const paragraphUnits: ParsedUnit[] = [];
        for (let i = 0; i < lineTexts.length; i++) {
          const line = lineTexts[i]!;
          const [s, e] = line.sourceRange();
          const prev = lineTexts[i - 1];
          const links = linked ? unitLinks(line, ctx) : [];
          paragraphUnits.push({
            index: 0, kind, depth, text: line.text, start: s, end: e, line: lines.lineOf(s), blockStart: i === 0, strong: strong && lineTexts.length === 1,
            links, reader: line, containers, block, newParagraph: i === 0 || (scraped && prev !== undefined && endsSentence(prev.text)),
          });
        }
        for (const image of images) {
          paragraphUnits.push({
            index: 0, kind: 'image', depth: 0, text: image.alt || image.title || '', start: image.start, end: image.end, line: lines.lineOf(image.start), blockStart: true, strong: false, links: [],
            reader: mapWhole(image.alt || image.title || '', image.start, image.end), containers, block: ++key, newParagraph: true, image,
          });
        }
        // Lines come in source order: sort only when images join them (or a map runs backwards).
        if (images.length > 0 || !startsAscending(paragraphUnits)) paragraphUnits.sort((x, y) => x.start - y.start);
        for (const u of paragraphUnits) units.push(u);
        break;
      }
      case 'blockquote':
        pushChildren(node.children, [...containers, { kind: 'blockquote', key: block, ordered: false }]);
        break;
      case 'list':
        pushChildren(node.children, [...containers, { kind: 'list', key: block, ordered: node.ordered === true }]);
        break;
      case 'listItem':
        pushChildren(node.children, [...containers, { kind: 'listItem', key: block, ordered: false }]);
        break;
      case 'table': {
        const linksBefore = ctx.links.length;
        const table = readTable(node, span, ctx);
        const rowsText = table.rows.map((r) => MappedText.join(r.cells.map((c) => c.text), ' | '));
        const reader = MappedText.join(rowsText, '\n');
        const links = ctx.links.length > linksBefore ? unitLinks(reader, ctx) : [];
        add({ kind: 'table', depth: 0, reader, start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true, table }, links);
        break;
      }
      case 'code': {
        const b = new MappedTextBuilder(node.value.length);
        // Skip the opening fence line so the value does not align into the info string.
        let from = span[0];
        const opener = ctx.source.slice(from, from + 3);
        if (opener === '```' || opener === '~~~') {
          while (from < span[1] && ctx.source.charCodeAt(from) !== 10 && ctx.source.charCodeAt(from) !== 13) from++;
        }
        alignInto(b, node.value, ctx.source, from, span[1], -1);
        add({ kind: 'code', depth: 0, reader: b.build(), start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true });
        break;
      }
      case 'html': {
        const stripped = node.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
        if (!stripped) break;
        const b = new MappedTextBuilder();
        alignInto(b, stripped, ctx.source, span[0], span[1], -1);
        add({ kind: 'html', depth: 0, reader: b.build(), start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true });
        break;
      }
      case 'thematicBreak':
        add({ kind: 'break', depth: 0, reader: MappedText.empty(), start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true });
        break;
      case 'image':
        add({
          kind: 'image', depth: 0, reader: mapWhole(node.alt || node.title || '', span[0], span[1]), start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true,
          image: { alt: node.alt ?? '', url: node.url, title: node.title ?? null, start: span[0], end: span[1] },
        });
        break;
      default: {
        const any = node as { children?: Nodes[]; value?: string };
        if (Array.isArray(any.children)) pushChildren(any.children, containers);
        else if (typeof any.value === 'string' && any.value.trim()) {
          const b = new MappedTextBuilder();
          alignInto(b, any.value, ctx.source, span[0], span[1], -1);
          add({ kind: 'line', depth: 0, reader: b.build().trim(), start: span[0], end: span[1], blockStart: true, containers, block, newParagraph: true });
        }
      }
    }
  }

  // Lines too deeply nested for remark come back as plain text where they stood.
  for (const g of guarded) {
    const b = new MappedTextBuilder(g.end - g.start);
    for (let i = g.start; i < g.end; i++) b.push(ctx.source.charCodeAt(i), i, i + 1);
    const reader = b.build().trim();
    if (reader.length === 0) continue;
    const [s, e] = reader.sourceRange();
    units.push({
      index: 0, kind: g.quote ? 'blockquote' : 'listItem', depth: g.depth, text: reader.text, start: s, end: e, line: lines.lineOf(g.lineStart), blockStart: true, strong: false, links: [],
      reader, containers: [], block: ++key, newParagraph: true,
    });
  }
  if (guarded.length > 0) units.sort((x, y) => x.start - y.start);

  // Links were read as each unit was made: units not read from phrasing content have none.
  for (let i = 0; i < units.length; i++) units[i]!.index = i;
  return units;
}

function lineKind(containers: readonly Container[]): UnitKind {
  for (let i = containers.length - 1; i >= 0; i--) {
    const c = containers[i]!;
    if (c.kind === 'listItem') return 'listItem';
    if (c.kind === 'blockquote') return 'blockquote';
  }
  return 'line';
}

/** Reader text of a paragraph → one trimmed text per source line (soft and hard breaks). */
function splitLines(text: MappedText): MappedText[] {
  const out: MappedText[] = [];
  let from = 0;
  for (;;) {
    const found = text.text.indexOf('\n', from);
    const i = found === -1 ? text.length : found;
    const line = text.trimmedSlice(from, i);
    if (line.length > 0) out.push(line);
    if (found === -1) return out;
    from = i + 1;
  }
}

function startsAscending(units: readonly ParsedUnit[]): boolean {
  for (let i = 1; i < units.length; i++) if (units[i]!.start < units[i - 1]!.start) return false;
  return true;
}

/** Line ends inside a heading read as spaces. */
function flattenLines(text: MappedText): MappedText {
  if (!text.text.includes('\n')) return text;
  return new MappedText(text.text.replace(/\n/g, ' '), text.start, text.end, text.link, text.at);
}

/** `/[.!?…:]["'”’»)\]]*$/`: a sentence-final mark, then only closing quotes and brackets (read backwards by code). */
function endsSentence(line: string): boolean {
  let i = line.length;
  for (let c = line.charCodeAt(i - 1); c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93; c = line.charCodeAt(--i - 1));
  const c = line.charCodeAt(i - 1);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58;
}

/**
 * Scraped text often puts one paragraph per line with no blank line between, which markdown
 * reads as one paragraph. Hard-wrapped prose ends few lines with a sentence and keeps lines
 * short; scraped paragraphs end (almost) every line with one and run long.
 */
export function isOneParagraphPerLine(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  const ending = body.filter(endsSentence).length / body.length;
  const longest = Math.max(...lines.map((l) => l.length));
  return (ending === 1 && lines.length >= 3) || (ending >= 0.6 && longest > 100);
}

function isAllStrong(children: readonly Nodes[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((c) => c.type === 'strong' || c.type === 'emphasis');
}

function mapWhole(text: string, start: number, end: number): MappedText {
  const b = new MappedTextBuilder();
  for (let i = 0; i < text.length; i++) b.push(text.charCodeAt(i), start, end);
  return b.build();
}

function readTable(node: MdTable, span: [number, number], ctx: ReaderContext): TableData {
  const rows: TableData['rows'] = [];
  for (const row of node.children) {
    const rs = row.position?.start.offset ?? span[0];
    const re = row.position?.end.offset ?? span[1];
    const cells = row.children.map((cell) => {
      const cs = cell.position?.start.offset ?? rs;
      const ce = cell.position?.end.offset ?? re;
      return { text: readPhrasing(cell.children, [cs, ce], ctx).trim(), start: cs, end: ce };
    });
    rows.push({ start: rs, end: re, cells });
  }
  return { align: (node.align ?? []).map((a) => a ?? null), rows };
}

/** The seam's `links`: runs of reader text that belong to one link, with the link's source span. */
function unitLinks(reader: MappedText, ctx: ReaderContext): UnitLink[] {
  const runs = reader.linkRuns();
  const out: UnitLink[] = [];
  for (let k = 0; k < runs.length; k += 3) {
    const target = ctx.links[runs[k + 2]!]!;
    out.push({ text: reader.text.slice(runs[k]!, runs[k + 1]!), url: target.url, start: target.start, end: target.end });
  }
  return out;
}

export type { RootContent };
