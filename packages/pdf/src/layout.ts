import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block, BlockMap, ChartBlock, HeadingBlock, ListBlock, ListEntry, ParagraphBlock, QuoteBlock, TableBlock } from './blocks.js';
import { FALLBACK_RUNS, faceOf, hasRtl, needsFallback, visualLine } from './bidi.js';
import { type FontRole, forgetUnmappedGlyphs, loadFonts, quickenFontLayout, roleFor, sharedLayoutCache } from './fonts.js';
import { safeUrl } from './links.js';
import { drawSvg } from './svg-draw.js';
import { type SvgText, splitSvgText, viewBoxOf } from './svg-text.js';
import { STYLES, type StyleName, type TextStyle, type ThemeColours, resolveColour } from './styles.js';

export type PageSize = 'A4' | 'Letter';

export interface LayoutOptions {
  pageSize: PageSize;
  colours: ThemeColours;
  /** Written to the PDF info dictionary and XMP. */
  info: { title: string; author: string; subject: string; keywords: string[] };
  /** BCP 47 language of the document (/Lang). */
  lang: string;
  /** CreationDate and ModDate: fixed, so the bytes are the same on every run. */
  date: Date;
  /** Right-hand side of the running header (organisation or publisher). */
  headerLabel: string;
  fontDir?: string;
  /**
   * A piece of a pack assembled later (see assemble.ts): bookmarks and named destinations are
   * recorded in `marks` instead of written, since their pages are only known once assembled.
   */
  assembly?: boolean;
  /**
   * Page furniture: running header and "Page n of N" footer drawn on every page at the end
   * (`'page'`, the default), or the running header only, drawn as each page starts (`'header'`:
   * pack parts, whose header is their own title wherever they land; the assembly writes the
   * footers, which are numbered where the page lands).
   */
  furniture?: 'page' | 'header';
  /**
   * Pages written out as they are finished instead of held to the end (bounded memory for a
   * pack section of thousands of rows). Needs `furniture: 'header'` and no going back to a page.
   */
  stream?: boolean;
}

/** A bookmark recorded for assembly: its page (index in this document) and top, in PDF space. */
export interface RecordedBookmark {
  title: string;
  level: number;
  page: number;
  top: number;
  expanded: boolean;
}

/** A named destination recorded for assembly. */
export interface RecordedAnchor {
  name: string;
  page: number;
  top: number;
}

/** How `finish` numbers pages, and the page furniture it makes for pages assembled in later. */
export interface FinishOptions {
  /** Number printed on page `index` (default index + 1). */
  pageNumber?: (index: number) => number;
  /** N of "Page n of N" (default the pages of this document). */
  total?: number;
  /**
   * Pages from elsewhere (pack parts, which draw their own running header) whose footers the
   * assembly writes from a template made in this document's fonts; see `Layout.overlays`.
   */
  partPages?: number;
}

/** How to write the footers of pages assembled in later (made by `finish`), and their fonts. */
export interface FurnitureOverlays {
  /** How to write the footer ("Page n of N") of each of those pages. */
  footer: FooterTemplate;
  /** Pages assembled in, all parts together. */
  pages: number;
  /** Fonts the streams use, by resource name, with their object numbers. */
  fonts: Array<{ name: string; object: number }>;
}

/**
 * A footer stream as pdfkit writes one, with the text and its place left open: the assembly
 * writes a footer for every page from it (thousands, in a large pack) with no text layout.
 */
export interface FooterTemplate {
  /** Operators before the text's matrix, and after its TJ. */
  before: string;
  after: string;
  /** Right edge and baseline of the text, in the stream's space. */
  right: number;
  y: number;
  /** Resource name and size of its font. */
  font: string;
  size: number;
  /** N of "Page n of N". */
  total: number;
  /** Glyph (hex, as encoded in the font) and advance (points) of each character the footers use. */
  glyphs: Record<string, { hex: string; width: number }>;
}

/** The content of the footer of page `number` (see `FooterTemplate`). */
export function footerStream(template: FooterTemplate, number: number): string {
  const text = footerText(number, template.total);
  let hex = '';
  let width = 0;
  for (const c of text) {
    const glyph = template.glyphs[c]!;
    hex += glyph.hex;
    width += glyph.width;
  }
  const x = Math.round((template.right - width) * 1000) / 1000;
  return `${template.before}1 0 0 1 ${x} ${template.y} Tm\n/${template.font} ${template.size} Tf\n[<${hex}> 0] TJ\n${template.after}`;
}

const footerText = (number: number, total: number): string => `Page ${number} of ${total}`;

/** Resource names of the fonts of overlay streams start with this. */
export const OVERLAY_FONT_PREFIX = 'Briefs';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);
/** Base writing direction of a BCP 47 language tag. */
export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr');

type Struct = PDFKit.PDFStructureElement;
/** Structure element options pdfkit accepts (its typings lag behind: bbox, placement, scope). */
type StructOptions = { title?: string; lang?: string; alt?: string; bbox?: [number, number, number, number]; placement?: string; scope?: string };

/** Draws one block type. `next` is the block that follows (for keep-with-next). */
type Handler<B extends Block> = (layout: Layout, block: B, next: Block | undefined) => void;

const MARGIN = { top: 64, bottom: 62, left: 58, right: 58 };
/** Top margin of every page, in points. */
export const MARGIN_TOP = MARGIN.top;
const PAGE_WIDTH: Record<PageSize, number> = { A4: 595.28, Letter: 612 };

/** Width of the text column of a page size, in points. */
export const textWidth = (size: PageSize): number => PAGE_WIDTH[size] - MARGIN.left - MARGIN.right;
const TABLE_PAD = 3.5;

