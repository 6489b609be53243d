import type { FigureKind } from '@briefs/ast';
import { inlinesOf } from '@briefs/ast';
import type { Block, ChartBlock, TableBlock } from './blocks.js';
import { shorten, snippetAround } from './brief-blocks.js';
import { formatIsoDate } from './dates.js';
import type { PackDigest } from './render-pack.js';

/** Which figures lead "key figures across documents": money first, then shares, then the rest. */
const KIND_RANK: Record<FigureKind, number> = { money: 0, percent: 1, count: 2, measure: 3, ordinal: 4 };

export const AT_A_GLANCE_ANCHOR = 'at-a-glance';
export const APPENDIX_ANCHOR = 'data-appendix';

/**
 * Documents per piece of the cross-document tables. A pack of more documents draws "at a glance"
 * and the appendix as pieces, each a part of its own starting a page: a table's rows in groups of
 * this many documents in pack order (a sub-heading names the range), the pack charts, the key
 * figures. A piece is kept with a key of exactly what it shows, so a pack where one document
 * changed redraws only the pieces that show it.
 */
export const SECTION_CHUNK = 100;

/** Where the pack charts go among a piece's blocks (they are drawn, or found kept, apart). */
export const PACK_CHARTS = 'pack-charts';

/** A piece of "at a glance" or of the appendix, drawn as one part. */
export interface SectionPiece {
  /** Names the part (its anchor for the first piece of a section). */
  id: string;
  /** Running title of its pages. */
  title: string;
  /** Its blocks; `PACK_CHARTS` stands for the heading and charts across documents, if any. */
  blocks: Array<Block | typeof PACK_CHARTS>;
}

/** [start, end) of each group of `SECTION_CHUNK` documents of `count`; one group for a small pack. */
function groups(count: number): Array<[number, number]> {
  if (count <= SECTION_CHUNK) return [[0, count]];
  const out: Array<[number, number]> = [];
  for (let start = 0; start < count; start += SECTION_CHUNK) out.push([start, Math.min(count, start + SECTION_CHUNK)]);
  return out;
}

const rangeHeading = (start: number, end: number): Block => ({ type: 'heading', level: 3, text: `Documents ${start + 1}–${end}` });

/**
 * A table of one row per document as pieces: the first with `opening` before it, each after the
 * first starting a page, each under a heading naming its documents (when there is more than one).
 */
function tablePieces(
  id: string,
  title: string,
  opening: Block[],
  count: number,
  table: (start: number, end: number) => TableBlock,
  closing: SectionPiece['blocks'] = [],
): SectionPiece[] {
  const all = groups(count);
  return all.map(([start, end], index) => ({
    id: index === 0 ? id : `${id}-${start + 1}`,
    title,
    blocks: [...(index === 0 ? opening : []), ...(all.length > 1 ? [rangeHeading(start, end)] : []), table(start, end), ...(index === all.length - 1 ? closing : [])],
  }));
}

/**
 * Rows of "key figures across documents" at most: past this, fewer figures per document, then the
 * first documents only (the caption says so). A pack of 1,000 documents would otherwise open with
 * 150 pages of figures that data/figures.csv holds anyway.
 */
export const MAX_KEY_FIGURE_ROWS = 300;

/** "At a glance": the documents side by side, the pack charts, the key figures of each document. */
export function atAGlancePieces(digests: readonly PackDigest[], most = 3): SectionPiece[] {
  const perDocument = Math.max(1, Math.min(most, Math.floor(MAX_KEY_FIGURE_ROWS / Math.max(1, digests.length))));
  const briefs = digests.map((d) => d.brief);
  const documents = (start: number, end: number): TableBlock => ({
    type: 'table',
    columns: [
      { label: 'Document', width: 0.42 },
      { label: 'Publisher', width: 0.2 },
      { label: 'Published', width: 0.14 },
      { label: 'Figures', width: 0.08, align: 'right' },
      { label: 'Claims', width: 0.08, align: 'right' },
      { label: 'Quotes', width: 0.08, align: 'right' },
    ],
    rows: digests.slice(start, end).map(({ brief: b, claims, quotes }) => [
      shorten(b.meta.title || b.id, 90),
      b.meta.publisher,
      formatIsoDate(b.meta.published),
      String(inlinesOf(b, 'figure').length),
      String(claims),
      String(quotes),
    ]),
  });
  const rows: string[][] = [];
  let shown = 0;
  for (const brief of briefs) {
    if (rows.length >= MAX_KEY_FIGURE_ROWS) break;
    shown++;
    const figures = inlinesOf(brief, 'figure')
      .map((f, index) => ({ ...f, index }))
      .sort((a, b) => KIND_RANK[a.node.kind] - KIND_RANK[b.node.kind] || a.index - b.index)
      .slice(0, perDocument);
    for (const { node, claim } of figures.slice(0, MAX_KEY_FIGURE_ROWS - rows.length)) rows.push([shorten(brief.meta.title || brief.id, 50), node.text, snippetAround(claim, node, 100)]);
  }
  const keyFigures: Block[] =
    rows.length === 0
      ? []
      : [
          { type: 'heading', level: 2, text: 'Key figures across documents' },
          {
            type: 'table',
            columns: [
              { label: 'Document', width: 0.28 },
              { label: 'Value', width: 0.17 },
              { label: 'In context', width: 0.55 },
            ],
            rows,
            caption: `${perDocument === 1 ? 'One figure' : `Up to ${perDocument} figures`} per document, money and percentages first${shown < briefs.length ? `, for the first ${shown} of ${briefs.length} documents` : ''}. Every figure is in data/figures.csv; the data appendix counts them by document.`,
          },
        ];
  const opening: Block[] = [
    { type: 'heading', level: 1, text: 'At a glance', anchor: AT_A_GLANCE_ANCHOR },
    { type: 'heading', level: 2, text: 'Documents' },
  ];
  const title = 'At a glance';
  // A small pack is one piece, as it reads best; a large one keeps the charts and the key figures
  // (drawn from every document) apart from the tables of documents.
  if (digests.length <= SECTION_CHUNK) return tablePieces(AT_A_GLANCE_ANCHOR, title, opening, digests.length, documents, [PACK_CHARTS, ...keyFigures]);
  const pieces = tablePieces(AT_A_GLANCE_ANCHOR, title, opening, digests.length, documents);
  pieces.push({ id: `${AT_A_GLANCE_ANCHOR}-charts`, title, blocks: [PACK_CHARTS] });
  if (keyFigures.length > 0) pieces.push({ id: `${AT_A_GLANCE_ANCHOR}-key-figures`, title, blocks: keyFigures });
  return pieces;
}

