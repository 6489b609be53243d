import { createHash } from 'node:crypto';
import type { Brief, Claim, Section } from '@briefs/ast';
import { BriefsError, claimsWithSection } from '@briefs/ast';
import { type HostPlan, type PartRelocation, assemblePack, relocationOf } from './assemble.js';
import { briefAnchor, briefBlocks, byline } from './brief-blocks.js';
import { chartBlocks } from './charts.js';
import type { ChartDrawings, ChartSpecLike, ChartsApi } from './charts.js';
import { type DateInput, formatDate, resolveDocumentDate } from './dates.js';
import { Layout, MARGIN_TOP, type PageSize, type RecordedAnchor, type RecordedBookmark } from './layout.js';
import { APPENDIX_ANCHOR, AT_A_GLANCE_ANCHOR, PACK_CHARTS, appendixPieces, atAGlancePieces, withCharts } from './pack-blocks.js';
import type { PackConfig } from './pack-file.js';
import { chartOptions, resolveCharts } from './render-brief.js';
import { DEFAULT_COLOURS, type ThemeColours } from './styles.js';

export interface PackTheme {
  organisation?: string;
  colours?: Partial<ThemeColours>;
  /** PNG or JPEG file for the cover. */
  logo?: string | null;
}

export interface PackOptions {
  title: string;
  subtitle?: string;
  /** Cover date and CreationDate. Default: SOURCE_DATE_EPOCH, else the newest input date. */
  date?: DateInput;
  pageSize?: PageSize;
  theme?: PackTheme;
  charts?: ChartsApi | false;
  fontDir?: string;
}

/** Pack options from a validated pack file. */
export function packOptionsFrom(config: PackConfig): PackOptions {
  return {
    title: config.title,
    subtitle: config.subtitle,
    ...(config.date ? { date: `${config.date}T00:00:00Z` } : {}),
    pageSize: config.pageSize,
    theme: { organisation: config.theme.organisation, colours: config.theme.colours, logo: config.theme.logo },
  };
}

interface ContentsEntry {
  title: string;
  note: string;
  anchor: string;
}

/**
 * What the pack's own pages (cover, contents, at a glance, appendix) need of one document: the
 * brief cut down to its metadata and the claims that hold figures or dates (with only those
 * inline nodes), and the counts the tables show. A few kilobytes where the AST can be hundreds,
 * so a pack of 10,000 documents is planned without holding 10,000 ASTs.
 */
export interface PackDigest {
  brief: Brief;
  claims: number;
  quotes: number;
}

export function packDigest(brief: Brief): PackDigest {
  const kept: Claim[] = [];
  let claims = 0;
  let quotes = 0;
  for (const { claim } of claimsWithSection(brief)) {
    claims++;
    const inlines: Claim['children'] = [];
    for (const c of claim.children) {
      if (c.type === 'quote') quotes++;
      // Where a node is in the source is for the brief's own pages: the pack's never show it.
      else if (c.type === 'figure' || c.type === 'date') inlines.push(withoutPosition(c));
    }
    if (inlines.length > 0) kept.push({ ...withoutPosition(claim), children: inlines });
  }
  const { residue: _residue, diagnostics: _diagnostics, position: _position, ...rest } = brief;
  const section: Section = { type: 'section', id: 's0', depth: 0, heading: null, children: [{ type: 'paragraph', children: kept } as unknown as Section['children'][number]] };
  return { brief: { ...rest, children: kept.length > 0 ? [section] : [] }, claims, quotes };
}

/** A node without its `position` (a digest's nodes are read only for what they say). */
function withoutPosition<T extends { position?: unknown }>(node: T): T {
  const { position: _position, ...rest } = node;
  return rest as T;
}

/** What the pack's own pages need of one rendered part: its pages and where its anchors are. */
export interface PartLayout {
  id: string;
  pages: number;
  title: string;
  anchors: readonly RecordedAnchor[];
}

/** A document's pages in a pack, drawn once and assembled into any pack with the same look. */
export interface PackPart {
  pdf: Uint8Array;
  meta: PackPartMeta;
}

export interface PackPartMeta {
  id: string;
  pages: number;
  /** Running title of its pages (drawn in their header). */
  title: string;
  bookmarks: RecordedBookmark[];
  anchors: RecordedAnchor[];
  /** Where its objects and the numbers to rewrite in them are, so assembling it needs no parsing. */
  relocation: PartRelocation;
}