/**
 * A pdfkit document with the house layout: tagged (PDF/UA-style structure: Document, Sect, H1–H3,
 * P, L/LI, Table/TR/TH/TD, Figure with /Alt, Link), bookmarks mirroring the headings, running
 * header and "Page n of N" footer, keep-with-next for headings, tables that repeat their header
 * row across pages, and right-to-left text in visual order.
 */
export class Layout {
  readonly doc: PDFKit.PDFDocument;
  readonly colours: ThemeColours;
  /** Running header text of each page, by page index. */
  readonly pageTitles: string[] = [];
  /** Pages that get no header or footer (a cover). */
  readonly plainPages = new Set<number>();
  /** Anchor → page index, for contents. */
  readonly anchors = new Map<string, number>();
  runningTitle = '';
  /** Base direction of paragraphs, from the document language. */
  readonly direction: 'ltr' | 'rtl';
  private readonly headerLabel: string;
  private readonly structs: Struct[] = [];
  private readonly outline: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  private readonly chunks: Uint8Array[] = [];
  private readonly ended: Promise<void>;
  private readonly assembly: boolean;
  private readonly furniture: 'page' | 'header';
  /** Bookmarks and destinations recorded in assembly mode. */
  readonly marks: { bookmarks: RecordedBookmark[]; anchors: RecordedAnchor[] } = { bookmarks: [], anchors: [] };
  /** Set by `finish` when it was asked for overlays. */
  overlays: FurnitureOverlays | null = null;

