/**
 * Units + page-cleaning decisions → sections, blocks and claims. Residue units are skipped;
 * `drop` ranges are cut out of kept units; `inlineHeadings` split a unit and open sections;
 * `speaker` labels are cut off and carried onto the unit's claims. Containers (lists, block
 * quotes) are rebuilt from the chain each unit remembers, so partial lists survive cleaning.
 */
import type {
  BlockContent, Blockquote, Claim, Illustration, InlineContent, List, ListItem, Paragraph, Position, Section, Table, TableCell, TableRow,
} from '@briefs/ast';
import type { Extractor, InlineSpan } from '@briefs/extract';
import { isJsSpace } from './clean/text.js';
import type { Container, ParsedUnit } from './collect-units.js';
import type { LineIndex } from './line-index.js';
import { type LinkTarget, MappedText } from './mapped-text.js';
import { splitSentences } from './sentences.js';
import { resolveUrl } from './urls.js';
import type { UnitDecision } from './units.js';

export interface BuildContext {
  lines: LineIndex;
  links: readonly LinkTarget[];
  extractor: Extractor;
  /** `meta.sourceUrl`, to resolve relative links ('' when unknown). */
  baseUrl: string;
}

type ContainerNode = List | ListItem | Blockquote;
interface Open {
  key: number;
  node: ContainerNode;
}
interface Pending {
  parts: MappedText[];
  speaker: string | undefined;
  block: number;
  containers: readonly Container[];
  /** Whether a unit of the paragraph had a link (else no character of `parts` belongs to one). */
  linked: boolean;
}

/** The context of a sentence without a speaker (the extractor only reads it): one object for all. */
const NO_SPEAKER = {};

const ID_PREFIX: Record<string, string> = { figure: 'f', date: 'd', quote: 'q', entity: 'e' };

export class TreeBuilder {
  readonly sections: Section[] = [];
  private section: Section | null = null;
  private open: Open[] = [];
  private pending: Pending | null = null;
  private headingCount = 0;
  private readonly counters: Record<string, number> = Object.create(null);
  private readonly resolved = new Map<string, string | null>();

  constructor(private readonly ctx: BuildContext) {}

  build(units: readonly ParsedUnit[], decisions: readonly UnitDecision[]): Section[] {
    units.forEach((unit, i) => {
      this.addUnit(unit, decisions[i] ?? { role: 'body' });
    });
    this.flush();
    for (const section of this.sections) {
      pruneEmpty(section);
      setSpan(section, this.ctx.lines);
    }
    return this.sections.filter((s) => s.children.length > 0 || s.heading !== null);
  }

  private nextId(prefix: string): string {
    const n = (this.counters[prefix] ?? 0) + 1;
    this.counters[prefix] = n;
    return `${prefix}${n}`;
  }

  private addUnit(unit: ParsedUnit, decision: UnitDecision): void {
    if (decision.role === 'residue') return;
    let reader = unit.reader;
    if (decision.drop && decision.drop.length > 0) reader = reader.without(mergeRanges(decision.drop));
    if (decision.role === 'heading') {
      this.startSection(decision.depth ?? (unit.kind === 'heading' ? unit.depth : 2), reader.trim(), unit.start);
      return;
    }
    if (decision.role === 'caption') {
      this.flush();
      this.addCaption(reader.trim(), unit);
      return;
    }
    switch (unit.kind) {
      case 'heading':
        // Cleaning kept a heading as body text (a "heading" that is really a sentence).
        this.addText(unit, reader, decision, true);
        return;
      case 'break':
        this.flush();
        return;
      case 'image':
        this.flush();
        this.enter(unit.containers);
        this.append(this.illustration(unit));
        return;
      case 'table':
        this.flush();
        this.enter(unit.containers);
        if (unit.table) this.append(this.table(unit));
        return;
      default:
        this.addText(unit, reader, decision, unit.newParagraph);
    }
  }