/** Header label of every page of a pack: the organisation, else the pack's title. */
const packLabel = (options: PackOptions): string => options.theme?.organisation?.trim() || options.title;

/**
 * Layout of a piece of a pack: its running header (its own title and the pack's label) drawn as
 * each page starts, the footer left to the assembly, which numbers it; pages streamed out.
 */
function partLayout(options: PackOptions, lang: string, title: string): Layout {
  const layout = new Layout({
    pageSize: options.pageSize ?? 'A4',
    colours: { ...DEFAULT_COLOURS, ...options.theme?.colours },
    info: { title, author: '', subject: '', keywords: [] },
    lang,
    date: new Date(0),
    headerLabel: packLabel(options),
    assembly: true,
    furniture: 'header',
    stream: true,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  });
  layout.runningTitle = title;
  layout.addPage();
  return layout;
}

async function finishPart(layout: Layout, id: string, title: string): Promise<PackPart> {
  const pdf = await layout.finish();
  const relocation = relocationOf(pdf, `pack part ${id}`);
  return { pdf, meta: { id, pages: layout.pageTitles.length, title, bookmarks: layout.marks.bookmarks, anchors: layout.marks.anchors, relocation } };
}

/**
 * One document's pages of a pack (`briefs build` keeps them beside the manifest, so a pack where
 * one document changed redraws that document's pages only). Footers, bookmarks and destinations
 * are left to `assemblePack`, which knows where the pages land; the running header is drawn here.
 * `chartDrawings`: charts drawn before, and where those drawn now are recorded.
 */
export async function renderPackPart(brief: Brief, options: PackOptions, chartDrawings?: ChartDrawings): Promise<PackPart> {
  const charts = await resolveCharts(options.charts);
  const colours = { ...DEFAULT_COLOURS, ...options.theme?.colours };
  const drawn = charts ? await chartBlocks(charts, charts.briefCharts(brief, chartOptions(options.pageSize ?? 'A4', colours)), chartDrawings) : [];
  const title = brief.meta.title || brief.id;
  const layout = partLayout(options, brief.meta.language || 'en', title);
  layout.group('Art', () => layout.render(briefBlocks(brief, { charts: drawn })), { lang: brief.meta.language || 'en' });
  return finishPart(layout, brief.id, title);
}

/**
 * Where the pieces of the pack's cross-document pages are kept between packs (see
 * `SECTION_CHUNK`): by a key of exactly what a piece shows and how, salted by the caller with
 * what else decides its bytes (the version of this code).
 */
export interface SectionCache {
  salt: string;
  get(key: string): Promise<PackPart | null>;
  put(key: string, part: PackPart): Promise<void>;
}

/**
 * The key a piece of the pack is kept under: a SHA-256 of what it shows (`shown`) and of all
 * else that decides its bytes (page size, colours, fonts, language, the header's label, and the
 * caller's salt).
 */
function pieceKey(cache: SectionCache, options: PackOptions, lang: string, shown: unknown): string {
  const colours = { ...DEFAULT_COLOURS, ...options.theme?.colours };
  return createHash('sha256')
    .update(JSON.stringify([cache.salt, options.pageSize ?? 'A4', colours, options.fontDir ?? '', lang, packLabel(options), shown]))
    .digest('hex');
}

/** The pack's language: its documents' one language, else English. */
function packLang(digests: readonly PackDigest[]): string {
  const languages = [...new Set(digests.map((d) => d.brief.meta.language).filter(Boolean))];
  return languages.length === 1 ? (languages[0] ?? 'en') : 'en';
}

/**
 * The pack's pages across documents, drawn from digests as parts of their own: "at a glance"
 * (the documents side by side, the pack charts, key figures) or the data appendix, in pieces
 * (see `SECTION_CHUNK`). Streamed, so a pack of 10,000 documents does not hold its hundreds of
 * table pages in memory; with a cache, a piece whose key is kept is taken from it, not drawn.
 * `between` is called before each piece (see `writePackFromParts`).
 */