  constructor(options: LayoutOptions) {
    const { info, date } = options;
    this.colours = options.colours;
    this.headerLabel = options.headerLabel;
    this.assembly = options.assembly ?? false;
    this.furniture = options.furniture ?? 'page';
    if (options.stream && this.furniture === 'page') throw new Error('a streamed layout cannot draw page furniture at the end');
    this.direction = directionOf(options.lang);
    this.doc = new PDFDocument({
      // No default font: pdfkit would load and parse Helvetica's metrics for every document (from
      // a module of its own, which also keeps the renderer out of a startup snapshot), and every
      // text here names its face.
      font: null as unknown as string,
      size: options.pageSize === 'Letter' ? 'LETTER' : 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: !options.stream,
      pdfVersion: '1.7',
      tagged: true,
      lang: options.lang || 'en',
      displayTitle: true,
      compress: true,
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Keywords: info.keywords.join(', '),
        Creator: 'briefs',
        Producer: 'briefs with PDFKit',
        CreationDate: date,
        ModDate: date,
      },
    });
    const fonts = loadFonts(options.fontDir);
    forgetUnmappedGlyphs(fonts.values());
    const caches = new Map<string, Record<string, unknown>>();
    for (const [role, font] of fonts) {
      this.doc.registerFont(role, font as unknown as Buffer);
      caches.set(role, sharedLayoutCache(font));
    }
    // pdfkit makes a font object per document on first use; give it the shared shaping cache.
    // (Done lazily: a font made up front would be embedded even when unused.)
    const doc = this.doc as unknown as { font(name: string, ...rest: unknown[]): unknown; _font?: { layoutCache?: unknown }; _fontSource?: unknown };
    const font = doc.font.bind(this.doc);
    doc.font = (name: string, ...rest: unknown[]) => {
      font(name, ...rest);
      const cache = caches.get(name);
      if (cache && doc._font && doc._font.layoutCache !== cache) {
        doc._font.layoutCache = cache;
        quickenFontLayout(doc._font);
      }
      return this.doc;
    };
    // pdfkit writes a line at a time: small buffers are joined as they come, since a pack section
    // of thousands of pages would otherwise hold millions of them (each with its own overhead).
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const compact = (): void => {
      if (pending.length > 0) this.chunks.push(Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    this.doc.on('data', (chunk: Uint8Array) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 1 << 20) compact();
    });
    this.doc.on('end', compact);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => {
      this.pageTitles.push(this.runningTitle);
      if (this.furniture === 'header') this.headerAtPageStart();
    });
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    this.structs.push(root);
  }

  // --- geometry -------------------------------------------------------------------------------

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get maxY(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }
  get atPageTop(): boolean {
    return this.doc.y <= this.top + 0.5;
  }

  addPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.doc.page === undefined || (this.doc.y + height > this.maxY && !this.atPageTop)) this.addPage();
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (!this.atPageTop) this.doc.y = Math.min(this.doc.y + points, this.maxY);
  }

  // --- structure (tagged PDF) -----------------------------------------------------------------

  /** The Document element every other element hangs from. */
  get rootElement(): Struct {
    return this.structs[0]!;
  }

  get struct(): Struct {
    return this.structs[this.structs.length - 1]!;
  }

  /** A leaf structure element whose content is what `draw` paints. */
  tag(type: string, draw: () => void, options: StructOptions = {}): void {
    this.struct.add(this.doc.struct(type, options, draw));
  }

  /**
   * A paragraph (or other leaf) whose text is a link: `P › Link`, so the link annotation pdfkit
   * makes is attached to the Link element (PDF/UA 7.18.5). Plain text is a plain leaf.
   */
  tagLinked(type: string, link: string | null | undefined, draw: () => void, options: StructOptions = {}): void {
    if (safeUrl(link ?? null)) this.group(type, () => this.tag('Link', draw), options);
    else this.tag(type, draw, options);
  }

  /** A grouping element (Sect, L, Table…); children are tagged inside `body`. */
  group(type: string, body: () => void, options: StructOptions = {}): void {
    const element = this.doc.struct(type, options);
    this.struct.add(element);
    this.structs.push(element);
    try {
      body();
    } finally {
      this.structs.pop();
      element.end();
    }
  }

  /** A grouping element added here, in reading order, whose content is drawn later (contents). */
  reserve(type: string): Struct {
    const element = this.doc.struct(type);
    this.struct.add(element);
    return element;
  }

  /** Tags what `body` draws under an element made by `reserve`, then closes it. */
  within(element: Struct, body: () => void): void {
    this.structs.push(element);
    try {
      body();
    } finally {
      this.structs.pop();
      element.end();
    }
  }

  /** Paints decoration (rules, fills) outside the structure tree, as PDF artifacts. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  // --- outline and destinations ---------------------------------------------------------------

  bookmark(title: string, level: number): void {
    if (this.assembly) {
      this.marks.bookmarks.push({ title, level, page: this.pageIndex, top: this.doc.page.height - this.doc.y, expanded: level === 1 });
      return;
    }
    while (this.outline.length > 0 && this.outline[this.outline.length - 1]!.level >= level) this.outline.pop();
    const parent = this.outline[this.outline.length - 1]?.item ?? this.doc.outline;
    const options = { fit: false, top: this.doc.y, left: this.doc.page.width, zoom: 0, expanded: level === 1 } as never;
    const item = parent.addItem(title, options);
    this.outline.push({ level, item });
  }

  anchor(name: string): void {
    if (this.assembly) {
      this.marks.anchors.push({ name, page: this.pageIndex, top: this.doc.page.height - this.doc.y });
      this.anchors.set(name, this.pageIndex);
      return;
    }
    this.doc.addNamedDestination(name, 'XYZ', null as unknown as number, this.doc.y, null as unknown as number);
    this.anchors.set(name, this.pageIndex);
  }

  // --- text -----------------------------------------------------------------------------------

  style(name: StyleName): TextStyle {
    return STYLES[name];
  }

  colour(style: TextStyle): string {
    return resolveColour(style.color, this.colours);
  }

  useStyle(style: TextStyle, role: FontRole = style.font): void {
    this.doc.font(role).fontSize(style.size).fillColor(this.colour(style));
  }

  /** Font and size of a style, for measuring: the colour is set where text is drawn. */
  private measureWith(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
  }

  lineHeight(style: TextStyle, text = ''): number {
    this.measureWith(style);
    let height = this.doc.currentLineHeight(true);
    if (needsFallback(text)) {
      this.doc.font(roleFor(faceOf(text), style.font));
      height = Math.max(height, this.doc.currentLineHeight(true));
      this.doc.font(style.font);
    }
    return height + style.lineGap;
  }

  /** Height `text` takes in `style` at `width` (exact: the line breaking pdfkit will do). */
  heightOf(text: string, style: TextStyle, width: number): number {
    if (hasRtl(text) || needsFallback(text)) return this.richLines(text, style, width).length * this.lineHeight(style, text);
    this.measureWith(style);
    // One line needs no wrapping run (the common case of table cells, notes, headings).
    if (!text.includes('\n') && this.doc.widthOfString(text) <= width) return this.doc.currentLineHeight(true) + style.lineGap;
    return this.measureLines(text, style, width);
  }

  /** Lines pdfkit's wrapper made of a text while measuring it, by style, width and text. */
  private readonly wrapped = new Map<string, WrappedLine[]>();

  /**
   * `doc.heightOfString(text, { width, lineGap })`, the same run of pdfkit's line wrapper, keeping
   * the lines it makes: `text()` then writes them (table cells, headings and chart titles are
   * measured before they are drawn) instead of breaking the text into lines a second time.
   */
  private measureLines(text: string, style: TextStyle, width: number): number {
    const doc = this.doc as unknown as PdfkitInternals & PDFKit.PDFDocument;
    if (typeof doc._text !== 'function' || typeof doc._initOptions !== 'function') return doc.heightOfString(text, { width, lineGap: style.lineGap });
    const { x, y } = doc;
    const options = doc._initOptions({ width, lineGap: style.lineGap });
    options.height = Number.POSITIVE_INFINITY;
    const lineGap = (options.lineGap as number) || doc._lineGap || 0;
    const lines: WrappedLine[] = [];
    doc._text(text, doc.x, doc.y, options, (line: string, o: Record<string, unknown>) => {
      lines.push({ text: line, textWidth: o.textWidth as number, wordCount: o.wordCount as number, lineWidth: o.lineWidth as number });
      doc.y += doc.currentLineHeight(true) + lineGap;
    });
    const height = doc.y - y;
    doc.x = x;
    doc.y = y;
    if (this.wrapped.size >= 256) this.wrapped.clear();
    this.wrapped.set(wrapKey(text, style, width), lines);
    return height;
  }

  /**
   * Writes the lines `measureLines` kept for this text, style and width, as the wrapper would
   * (same operators, cursor moved down a line each), when all of them fit on the page; false,
   * with nothing written, otherwise.
   */
  private measuredLines(text: string, style: TextStyle, x: number, width: number, link: string | null, align: 'left' | 'right' | 'center'): boolean {
    if (this.wrapped.size === 0) return false;
    const key = wrapKey(text, style, width);
    const lines = this.wrapped.get(key);
    if (!lines) return false;
    this.wrapped.delete(key);
    const doc = this.doc as unknown as PdfkitInternals & PDFKit.PDFDocument;
    const lineGap = style.lineGap || doc._lineGap || 0;
    const step = doc.currentLineHeight(true) + lineGap;
    if (link || lines.length === 0 || typeof doc._fragment !== 'function' || doc.y + lines.length * step > this.maxY - 0.01) return false;
    for (const line of lines) {
      doc.x = x;
      doc._fragment(line.text, x, doc.y, { width, lineGap: style.lineGap, align, lineWidth: line.lineWidth, textWidth: line.textWidth, wordCount: line.wordCount });
      doc.y += step;
    }
    doc.x = this.left;
    return true;
  }

  /**
   * Height estimate for page-break decisions (keep together, keep with next): from the text's
   * width, no line breaking. Errs high (a line is taken as 90% full).
   */
  estimateHeight(text: string, style: TextStyle, width: number): number {
    if (hasRtl(text) || needsFallback(text)) return this.heightOf(text, style, width);
    this.measureWith(style);
    const lines = Math.max(1, Math.ceil(this.doc.widthOfString(text) / (width * 0.9)));
    return lines * (this.doc.currentLineHeight(true) + style.lineGap);
  }

  /**
   * Writes wrapping text at the cursor; pdfkit breaks lines and pages. Text holding Arabic or
   * another right-to-left script takes the bidi path instead.
   */
  text(text: string, style: TextStyle, options: { x?: number; width?: number; link?: string | null; align?: 'left' | 'right' | 'center'; direction?: 'ltr' | 'rtl' | 'auto' } = {}): void {
    const x = options.x ?? this.left + (style.indent ?? 0);
    const width = options.width ?? this.width - (x - this.left);
    const link = safeUrl(options.link ?? null);
    if (hasRtl(text) || needsFallback(text)) {
      this.richText(text, style, { x, width, link, align: options.align, direction: options.direction ?? this.direction });
      return;
    }
    this.useStyle(style);
    if (this.oneLine(text, style, x, width, link, options.align ?? 'left')) return;
    if (this.measuredLines(text, style, x, width, link, options.align ?? 'left')) return;
    this.doc.text(text, x, this.doc.y, {
      width,
      lineGap: style.lineGap,
      align: options.align ?? 'left',
      ...(link ? { link, underline: false } : {}),
    });
    this.doc.x = this.left;
  }

  /**
   * One line at (x, y) in the current font, which the caller made fit: what `doc.text` with
   * `lineBreak: false` writes, without pdfkit's line wrapper (a pack's contents have thousands).
   * Right-aligned in `width` when asked; `goTo` links it to a named destination.
   */
  line(text: string, x: number, y: number, options: { align?: 'right'; width?: number; goTo?: string } = {}): void {
    const textWidth = this.doc.widthOfString(text);
    const tx = options.align === 'right' && options.width !== undefined ? x + options.width - this.doc.widthOfString(text.replace(/\s+$/, '')) : x;
    writeFragment(this.doc, text, tx, y, { textWidth, ...(options.goTo ? { goTo: options.goTo } : {}) });
  }

  /**
   * Text that fits on one line at the cursor, written as pdfkit's line wrapper would write it (the
   * same operators, the cursor moved down one line) without making a wrapper for it: most table
   * cells, notes and headings. False, with nothing written, for anything else.
   */
  private oneLine(text: string, style: TextStyle, x: number, width: number, link: string | null, align: 'left' | 'right' | 'center'): boolean {
    // Mandatory breaks (UAX #14 BK, CR, LF, NL) are the wrapper's to make.
    if (link || align === 'center' || /[\n\r\v\f\u0085\u2028\u2029]/.test(text)) return false;
    const doc = this.doc;
    const lineHeight = doc.currentLineHeight(true);
    // Room to spare: the wrapper adds word widths one by one, this is the width of the whole.
    // The wrapper compares in single precision (rounded down); keep clear of the edge.
    if (doc.y + lineHeight > this.maxY - 0.01) return false;
    const textWidth = doc.widthOfString(text);
    if (textWidth > width - 0.01) return false;
    const tx = align === 'right' ? x + width - doc.widthOfString(text.replace(/\s+$/, '')) : x;
    writeFragment(doc, text, tx, doc.y, { textWidth });
    doc.x = this.left;
    doc.y += lineHeight + (style.lineGap || (doc as unknown as { _lineGap?: number })._lineGap || 0);
    return true;
  }

  private widthOfMixed(text: string, style: TextStyle): number {
    let width = 0;
    for (const part of text.split(FALLBACK_RUNS)) {
      if (part === '') continue;
      this.doc.font(roleFor(faceOf(part), style.font)).fontSize(style.size);
      width += this.doc.widthOfString(part);
    }
    return width;
  }

  /** Greedy line breaking in logical order (UAX #9: break first, then reorder each line). */
  private richLines(text: string, style: TextStyle, width: number): string[] {
    const words = text.replace(/\s+/g, ' ').trim().split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && this.widthOfMixed(candidate, style) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  private richText(
    text: string,
    style: TextStyle,
    options: { x: number; width: number; link: string | null; align: 'left' | 'right' | 'center' | undefined; direction: 'ltr' | 'rtl' | 'auto' },
  ): void {
    const lineHeight = this.lineHeight(style, text);
    const ascent = (role: FontRole): number => {
      this.doc.font(role).fontSize(style.size);
      return ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * style.size;
    };
    const baselineOffset = Math.max(ascent(style.font), needsFallback(text) ? ascent(roleFor(faceOf(text), style.font)) : 0);
    for (const line of this.richLines(text, style, options.width)) {
      if (this.doc.y + lineHeight > this.maxY) this.addPage();
      const visual = visualLine(line, options.direction);
      const runs = visual.runs.map((run) => {
        const role = roleFor(run.face, style.font);
        this.doc.font(role).fontSize(style.size);
        return { ...run, role, width: this.doc.widthOfString(run.text) };
      });
      const total = runs.reduce((sum, r) => sum + r.width, 0);
      const align = options.align ?? (visual.rtl ? 'right' : 'left');
      let cx = align === 'right' ? options.x + options.width - total : align === 'center' ? options.x + (options.width - total) / 2 : options.x;
      const baseline = this.doc.y + baselineOffset;
      const draw = (text: string, x: number): void => {
        this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(options.link ? { link: options.link } : {}) });
      };
      for (const run of runs) {
        this.doc.font(run.role).fontSize(style.size).fillColor(this.colour(style));
        if (run.rtl && hasRtl(run.text)) {
          // One text operation per word, in logical order, each at its visual place (right to
          // left). Text extraction (poppler's pdftotext) and copy-paste then read the words in
          // logical order; one operation per run comes out with its words reversed.
          const space = this.doc.widthOfString(' ');
          let x = cx + run.width;
          for (const word of run.text.split(' ')) {
            if (word !== '') {
              x -= this.doc.widthOfString(word);
              draw(word, x);
            }
            x -= space;
          }
        } else draw(run.text, cx);
        cx += run.width;
      }
      this.doc.y = baseline - baselineOffset + lineHeight;
    }
    this.doc.x = this.left;
  }

  // --- blocks ---------------------------------------------------------------------------------

  render(blocks: readonly Block[]): void {
    blocks.forEach((block, i) => {
      const handler = (HANDLERS as Record<string, Handler<Block> | undefined>)[block.type] ?? fallback;
      handler(this, block, blocks[i + 1]);
    });
  }

  /** Least height a block needs on the page where its heading sits (keep-with-next). */
  minHeight(block: Block | undefined): number {
    if (!block) return 0;
    switch (block.type) {
      case 'paragraph': {
        const style = this.style(block.style ?? 'paragraph');
        return Math.min(this.estimateHeight(block.text, style, this.width), this.lineHeight(style) * 3);
      }
      case 'list': {
        const first = block.items[0];
        return first ? listItemGeometry(this, block, first).height : 0;
      }
      case 'table':
        return tableGeometry(this, block).opening;
      case 'chart':
        return Math.min(this.width * block.aspect + 30, this.maxY - this.top);
      case 'quote':
        return this.lineHeight(this.style('quote')) * 2 + 12;
      case 'heading':
        return this.lineHeight(this.style(`h${block.level}`)) + 12;
      default:
        return 0;
    }
  }

  // --- finishing ------------------------------------------------------------------------------

  /** Running header and footer on every page but the plain ones, then the bytes. */
  async finish(options: FinishOptions = {}): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    const total = options.total ?? range.count;
    const pageNumber = options.pageNumber ?? ((index: number) => index - range.start + 1);
    if (this.furniture === 'page') {
      for (let i = range.start; i < range.start + range.count; i++) {
        if (this.plainPages.has(i)) continue;
        this.doc.switchToPage(i);
        this.pageFurniture(() => {
          this.drawHeader(this.pageTitles[i] ?? '');
          this.drawFooter(pageNumber(i), total);
        });
      }
    }
    if (options.partPages !== undefined) this.overlays = this.furnitureOverlays(options.partPages, total);
    for (const s of this.structs.splice(0).reverse()) s.end();
    this.doc.end();
    await this.ended;
    const size = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  /** Draws header or footer (pagination artifacts) with no bottom margin, so pdfkit never breaks the page. */
  private pageFurniture(draw: () => void): void {
    const page = this.doc.page;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    try {
      this.doc.markContent('Artifact', { type: 'Pagination' } as unknown as Record<string, unknown>);
      draw();
      this.doc.endMarkedContent();
    } finally {
      page.margins.bottom = bottom;
    }
  }

  /**
   * The running header drawn first on a page just added, in a saved graphics state, leaving the
   * text state of what is being drawn (a paragraph broken across pages goes on) as it was.
   */
  private headerAtPageStart(): void {
    const doc = this.doc as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown; x: number; y: number };
    const { _font, _fontSize, _fillColor, x, y } = doc;
    this.doc.save();
    this.pageFurniture(() => this.drawHeader(this.runningTitle));
    this.doc.restore();
    Object.assign(doc, { _font, _fontSize, _fillColor, x, y });
  }

  private drawHeader(title: string): void {
    const page = this.doc.page;
    const left = page.margins.left;
    const width = page.width - left - page.margins.right;
    const header = this.style('runningHeader');
    this.useStyle(header);
    const y = page.margins.top - 30;
    if (this.headerLabel) this.doc.text(this.headerLabel, left, y, { width, align: 'right', lineBreak: false });
    if (title) {
      const room = width - (this.headerLabel ? this.doc.widthOfString(this.headerLabel) + 16 : 0);
      this.writeClipped(title, header, left, y, room);
    }
    this.doc
      .moveTo(left, page.margins.top - 16)
      .lineTo(left + width, page.margins.top - 16)
      .lineWidth(0.5)
      .strokeColor(this.colours.rule)
      .stroke();
  }

  private drawFooter(number: number, total: number): void {
    const page = this.doc.page;
    const left = page.margins.left;
    const width = page.width - left - page.margins.right;
    this.useStyle(this.style('footer'));
    this.doc.text(footerText(number, total), left, page.height - MARGIN.bottom + 24, { width, align: 'right', lineBreak: false });
  }

  /**
   * Footers of pages drawn elsewhere (pack parts): the operators pdfkit writes for this
   * document's footer, caught instead of added to a page, with their fonts renamed
   * `/Briefs<font id>`, as the template the assembly writes each page's footer stream from (see
   * `FurnitureOverlays`). A footer runs in the unflipped space of a page that another document
   * drew, so it sets pdfkit's top-down transform itself.
   */
  private furnitureOverlays(partPages: number, total: number): FurnitureOverlays {
    type Font = { id: string; ref(): { id: number }; encode(text: string): [string[], unknown[]]; widthOfString(text: string, size: number): number };
    const doc = this.doc as unknown as { addContent(data: string): unknown; _fontFamilies: Record<string, Font>; _font: Font; _fontSize: number };
    const height = this.doc.page.height;
    const pages = this.doc.bufferedPageRange().count;
    const own = doc.addContent;
    const fontIds = new Set<string>();
    const captured = (draw: () => void): string => {
      const ops: string[] = [];
      doc.addContent = (data: string) => {
        ops.push(data);
        return this.doc;
      };
      try {
        this.pageFurniture(draw);
      } finally {
        doc.addContent = own;
      }
      const body = ops.join('\n').replace(/\/(F\d+) ([\d.]+ Tf)/g, (_, id: string, rest: string) => {
        fontIds.add(id);
        return `/${OVERLAY_FONT_PREFIX}${id} ${rest}`;
      });
      return `q\n0 Tc 0 Tw 100 Tz 0 Ts 0 Tr\n1 0 0 -1 0 ${height} cm\n${body}\nQ`;
    };
    // One footer drawn by pdfkit, as the template of all; its characters' glyphs are put in the font.
    const sample = captured(() => this.drawFooter(total, total));
    const font = doc._font;
    const size = doc._fontSize;
    const m = /^([\s\S]*\nBT\n)1 0 0 1 ([\d.]+) ([\d.]+) Tm\n\/(\S+) [\d.]+ Tf\n\[[^\]]*\] TJ\n([\s\S]*)$/.exec(sample);
    if (!m) throw new Error('a footer not written as one run of text');
    const glyphs: FooterTemplate['glyphs'] = {};
    for (const c of new Set(`${footerText(0, total)}123456789`)) glyphs[c] = { hex: font.encode(c)[0].join(''), width: font.widthOfString(c, size) };
    const footer: FooterTemplate = {
      before: m[1]!,
      after: m[5]!,
      right: Number(m[2]) + font.widthOfString(footerText(total, total), size),
      y: Number(m[3]),
      font: m[4]!,
      size,
      total,
      glyphs,
    };
    if (this.doc.bufferedPageRange().count !== pages) throw new Error('page furniture overflowed its page');
    const byId = new Map(Object.values(doc._fontFamilies).map((f) => [f.id, f]));
    const fonts = [...fontIds].sort().map((id) => ({ name: `${OVERLAY_FONT_PREFIX}${id}`, object: byId.get(id)!.ref().id }));
    return { footer, pages: partPages, fonts };
  }

  /** One line of text cut with an ellipsis to fit `width`. */
  private writeClipped(text: string, style: TextStyle, x: number, y: number, width: number): void {
    let line = text.replace(/\s+/g, ' ').trim();
    if (hasRtl(line) || needsFallback(line)) {
      // Header titles in RTL scripts: draw through the bidi path on one line.
      const saved = this.doc.y;
      this.doc.y = y;
      this.richText(this.fitMixed(line, style, width), style, { x, width, link: null, align: 'left', direction: 'auto' });
      this.doc.y = saved;
      return;
    }
    this.useStyle(style);
    if (this.doc.widthOfString(line) > width) {
      while (line.length > 1 && this.doc.widthOfString(`${line}…`) > width) line = line.slice(0, -1);
      line = `${line.trimEnd()}…`;
    }
    this.doc.text(line, x, y, { lineBreak: false });
  }

  /** `text` cut with an ellipsis to fit one line of `width`. */
  fitMixed(text: string, style: TextStyle, width: number): string {
    let line = text;
    while (line.length > 1 && this.widthOfMixed(line, style) > width) line = line.slice(0, -2);
    return line === text ? line : `${line.trimEnd()}…`;
  }
}