  private addText(unit: ParsedUnit, reader: MappedText, decision: UnitDecision, newParagraph: boolean): void {
    let speaker: string | undefined;
    if (decision.speaker) {
      const end = decision.speaker.end;
      reader = reader.filter((s) => s >= end);
      speaker = decision.speaker.name;
      newParagraph = true;
    }
    if (decision.inlineHeadings === undefined || decision.inlineHeadings.length === 0) {
      this.addLine(unit, reader.trim(), speaker, newParagraph);
      return;
    }
    const headings = [...decision.inlineHeadings].sort((a, b) => a.start - b.start);
    // Flattened text with headings run in: text before, heading, text after, heading…
    const { pieces, rest } = splitAtHeadings(reader, headings);
    for (const [k, h] of headings.entries()) {
      const before = pieces[k]!.trim();
      if (before.length > 0) {
        this.addLine(unit, before, speaker, newParagraph);
        newParagraph = false;
      }
      const depth = this.section && this.section.depth > 0 ? this.section.depth : 2;
      this.startSection(depth, MappedText.empty(), h.start, h.text, h.end);
      newParagraph = true;
    }
    const after = rest.trim();
    if (after.length > 0) this.addLine(unit, after, speaker, newParagraph);
  }

  private addLine(unit: ParsedUnit, text: MappedText, speaker: string | undefined, newParagraph: boolean): void {
    if (text.length === 0) return;
    const p = this.pending;
    const same = p !== null && !newParagraph && p.block === unit.block && p.speaker === speaker && sameChain(p.containers, unit.containers);
    if (same) {
      p.parts.push(text);
      p.linked ||= unit.links.length > 0;
      return;
    }
    this.flush();
    this.enter(unit.containers);
    // Code keeps its line structure: sentences never run across its lines.
    this.pending = { parts: [text], speaker, block: unit.block, containers: unit.containers, linked: unit.links.length > 0 };
    if (unit.kind === 'code') this.flush();
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const text = MappedText.join(p.parts, ' ');
    const claims = this.claims(text, p.speaker, p.linked);
    if (claims.length === 0) return;
    const paragraph: Paragraph = { type: 'paragraph', children: claims, position: text.sourcePosition(this.ctx.lines) };
    this.append(paragraph);
  }

  /** `linked`: whether `text` may hold a link (false: its sentences are not searched for one; unknown: looked for). */
  private claims(text: MappedText, speaker: string | undefined, linked?: boolean): Claim[] {
    const out: Claim[] = [];
    // The text's link runs, read once (sentences come in order, disjoint): each sentence looks only
    // at the runs that reach into it, where every sentence scanned its whole link map.
    const runs = linked === false ? NO_RUNS : text.linkRuns();
    let r = 0;
    for (const bounds of splitSentences(text.text)) {
      const sentence = text.slice(bounds[0], bounds[1]);
      if (!startsAlnum(sentence.text) && !/[\p{L}\p{N}]/u.test(sentence.text)) continue;
      while (r < runs.length && runs[r + 1]! <= bounds[0]) r += 3;
      out.push(this.claim(sentence, speaker, runs, r, bounds[0]));
    }
    return out;
  }

  /** `runs`/`r`/`offset`: the text's link runs (see `MappedText.linkRuns`), the first not ending before the sentence, the sentence's offset in the text. */
  private claim(sentence: MappedText, speaker: string | undefined, runs: readonly number[], r: number, offset: number): Claim {
    const { lines } = this.ctx;
    const analysis = this.ctx.extractor.analyze(sentence.text, speaker === undefined ? NO_SPEAKER : { speaker });
    const children: InlineContent[] = [];
    for (const span of analysis.inlines) {
      const [x, y] = span.range;
      if (!(Number.isInteger(x) && Number.isInteger(y) && x >= 0 && x <= y && y <= sentence.length)) continue;
      const prefix = ID_PREFIX[span.type] ?? 'x';
      children.push(inlineNode(span, this.nextId(prefix), sentence.sourcePosition(lines, x, y)));
    }
    if (r < runs.length && runs[r]! < offset + sentence.length) this.linksIn(sentence, runs, r, offset, children);
    if (children.length > 1) sortByRange(children);
    const id = this.nextId('c');
    const { kind, source, hedge } = analysis;
    const position = sentence.sourcePosition(lines);
    // Two literals, not a spread: `speaker` sits between `hedge` and `children` when there is one.
    return speaker === undefined
      ? { type: 'claim', id, kind, text: sentence.text, source, hedge, children, position }
      : { type: 'claim', id, kind, text: sentence.text, source, hedge, speaker, children, position };
  }