export async function renderPackSection(
  section: 'at-a-glance' | 'appendix',
  digests: readonly PackDigest[],
  options: PackOptions,
  cache?: SectionCache,
  between?: () => void,
): Promise<PackPart[]> {
  const lang = packLang(digests);
  const pieces = section === 'appendix' ? appendixPieces(digests) : atAGlancePieces(digests);
  const colours = { ...DEFAULT_COLOURS, ...options.theme?.colours };
  const pageSize = options.pageSize ?? 'A4';
  // The pack charts' specs (what they show), made only when a piece shows them.
  let packCharts: { api: ChartsApi | null; specs: readonly ChartSpecLike[] } | null = null;
  const parts: PackPart[] = [];
  for (const piece of pieces) {
    between?.();
    if (piece.blocks.includes(PACK_CHARTS) && packCharts === null) {
      const api = await resolveCharts(options.charts);
      packCharts = { api, specs: api ? api.packCharts(digests.map((d) => d.brief), chartOptions(pageSize, colours)) : [] };
    }
    const specs = packCharts?.specs ?? [];
    // A piece of nothing but charts, with none to draw, is no piece.
    if (piece.blocks.every((b) => b === PACK_CHARTS) && specs.length === 0) continue;
    const key = cache ? pieceKey(cache, options, lang, [piece.id, piece.title, piece.blocks.map((b) => (b === PACK_CHARTS ? specs : b))]) : '';
    const kept = cache ? await cache.get(key) : null;
    if (kept) {
      parts.push(kept);
      continue;
    }
    const drawn = specs.length > 0 && packCharts?.api && piece.blocks.includes(PACK_CHARTS) ? await chartBlocks(packCharts.api, specs) : [];
    const layout = partLayout(options, lang, piece.title);
    layout.group('Sect', () => layout.render(withCharts(piece.blocks, drawn)));
    const part = await finishPart(layout, piece.id, piece.title);
    await cache?.put(key, part);
    parts.push(part);
  }
  return parts;
}

/** How many contents entries go on each page: on the first, under the heading, and on the others. */
function contentsGeometry(layout: Layout): { entryHeight: number; titleHeight: number; perFirst: number; perNext: number } {
  const entryStyle = layout.style('tocEntry');
  const noteStyle = layout.style('tocSub');
  const entryHeight = layout.lineHeight(entryStyle) + entryStyle.spaceAfter - 3 + layout.lineHeight(noteStyle) + noteStyle.spaceAfter;
  const titleHeight = layout.lineHeight(layout.style('h1')) + 24;
  const perFirst = Math.max(1, Math.floor((layout.maxY - MARGIN_TOP - titleHeight) / entryHeight));
  const perNext = Math.max(1, Math.floor((layout.maxY - MARGIN_TOP) / entryHeight));
  return { entryHeight, titleHeight, perFirst, perNext };
}

/** One line of the contents: what it shows and where it links. */
interface ContentsLine extends ContentsEntry {
  /** The page number shown ('' when its target is not in the pack). */
  page: string;
}

/**
 * The contents pages, one piece a page (see `SectionCache`), numbered for `parts` (at a glance,
 * each document, the appendix: in order) following the cover and these pages. A page is kept
 * under the key of exactly what it shows (its entries and their page numbers, whether it is the
 * first), so a pack where one document changed redraws no contents page when its page count
 * did not change, and otherwise only the pages from that document's entry on, whose numbers moved.
 */
export async function renderPackContents(digests: readonly PackDigest[], parts: readonly PartLayout[], options: PackOptions, cache?: SectionCache): Promise<PackPart[]> {
  if (digests.length === 0) throw new BriefsError('E_USAGE', 'a pack needs at least one document');
  const lang = packLang(digests);
  const entries: ContentsEntry[] = [
    { title: 'At a glance', note: 'The documents side by side, charts and key figures across them', anchor: AT_A_GLANCE_ANCHOR },
    ...digests.map(({ brief: b }) => ({ title: b.meta.title || b.id, note: byline(b), anchor: briefAnchor(b) })),
    { title: 'Data appendix', note: 'Every document and figure; where the full tables are', anchor: APPENDIX_ANCHOR },
  ];
  let measure: Layout | null = partLayout(options, lang, 'Contents');
  const geometry = contentsGeometry(measure);
  const { perFirst, perNext } = geometry;
  const pageCount = 1 + Math.max(0, Math.ceil((entries.length - perFirst) / perNext));
  // Parts follow the cover and the contents.
  let at = COVER_PAGES + pageCount;
  const anchorPage = new Map<string, number>();
  for (const part of parts) {
    for (const a of part.anchors) anchorPage.set(a.name, at + a.page);
    at += part.pages;
  }
  const lines: ContentsLine[] = entries.map((entry) => {
    const target = anchorPage.get(entry.anchor);
    return { ...entry, page: target === undefined ? '' : String(target + 1) };
  });
  const pieces: PackPart[] = [];
  for (let page = 0; page < pageCount; page++) {
    const from = page === 0 ? 0 : perFirst + (page - 1) * perNext;
    const shown = lines.slice(from, page === 0 ? perFirst : from + perNext);
    const key = cache ? pieceKey(cache, options, lang, ['contents', page === 0, shown]) : '';
    const kept = cache ? await cache.get(key) : null;
    if (kept) {
      pieces.push(kept);
      continue;
    }
    // The layout made to measure draws the first page drawn; every page is measured first, so
    // its fonts are named in the same order whichever page it is.
    const layout = measure ?? partLayout(options, lang, 'Contents');
    if (layout !== measure) contentsGeometry(layout);
    measure = null;
    drawContentsPage(layout, geometry, shown, page === 0);
    const part = await finishPart(layout, `contents-${page + 1}`, 'Contents');
    if (part.meta.pages !== 1) throw new BriefsError('E_INTERNAL', `contents page ${page + 1} took ${part.meta.pages} pages`);
    await cache?.put(key, part);
    pieces.push(part);
  }
  return pieces;
}