// --- handlers, one per block type --------------------------------------------------------------

const heading: Handler<HeadingBlock> = (layout, block, next) => {
  const style = layout.style(`h${block.level}`);
  layout.space(style.spaceBefore);
  const own = layout.heightOf(block.text, style, layout.width) + style.spaceAfter;
  // Keep with next: never leave a heading alone at the foot of a page.
  layout.ensure(own + layout.minHeight(next));
  if (block.anchor) layout.anchor(block.anchor);
  if (block.bookmark !== false) layout.bookmark(block.text, block.level);
  layout.tag(`H${block.level}`, () => layout.text(block.text, style));
  layout.doc.y += style.spaceAfter;
};

const paragraph: Handler<ParagraphBlock> = (layout, block) => {
  const style = layout.style(block.style ?? 'paragraph');
  layout.space(style.spaceBefore);
  layout.ensure(Math.min(layout.estimateHeight(block.text, style, layout.width), layout.lineHeight(style, block.text) * 2));
  const options = block.lang ? { lang: block.lang } : {};
  layout.tagLinked('P', block.link, () => layout.text(block.text, style, { link: block.link ?? null, ...(block.direction ? { direction: block.direction } : {}) }), options);
  layout.doc.y += style.spaceAfter;
};

/** Where a list item's text goes and how tall it is (text and note; at most a page). */
function listItemGeometry(layout: Layout, block: ListBlock, item: ListEntry) {
  const style = layout.style(block.style ?? 'listItem');
  const note = layout.style('note');
  const bullets = block.bullets !== false;
  const indent = (style.indent ?? 0) + (item.depth ?? 0) * 14 + (bullets ? 10 : 0);
  const width = layout.width - indent;
  const noteText = item.note ?? '';
  const height = layout.estimateHeight(item.text, style, width) + (noteText ? layout.estimateHeight(noteText, note, width) : 0);
  return { style, note, bullets, x: layout.left + indent, width, noteText, height: Math.min(height, layout.maxY - layout.top) };
}