/** The blocks of "at a glance" with its charts drawn, all pieces in one (see `atAGlancePieces`). */
export function atAGlanceBlocks(digests: readonly PackDigest[], charts: readonly ChartBlock[], most = 3): Block[] {
  return atAGlancePieces(digests, most).flatMap((piece) => withCharts(piece.blocks, charts));
}

/** A piece's blocks with `PACK_CHARTS` replaced by the heading and charts (nothing without charts). */
export function withCharts(blocks: SectionPiece['blocks'], charts: readonly ChartBlock[]): Block[] {
  return blocks.flatMap((block) => (block !== PACK_CHARTS ? [block] : charts.length === 0 ? [] : [{ type: 'heading', level: 2, text: 'Across the documents' } as Block, ...charts]));
}

/** The data appendix: every document and every figure, with where to find the full tables. */
export function appendixPieces(digests: readonly PackDigest[]): SectionPiece[] {
  const briefs = digests.map((d) => d.brief);
  const documents = (start: number, end: number): TableBlock => ({
    type: 'table',
    columns: [
      { label: 'Doc id', width: 0.24 },
      { label: 'Title', width: 0.36 },
      { label: 'Published', width: 0.14 },
      { label: 'Source', width: 0.26 },
    ],
    rows: briefs.slice(start, end).map((b) => [b.id, shorten(b.meta.title, 80), b.meta.published ?? '', b.meta.sourceUrl]),
  });
  // Figures counted by kind per document: one row a document however long the pack. Every
  // figure itself is in data/figures.csv (a 100-document pack would need ~150 pages for them).
  const kinds: FigureKind[] = ['money', 'percent', 'count', 'measure', 'ordinal'];
  const caption = 'Figures found in each document, by kind; each figure with its value, unit, subject and line is in data/figures.csv.';
  const figures = (start: number, end: number): TableBlock => ({
    type: 'table',
    columns: [
      { label: 'Doc id', width: 0.34 },
      ...kinds.map((k) => ({ label: k[0]!.toUpperCase() + k.slice(1), width: 0.1, align: 'right' as const })),
      { label: 'All', width: 0.08, align: 'right' },
      { label: 'Dates', width: 0.08, align: 'right' },
    ],
    rows: briefs.slice(start, end).map((b) => {
      const found = inlinesOf(b, 'figure');
      return [b.id, ...kinds.map((k) => String(found.filter((f) => f.node.kind === k).length)), String(found.length), String(inlinesOf(b, 'date').length)];
    }),
    // Said once, under the first table of a large pack.
    ...(briefs.length <= SECTION_CHUNK || start === 0 ? { caption } : {}),
  });
  const title = 'Data appendix';
  const opening: Block[] = [
    { type: 'heading', level: 1, text: 'Data appendix', anchor: APPENDIX_ANCHOR },
    {
      type: 'paragraph',
      style: 'note',
      text: 'The full tables (documents, sections, claims, figures, dates, quotes, entities, links) are in data/*.csv, described by data/datapackage.json, and in data/briefs.xlsx.',
    },
    { type: 'heading', level: 2, text: 'Documents' },
  ];
  const figuresHeading: Block = { type: 'heading', level: 2, text: 'Figures by document' };
  if (briefs.length <= SECTION_CHUNK) {
    const [only] = tablePieces(APPENDIX_ANCHOR, title, opening, briefs.length, documents);
    only!.blocks.push(figuresHeading, figures(0, briefs.length));
    return [only!];
  }
  return [
    ...tablePieces(APPENDIX_ANCHOR, title, opening, briefs.length, documents),
    ...tablePieces(`${APPENDIX_ANCHOR}-figures`, title, [figuresHeading], briefs.length, figures),
  ];
}

/** The appendix's blocks, all pieces in one (see `appendixPieces`). */
export function appendixBlocks(digests: readonly PackDigest[]): Block[] {
  return appendixPieces(digests).flatMap((piece) => withCharts(piece.blocks, []));
}