/** One contents page: under the heading "Contents" when it is the first. */
function drawContentsPage(layout: Layout, geometry: ReturnType<typeof contentsGeometry>, lines: readonly ContentsLine[], first: boolean): void {
  const { doc } = layout;
  const entryStyle = layout.style('tocEntry');
  const noteStyle = layout.style('tocSub');
  layout.group('TOC', () => {
    if (first) {
      layout.bookmark('Contents', 1);
      layout.tag('H1', () => layout.text('Contents', layout.style('h1')));
    }
    doc.y = layout.top + (first ? geometry.titleHeight : 0);
    const numberWidth = 40;
    for (const entry of lines) {
      const y = doc.y;
      const width = layout.width - numberWidth;
      layout.group('TOCI', () =>
        layout.tag('Link', () => {
          layout.useStyle(entryStyle);
          layout.line(layout.fitMixed(entry.title, entryStyle, width), layout.left, y, { goTo: entry.anchor });
          layout.line(entry.page, layout.left + width, y, { width: numberWidth, align: 'right', goTo: entry.anchor });
        }),
      );
      doc.y = y + layout.lineHeight(entryStyle) + entryStyle.spaceAfter - 3;
      const noteY = doc.y;
      if (entry.note) {
        layout.tag('P', () => {
          layout.useStyle(noteStyle);
          layout.line(layout.fitMixed(entry.note, noteStyle, width - 14), layout.left + 14, noteY);
        });
      }
      doc.y = noteY + layout.lineHeight(noteStyle) + noteStyle.spaceAfter;
    }
  });
}

/** Pages of the host before the parts: the cover. */
const COVER_PAGES = 1;

/**
 * The pack's own page, the cover, with the template of the footer of every part page that
 * follows it (`parts`: the contents pages, the "at a glance" section, each document, the
 * appendix: in order). `digests` are the documents', in pack order.
 */
export async function renderPackHost(digests: readonly PackDigest[], parts: readonly PartLayout[], options: PackOptions): Promise<PackHost> {
  if (digests.length === 0) throw new BriefsError('E_USAGE', 'a pack needs at least one document');
  const briefs = digests.map((d) => d.brief);
  const { date, shown } = resolveDocumentDate(options.date, briefs);
  const theme = options.theme ?? {};
  const colours = { ...DEFAULT_COLOURS, ...theme.colours };
  const organisation = theme.organisation?.trim() ?? '';
  const keywords = [...new Set(briefs.flatMap((b) => [...b.meta.topics, ...b.meta.regions]))].sort().slice(0, 40);

  const layout = new Layout({
    pageSize: options.pageSize ?? 'A4',
    colours,
    info: {
      title: options.title,
      author: organisation || [...new Set(briefs.map((b) => b.meta.publisher).filter(Boolean))].join(', '),
      subject: `Briefing pack of ${briefs.length} document${briefs.length === 1 ? '' : 's'}${options.subtitle ? `: ${options.subtitle}` : ''}`,
      keywords,
    },
    lang: packLang(digests),
    date,
    headerLabel: packLabel(options),
    assembly: true,
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
  });

  layout.runningTitle = '';
  layout.addPage();
  layout.plainPages.add(layout.pageIndex);
  drawCover(layout, { ...options, organisation, count: briefs.length, dateText: shown ? formatDate(date) : '' });
  if (layout.pageTitles.length !== COVER_PAGES) throw new BriefsError('E_INTERNAL', `the cover took ${layout.pageTitles.length} pages`);

  // Every part's pages go after these; its structure goes in this slot.
  const slotElement = layout.reserve('Part');
  const refs = hostRefs(layout, slotElement);
  const partPages = parts.reduce((n, p) => n + p.pages, 0);
  const pdf = await layout.finish({ total: COVER_PAGES + partPages, partPages });
  if (!layout.overlays) throw new BriefsError('E_INTERNAL', 'pack host made no page furniture');
  return { pdf, plan: { ...refs, slot: COVER_PAGES, overlays: layout.overlays, bookmarks: layout.marks.bookmarks, anchors: layout.marks.anchors } };
}