const list: Handler<ListBlock> = (layout, block) => {
  layout.group('L', () => {
    for (const item of block.items) {
      const { style, note, bullets, x, width, noteText, height } = listItemGeometry(layout, block, item);
      // Keep an item whole when it fits on a page.
      layout.ensure(height);
      const y = layout.doc.y;
      layout.group('LI', () => {
        if (bullets) {
          layout.tag('Lbl', () => {
            layout.useStyle(style);
            layout.doc.text('•', x - 9, y, { lineBreak: false });
          });
        }
        layout.doc.y = y;
        layout.group('LBody', () => {
          layout.tagLinked('P', item.link, () => layout.text(item.text, style, { x, width, link: item.link ?? null }));
          if (noteText) layout.tagLinked('P', item.link, () => layout.text(noteText, { ...note, spaceAfter: 0 }, { x, width, link: item.link ?? null }));
        });
      });
      layout.doc.y += style.spaceAfter;
    }
  });
  layout.doc.y += 4;
};

const quote: Handler<QuoteBlock> = (layout, block) => {
  const style = layout.style('quote');
  const speaker = layout.style('quoteSpeaker');
  const indent = style.indent ?? 0;
  const width = layout.width - indent;
  const text = `“${block.text}”`;
  const by = block.speaker ? `— ${block.speaker}` : '— unattributed';
  const height = layout.estimateHeight(text, style, width) + layout.estimateHeight(by, speaker, width);
  layout.space(style.spaceBefore);
  layout.ensure(Math.min(height, layout.maxY - layout.top));
  const top = layout.doc.y;
  layout.group('BlockQuote', () => {
    layout.tag('P', () => layout.text(text, style, { x: layout.left + indent, width }));
    layout.tag('P', () => layout.text(by, speaker, { x: layout.left + indent, width }));
  });
  const bottom = layout.doc.y;
  if (layout.doc.y > top) {
    layout.artifact(() => {
      layout.doc
        .moveTo(layout.left + 3, top + 1)
        .lineTo(layout.left + 3, bottom - 3)
        .lineWidth(2)
        .strokeColor(layout.colours.accent)
        .stroke();
    });
  }
  layout.doc.y = bottom + speaker.spaceAfter;
};