  /** The links of `text`, a sentence at `offset` of a text whose link runs from `runs[r]` on are given, pushed onto `out`. */
  private linksIn(text: MappedText, runs: readonly number[], r: number, offset: number, out: InlineContent[]): void {
    const { length } = text;
    // A run clipped to the sentence is a whole run of it: the characters next to it are outside or not of its link.
    for (let k = r; k < runs.length && runs[k]! < offset + length; k += 3) {
      const i = Math.max(runs[k]!, offset) - offset;
      const j = Math.min(runs[k + 1]!, offset + length) - offset;
      const id = runs[k + 2]!;
      const target = this.ctx.links[id];
      const url = target ? this.resolve(target.url) : null;
      // Trim spaces a link may carry at its ends in the reader text.
      let a = i;
      let b = j;
      while (a < b && isJsSpace(text.text.charCodeAt(a))) a++;
      while (b > a && isJsSpace(text.text.charCodeAt(b - 1))) b--;
      if (url && b > a) {
        out.push({ type: 'link', url, text: text.text.slice(a, b), range: [a, b], position: text.sourcePosition(this.ctx.lines, a, b) });
      }
    }
  }

  /** `resolveUrl` against the page's URL, once per target: pages link the same few targets again and again. */
  private resolve(url: string): string | null {
    let resolved = this.resolved.get(url);
    if (resolved === undefined) {
      resolved = resolveUrl(url, this.ctx.baseUrl);
      this.resolved.set(url, resolved);
    }
    return resolved;
  }

  private startSection(depth: number, heading: MappedText, start: number, headingText?: string, end?: number): void {
    this.flush();
    this.open = [];
    this.headingCount++;
    const [s, e] = heading.length > 0 ? heading.sourceRange() : [start, end ?? start];
    const section: Section = {
      type: 'section',
      id: `s${this.headingCount}`,
      depth: Math.max(1, Math.min(6, Math.round(depth) || 2)),
      heading: headingText ?? heading.text,
      children: [],
      position: this.ctx.lines.position(Math.min(s, start), e),
    };
    this.sections.push(section);
    this.section = section;
  }

  private currentSection(): Section {
    if (!this.section) {
      this.section = { type: 'section', id: 's0', depth: 0, heading: null, children: [] };
      this.sections.push(this.section);
    }
    return this.section;
  }

  /** Open the containers of `chain` that are not open yet, closing those it leaves. */
  private enter(chain: readonly Container[]): void {
    let common = 0;
    while (common < this.open.length && common < chain.length && this.open[common]!.key === chain[common]!.key) common++;
    this.open.length = common;
    for (let i = common; i < chain.length; i++) {
      const c = chain[i]!;
      const node: ContainerNode =
        c.kind === 'list' ? { type: 'list', ordered: c.ordered, children: [] } : c.kind === 'listItem' ? { type: 'listItem', children: [] } : { type: 'blockquote', children: [] };
      this.appendNode(node);
      this.open.push({ key: c.key, node });
    }
  }

  private appendNode(node: BlockContent | ListItem): void {
    const parent = this.open[this.open.length - 1]?.node;
    if (!parent) {
      if (node.type !== 'listItem') this.currentSection().children.push(node);
      return;
    }
    if (parent.type === 'list') {
      if (node.type === 'listItem') parent.children.push(node);
      else parent.children.push({ type: 'listItem', children: [node] });
    } else if (node.type === 'listItem') {
      parent.children.push({ type: 'list', ordered: false, children: [node] });
    } else {
      parent.children.push(node);
    }
  }

  private append(node: BlockContent): void {
    this.appendNode(node);
  }

  private illustration(unit: ParsedUnit): Illustration {
    const image = unit.image;
    const url = image ? resolveUrl(image.url, this.ctx.baseUrl, false) : null;
    const caption = unit.reader.text.trim();
    const children = caption ? this.claims(unit.reader, undefined) : [];
    return {
      type: 'illustration',
      caption,
      ...(url ? { url } : {}),
      ...(children.length > 0 ? { children } : {}),
      position: this.ctx.lines.position(unit.start, unit.end),
    };
  }

  private addCaption(text: MappedText, unit: ParsedUnit): void {
    this.enter(unit.containers);
    const parent = this.open[this.open.length - 1]?.node;
    const siblings: Array<BlockContent | ListItem> = parent ? parent.children : this.currentSection().children;
    const last = siblings[siblings.length - 1];
    const [s, e] = text.length > 0 ? text.sourceRange() : [unit.start, unit.end];
    // A caption right after an image describes it.
    // Its sentences are claims too: a caption's dates and figures are facts of the piece.
    const children = text.length > 0 ? this.claims(text, undefined) : [];
    if (last && last.type === 'illustration' && last.url !== undefined && last.position && (!last.caption || last.caption.length < text.length)) {
      last.caption = text.text;
      if (children.length > 0) last.children = children;
      else delete last.children;
      last.position = this.ctx.lines.position(last.position.start.offset, Math.max(e, last.position.end.offset));
      return;
    }
    this.append({ type: 'illustration', caption: text.text, ...(children.length > 0 ? { children } : {}), position: this.ctx.lines.position(s, e) });
  }

