import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Brief, Claim, Section } from '@briefs/ast';
import { claimsWithSection } from '@briefs/ast';
import { type ChartSpecLike, type ChartsApi, chartOptions, resolveCharts } from './charts.js';
import type { DateInput } from './dates.js';
import { PACK_CHARTS, type SectionPiece, appendixPieces, atAGlancePieces } from './pack-blocks.js';
import type { PackConfig } from './pack-file.js';
import type { PageSize } from './page.js';
import { DEFAULT_COLOURS, type ThemeColours } from './styles.js';

/**
 * What a pack is made of before anything is drawn: its options, the digests of its documents, and
 * the plan of its cross-document pages (which pieces there are, the key each is kept under). This
 * module loads no renderer (no pdfkit, no fonts), so another process than the one that draws can
 * plan a pack: `briefs build` plans it in its own process while the PDF process draws the changed
 * document (see `planPackSections`).
 */

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

/** Header label of every page of a pack: the organisation, else the pack's title. */
export const packLabel = (options: PackOptions): string => options.theme?.organisation?.trim() || options.title;

/** The pack's language: its documents' one language, else English. */
export function packLang(digests: readonly PackDigest[]): string {
  const languages = [...new Set(digests.map((d) => d.brief.meta.language).filter(Boolean))];
  return languages.length === 1 ? (languages[0] ?? 'en') : 'en';
}

/**
 * The key a piece of the pack is kept under: a SHA-256 of what it shows (`shown`) and of all
 * else that decides its bytes (page size, colours, fonts, language, the header's label, and the
 * keeper's salt).
 */
export function pieceKey(salt: string, options: PackOptions, lang: string, shown: unknown): string {
  const colours = { ...DEFAULT_COLOURS, ...options.theme?.colours };
  return createHash('sha256')
    .update(JSON.stringify([salt, options.pageSize ?? 'A4', colours, options.fontDir ?? '', lang, packLabel(options), shown]))
    .digest('hex');
}

/** Where a kept piece's files are (`ext`: its PDF, or its meta as JSON, written last): hidden files of the store's folder. */
export const sectionFile = (dir: string, key: string, ext: 'pdf' | 'json'): string => join(dir, `${SECTION_PREFIX}${key}.${ext}`);
export const SECTION_PREFIX = '.section-';

/** One piece of "at a glance" or of the appendix as planned (see `SectionPiece`). */
export interface PlannedPiece {
  id: string;
  title: string;
  /** The key it is kept under ('' when pieces are not kept). */
  key: string;
  /**
   * What it shows, to draw it when it is not kept: its blocks, and the specs of the pack charts
   * when they are among them. A plan handed to another process leaves them out of pieces found kept.
   */
  draw?: { blocks: SectionPiece['blocks']; specs: readonly ChartSpecLike[] };
}

/** A section of the pack as planned: its pieces in order, in the pack's language. */
export interface PlannedSection {
  lang: string;
  pieces: PlannedPiece[];
}

/**
 * The pieces of "at a glance" or of the appendix for `digests`, each with the key it is kept
 * under when `salt` is given (a digest of the code that draws them), and what to draw it from.
 * A piece of nothing but the pack charts, when there are none, is no piece.
 */
export async function planPackSection(section: 'at-a-glance' | 'appendix', digests: readonly PackDigest[], options: PackOptions, salt: string | null): Promise<PlannedSection> {
  const lang = packLang(digests);
  const pieces = section === 'appendix' ? appendixPieces(digests) : atAGlancePieces(digests);
  // The pack charts' specs (what they show), made only when a piece shows them.
  let specs: readonly ChartSpecLike[] | null = null;
  const planned: PlannedPiece[] = [];
  for (const piece of pieces) {
    const charted = piece.blocks.includes(PACK_CHARTS);
    if (charted && specs === null) {
      const api = await resolveCharts(options.charts);
      specs = api ? api.packCharts(digests.map((d) => d.brief), chartOptions(options.pageSize ?? 'A4', { ...DEFAULT_COLOURS, ...options.theme?.colours })) : [];
    }
    const shownSpecs = charted ? (specs ?? []) : [];
    if (piece.blocks.every((b) => b === PACK_CHARTS) && shownSpecs.length === 0) continue;
    const key = salt === null ? '' : pieceKey(salt, options, lang, [piece.id, piece.title, piece.blocks.map((b) => (b === PACK_CHARTS ? shownSpecs : b))]);
    planned.push({ id: piece.id, title: piece.title, key, draw: { blocks: piece.blocks, specs: shownSpecs } });
  }
  return { lang, pieces: planned };
}

/**
 * The cross-document pages of a pack of `digests` (documents `ids`, in pack order) as planned by
 * a process that does not draw them, for `writePackFromParts` in one that does: what each piece is
 * kept under in `store`, and what to draw the pieces not kept there from. The drawing process
 * uses it only for the same documents and salt, and plans again itself when a piece said to be
 * kept is gone by then.
 */
export interface SectionPlan {
  salt: string;
  ids: string[];
  glance: PlannedSection;
  appendix: PlannedSection;
}

export async function planPackSections(digests: readonly PackDigest[], ids: readonly string[], options: PackOptions, store: { dir: string; salt: string }): Promise<SectionPlan> {
  const handed = (section: PlannedSection): PlannedSection => ({
    lang: section.lang,
    pieces: section.pieces.map((p) => (existsSync(sectionFile(store.dir, p.key, 'json')) && existsSync(sectionFile(store.dir, p.key, 'pdf')) ? { id: p.id, title: p.title, key: p.key } : p)),
  });
  return {
    salt: store.salt,
    ids: [...ids],
    glance: handed(await planPackSection('at-a-glance', digests, options, store.salt)),
    appendix: handed(await planPackSection('appendix', digests, options, store.salt)),
  };
}