/** Column widths and row heights of a table at the layout's text width. */
function tableGeometry(layout: Layout, block: TableBlock) {
  const head = layout.style('tableHeader');
  const cell = layout.style('tableCell');
  const shares = block.columns.reduce((n, c) => n + c.width, 0) || 1;
  const widths = block.columns.map((c) => (c.width / shares) * layout.width);
  const xs = widths.map((_, i) => layout.left + widths.slice(0, i).reduce((n, w) => n + w, 0));
  const rowHeight = (cells: readonly string[], style: TextStyle): number =>
    Math.max(...cells.map((text, i) => layout.heightOf(text, style, widths[i]! - 2 * TABLE_PAD))) + 2 * TABLE_PAD;
  const labels = block.columns.map((c) => c.label);
  const headHeight = rowHeight(labels, head);
  /** The header and the first row: what must fit where the table starts. */
  const opening = headHeight + (block.rows[0] ? rowHeight(block.rows[0], cell) : 0);
  return { head, cell, widths, xs, rowHeight, labels, headHeight, opening };
}

const table: Handler<TableBlock> = (layout, block) => {
  const { head, cell, widths, xs, rowHeight, labels, headHeight, opening } = tableGeometry(layout, block);

  const drawRow = (cells: readonly string[], style: typeof cell, isHead: boolean, index: number, height: number): void => {
    const y = layout.doc.y;
    const fill = isHead ? layout.colours.rule : index % 2 === 1 ? layout.colours.zebra : null;
    if (fill) layout.artifact(() => layout.doc.rect(layout.left, y, layout.width, height).fill(fill));
    layout.group('TR', () => {
      cells.forEach((text, i) => {
        const align = block.columns[i]?.align ?? 'left';
        const options = isHead ? { scope: 'Column' } : {};
        layout.tag(
          isHead ? 'TH' : 'TD',
          () => {
            layout.doc.y = y + TABLE_PAD;
            layout.text(text, style, { x: xs[i]! + TABLE_PAD, width: widths[i]! - 2 * TABLE_PAD, align });
          },
          options,
        );
      });
    });
    layout.doc.y = y + height;
  };

  layout.ensure(opening);
  layout.group('Table', () => {
    drawRow(labels, head, true, 0, headHeight);
    block.rows.forEach((row, index) => {
      const height = rowHeight(row, cell);
      if (layout.doc.y + height > layout.maxY) {
        // Split: the header row again at the top of the next page.
        layout.addPage();
        drawRow(labels, head, true, 0, headHeight);
      }
      drawRow(row, cell, false, index, height);
    });
  });
  const endY = layout.doc.y;
  layout.artifact(() => layout.doc.moveTo(layout.left, endY).lineTo(layout.left + layout.width, endY).lineWidth(0.5).strokeColor(layout.colours.rule).stroke());
  if (block.caption) {
    layout.doc.y += 3;
    layout.tag('Caption', () => layout.text(block.caption ?? '', layout.style('caption')));
  }
  layout.doc.y += 10;
};