  private table(unit: ParsedUnit): Table {
    const data = unit.table!;
    const { lines } = this.ctx;
    const rows: TableRow[] = data.rows.map((row, r) => ({
      type: 'tableRow',
      header: r === 0,
      children: row.cells.map(
        (cell): TableCell => ({ type: 'tableCell', text: cell.text.text, children: this.claims(cell.text, undefined), position: lines.position(cell.start, cell.end) }),
      ),
      position: lines.position(row.start, row.end),
    }));
    subjectsFromHeaders(rows);
    return { type: 'table', align: data.align, children: rows, position: lines.position(unit.start, unit.end) };
  }
}

/**
 * A figure alone in a table cell ("2,060,000" under "Displaced people (2023)") says what it counts
 * only through its column's header: that header, without a parenthesised note and with a
 * capitalised first word lowered (as subjects found in sentences are), becomes the subject of
 * each figure in the column that has none. Headers with digits (years, quarters, dates) name a
 * time or a series, not the kind of thing counted, and are left out.
 */
function subjectsFromHeaders(rows: TableRow[]): void {
  const header = rows[0];
  if (!header?.header) return;
  const subjects = header.children.map((cell) => {
    const text = cell.text.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
    if (!/\p{L}{2}/u.test(text) || /\d/.test(text)) return null;
    // "Displaced people" → "displaced people"; "GDP growth" and "UN staff" keep their capitals.
    return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
  });
  for (const row of rows.slice(1)) {
    row.children.forEach((cell, column) => {
      const subject = subjects[column];
      if (!subject) return;
      for (const claim of cell.children) {
        for (const inline of claim.children) if (inline.type === 'figure' && inline.subject === null) inline.subject = subject;
      }
    });
  }
}

/**
 * The union of `ranges` as sorted disjoint [start, end) intervals (empty ranges left out): what
 * `MappedText.without` reads. Flattened pages carry hundreds of drops.
 */
function mergeRanges(ranges: ReadonlyArray<{ start: number; end: number }>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const r of [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last[1]) last[1] = Math.max(last[1], r.end);
    else merged.push([r.start, r.end]);
  }
  return merged;
}

/**
 * An extractor span with its id and position, keys in the order `{ ...span, id, position }` gives:
 * the span itself, the two keys added at its end. Each analysis is made for this one call and its
 * spans are fresh objects, each listed once, so they become the nodes; a copy went through
 * megamorphic key-by-key stores (spread was several times slower still).
 */
function inlineNode(span: InlineSpan, id: string, position: Position): InlineContent {
  const node = span as InlineSpan & { id: string; position: Position };
  node.id = id;
  node.position = position;
  return node as unknown as InlineContent;
}

/** Inline order: by start, a longer span before a shorter one at the same start. */
const byRange = (p: InlineContent, q: InlineContent): number => p.range[0] - q.range[0] || q.range[1] - p.range[1];

/**
 * `children.sort(byRange)`: a claim holds a handful of inlines, which an insertion sort (stable, as
 * `sort` is, so the same order) puts in order for less than the set-up of the built-in sort.
 */
function sortByRange(children: InlineContent[]): void {
  if (children.length > 16) {
    children.sort(byRange);
    return;
  }
  for (let i = 1; i < children.length; i++) {
    const node = children[i]!;
    let j = i;
    for (; j > 0 && byRange(children[j - 1]!, node) > 0; j--) children[j] = children[j - 1]!;
    children[j] = node;
  }
}

/** An ASCII letter or digit first: the sentence surely holds a letter or a number. */
function startsAlnum(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

const NO_RUNS: readonly number[] = [];

const sameChain = (a: readonly Container[], b: readonly Container[]): boolean =>
  a.length === b.length && a.every((c, i) => c.key === b[i]!.key);

type Spanned = { position?: Position; children?: unknown[] };

const CONTAINERS = new Set(['list', 'listItem', 'blockquote']);

/**
 * Drop lists, items and quotes left empty (their text was all residue or punctuation), deepest
 * first, so no container without content reaches the tree. Iterative, like every walk here.
 */
function pruneEmpty(section: Section): void {
  const order: Spanned[] = [];
  const stack: Spanned[] = [section];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of (node.children ?? []) as Array<Spanned & { type: string }>) if (CONTAINERS.has(child.type)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]! as { children: Array<{ type: string; children?: unknown[] }> };
    node.children = node.children.filter((c) => !CONTAINERS.has(c.type) || (c.children?.length ?? 0) > 0);
  }
}