/** Object numbers of the host's objects the assembly rewrites. */
function hostRefs(layout: Layout, slot: PDFKit.PDFStructureElement): Omit<HostPlan, 'slot' | 'overlays' | 'bookmarks' | 'anchors'> {
  type Ref = { id: number; data: Record<string, unknown> };
  const doc = layout.doc as unknown as { _root: Ref & { data: { Pages: Ref & { data: { Kids: Ref[] } }; Names: Ref } }; getStructTreeRoot(): Ref };
  const idOf = (element: PDFKit.PDFStructureElement): number => (element as unknown as { dictionary: Ref }).dictionary.id;
  return {
    catalog: doc._root.id,
    pages: doc._root.data.Pages.id,
    names: doc._root.data.Names.id,
    structTreeRoot: doc.getStructTreeRoot().id,
    documentElement: idOf(layout.rootElement),
    slotElement: idOf(slot),
    pageIds: doc._root.data.Pages.data.Kids.map((k) => k.id),
  };
}

/** The pack's own pages, and where in them the parts go. */
export interface PackHost {
  pdf: Uint8Array;
  plan: HostPlan;
}

/**
 * The renderPack convenience: every part drawn here, then assembled. `briefs build` draws parts
 * as it renders briefs, keeps them, and assembles from those files instead.
 */
export async function renderPack(briefs: readonly Brief[], options: PackOptions): Promise<Uint8Array> {
  if (briefs.length === 0) throw new BriefsError('E_USAGE', 'a pack needs at least one document');
  const digests = briefs.map(packDigest);
  const parts: PackPart[] = await renderPackSection('at-a-glance', digests, options);
  for (const brief of briefs) parts.push(await renderPackPart(brief, options));
  parts.push(...(await renderPackSection('appendix', digests, options)));
  parts.unshift(...(await renderPackContents(digests, parts.map((p) => p.meta), options)));
  const host = await renderPackHost(digests, parts.map((p) => p.meta), options);
  const chunks: Uint8Array[] = [];
  assemblePack(host, parts, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

function drawCover(layout: Layout, cover: PackOptions & { organisation: string; count: number; dateText: string }): void {
  const { doc } = layout;
  const band = 120;
  layout.artifact(() => doc.rect(0, 0, doc.page.width, band).fill(layout.colours.primary));
  if (cover.organisation) {
    layout.tag('P', () => {
      layout.useStyle(layout.style('coverOrg'));
      doc.text(cover.organisation, layout.left, 48, { width: layout.width - 150, lineBreak: false });
    });
  }
  const logo = cover.theme?.logo;
  if (logo) {
    const w = 130;
    const h = 70;
    const x = doc.page.width - layout.left - w;
    layout.tag('Figure', () => doc.image(logo, x, (band - h) / 2, { fit: [w, h], align: 'right', valign: 'center' }), {
      alt: cover.organisation ? `Logo of ${cover.organisation}` : 'Logo',
      bbox: [x, (band - h) / 2, x + w, (band + h) / 2],
    });
  }
  doc.y = 230;
  layout.tag('H1', () => layout.text(cover.title, layout.style('coverTitle')));
  doc.y += 10;
  if (cover.subtitle) layout.tag('P', () => layout.text(cover.subtitle ?? '', layout.style('coverSubtitle')));
  doc.y += 20;
  const y = doc.y;
  layout.artifact(() => doc.moveTo(layout.left, y).lineTo(layout.left + 80, y).lineWidth(2).strokeColor(layout.colours.accent).stroke());
  doc.y += 16;
  const meta = layout.style('coverMeta');
  if (cover.dateText) layout.tag('P', () => layout.text(cover.dateText, meta));
  layout.tag('P', () => layout.text(`${cover.count} document${cover.count === 1 ? '' : 's'}`, meta));
}