const chart: Handler<ChartBlock> = (layout, block) => {
  const titleStyle = layout.style('h3');
  const caption = layout.style('caption');
  const width = layout.width;
  const height = Math.min(width * block.aspect, (layout.maxY - layout.top) * 0.7);
  const titleHeight = block.title ? layout.heightOf(block.title, titleStyle, width) + 4 : 0;
  layout.space(6);
  layout.ensure(titleHeight + (block.svg ? height : 0) + layout.lineHeight(caption) * 2);
  if (block.title) {
    layout.tag('P', () => layout.text(block.title, titleStyle));
    layout.doc.y += 4;
  }
  if (block.svg) {
    const x = layout.left;
    const y = layout.doc.y;
    const { svg, texts } = splitSvgText(block.svg);
    const box = viewBoxOf(block.svg);
    layout.tag(
      'Figure',
      () => {
        // cairo's shapes and clips drawn directly; any other SVG through svg-to-pdfkit.
        if (!drawSvg(layout.doc, svg, x, y, width, height)) {
          SVGtoPDF(layout.doc, svg, x, y, {
            width,
            height,
            assumePt: true,
            preserveAspectRatio: 'xMidYMid meet',
            // Text left in the SVG, if any, is set in the embedded faces.
            fontCallback: (_family, bold, italic) => (bold ? 'sans-bold' : italic ? 'sans-italic' : 'sans'),
          });
        }
        if (box) drawSvgTexts(layout, texts, x, y, width, height, box);
      },
      { alt: block.alt, bbox: [x, y, x + width, y + height], placement: 'Block' },
    );
    layout.doc.x = layout.left;
    layout.doc.y = y + height + 2;
  }
  const text = block.svg ? block.alt : `Chart not drawn (${block.error ?? 'unknown error'}). ${block.alt}`;
  layout.tag('Caption', () => layout.text(text, caption));
  layout.doc.y += caption.spaceAfter;
};