/** Give containers (sections, lists, items, quotes) the span of what they hold; iterative. */
function setSpan(root: Spanned, lines: LineIndex): void {
  const order: Spanned[] = [];
  const stack: Spanned[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of (node.children ?? []) as Spanned[]) {
      if (child && typeof child === 'object' && 'type' in child && (child as { type: string }).type !== 'claim') stack.push(child);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let s = node.position?.start.offset ?? Number.POSITIVE_INFINITY;
    let e = node.position?.end.offset ?? Number.NEGATIVE_INFINITY;
    for (const child of (node.children ?? []) as Spanned[]) {
      if (!child.position) continue;
      s = Math.min(s, child.position.start.offset);
      e = Math.max(e, child.position.end.offset);
    }
    if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
    // Positions come from `lines.position`, which gives the same points for the same offsets: a span
    // its children do not widen (a paragraph over its claims, most often) keeps its position.
    if (node.position && node.position.start.offset === s && node.position.end.offset === e) continue;
    node.position = lines.position(s, e);
  }
}

/**
 * The text before each run-in heading and after the last, in one pass: what filtering `rest` twice
 * per heading gives (`s < h.start` → piece, `s >= h.end` → new rest), which was quadratic on
 * flattened pages with many headings. Piece k holds the characters with M(k-1) <= s < start(k),
 * M(k) the largest heading end so far; these ranges are disjoint and ordered (start sorted,
 * M(k) >= end(k) >= start(k)), so each character belongs to at most one piece, found by binary search.
 */
function splitAtHeadings(reader: MappedText, headings: ReadonlyArray<{ start: number; end: number }>): { pieces: MappedText[]; rest: MappedText } {
  const n = headings.length;
  if (headings.some((h) => h.end < h.start)) {
    // Not produced by the cleaning rules; keep the plain definition for it.
    const pieces: MappedText[] = [];
    let rest = reader;
    for (const h of headings) {
      pieces.push(rest.filter((s) => s < h.start));
      rest = rest.filter((s) => s >= h.end);
    }
    return { pieces, rest };
  }
  const maxEnd: number[] = [];
  let m = Number.NEGATIVE_INFINITY;
  for (const h of headings) {
    m = Math.max(m, h.end);
    maxEnd.push(m);
  }
  // Runs of reader text per piece (pairs of [from, to)), taken out at the end.
  const runs: number[][] = Array.from({ length: n + 1 }, () => []);
  // With starts sorted, the search's answer holds for every s in [start(lo-1), start(lo)): reading
  // order keeps s there for long stretches, so the last answer is reused while it holds.
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) sorted = headings[k - 1]!.start <= headings[k]!.start;
  let lo = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let runInto = -1;
  let runFrom = 0;
  const { start, length, at } = reader;
  let i = 0;
  while (i < length) {
    const s = start[at + i]!;
    if (!(s >= low && s < high)) {
      lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (headings[mid]!.start > s) hi = mid;
        else lo = mid + 1;
      }
      if (sorted) {
        low = lo === 0 ? Number.NEGATIVE_INFINITY : headings[lo - 1]!.start;
        high = lo === n ? Number.POSITIVE_INFINITY : headings[lo]!.start;
      }
    }
    // Past the last heading too (lo = n): the piece after M(n-1).
    const from = lo === 0 ? Number.NEGATIVE_INFINITY : maxEnd[lo - 1]!;
    const into = s >= from ? lo : -1;
    // Characters going to the same piece in a row are copied as one run.
    if (into !== runInto) {
      if (runInto >= 0) runs[runInto]!.push(runFrom, i);
      runInto = into;
      runFrom = i;
    }
    // The characters after it with the same answer (same search range, same side of M(lo-1))
    // join the run in a tight loop.
    i++;
    if (into >= 0) {
      for (; i < length; i++) {
        const t = start[at + i]!;
        if (!(t >= low && t < high && t >= from)) break;
      }
    } else {
      for (; i < length; i++) {
        const t = start[at + i]!;
        if (!(t >= low && t < high && t < from)) break;
      }
    }
  }
  if (runInto >= 0) runs[runInto]!.push(runFrom, length);
  const built = runs.map((r) => reader.pick(r));
  return { pieces: built.slice(0, n), rest: built[n]! };
}