/** A line as pdfkit's line wrapper emits it, with what `_fragment` reads of the wrapper's options. */
interface WrappedLine {
  text: string;
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

/** The pdfkit 0.20 internals the text fast paths use (each checked before use). */
interface PdfkitInternals {
  _text?: (text: string, x: number, y: number, options: Record<string, unknown>, line: (line: string, options: Record<string, unknown>) => void) => void;
  _initOptions?: (options: Record<string, unknown>) => Record<string, unknown>;
  _fragment?: (text: string, x: number, y: number, options: object) => void;
  _lineGap?: number;
  x: number;
  y: number;
}

const wrapKey = (text: string, style: TextStyle, width: number): string => `${style.font}\u0000${style.size}\u0000${style.lineGap}\u0000${width}\u0000${text}`;

/**
 * One line of text (no line break in it) at (x, y): what `doc.text(text, x, y, { lineBreak: false })`
 * writes, through pdfkit's own line writer (`_fragment`, pdfkit 0.20) without the option copying,
 * line splitting and two more measurings of the text around it. `textWidth` is the text's width
 * when the caller has it (pdfkit would measure it again).
 */
function writeFragment(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: { baseline?: 'alphabetic'; textWidth?: number; goTo?: string }): void {
  const d = doc as unknown as { _fragment?: (text: string, x: number, y: number, options: object) => void; x: number; y: number };
  if (typeof d._fragment !== 'function') {
    doc.text(text, x, y, { lineBreak: false, ...options });
    return;
  }
  d.x = x;
  d.y = y;
  d._fragment(text, x, y, options);
  d.x = x + (options.textWidth ?? doc.widthOfString(text));
}

/** Chart labels in the chart's coordinates, scaled like svg-to-pdfkit's `xMidYMid meet`. */
function drawSvgTexts(layout: Layout, texts: readonly SvgText[], x: number, y: number, width: number, height: number, box: { width: number; height: number }): void {
  const { doc } = layout;
  const scale = Math.min(width / box.width, height / box.height);
  const dx = x + (width - box.width * scale) / 2;
  const dy = y + (height - box.height * scale) / 2;
  // One transform for all labels; font and colour set only where they change.
  doc.save();
  doc.transform(scale, 0, 0, scale, dx, dy);
  let font = '';
  let colour = '';
  for (const t of texts) {
    if (t.matrix) {
      doc.save();
      doc.transform(...t.matrix);
    }
    const role: FontRole = roleFor(faceOf(t.text), t.bold ? 'sans-bold' : t.italic ? 'sans-italic' : 'sans');
    if (font !== `${role}/${t.size}`) {
      doc.font(role).fontSize(t.size);
      font = `${role}/${t.size}`;
    }
    const w = doc.widthOfString(t.text);
    const tx = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
    if (colour !== `${t.fill}/${t.opacity}`) {
      doc.fillColor(t.fill, t.opacity);
      colour = `${t.fill}/${t.opacity}`;
    }
    if (t.text.includes('\n')) doc.text(t.text, tx, t.y, { lineBreak: false, baseline: 'alphabetic' });
    else writeFragment(doc, t.text, tx, t.y, { baseline: 'alphabetic', textWidth: w });
    if (t.matrix) {
      doc.restore();
      // The colour was set inside the saved state when it changed there.
      colour = '';
    }
  }
  doc.restore();
  doc.fillOpacity(1);
}

const pageBreak: Handler<BlockMap['pageBreak']> = (layout) => {
  if (!layout.atPageTop) layout.addPage();
};

/** Unknown block types (from a newer producer) are drawn as a paragraph of their text, if any. */
const fallback: Handler<Block> = (layout, block) => {
  const text = (block as { text?: unknown }).text;
  if (typeof text === 'string' && text.trim() !== '') paragraph(layout, { type: 'paragraph', text }, undefined);
};

export const HANDLERS: { [K in keyof BlockMap]: Handler<BlockMap[K]> } = {
  heading,
  paragraph,
  list,
  quote,
  table,
  chart,
  pageBreak,
};
